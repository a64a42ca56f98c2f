import { fsrs, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import { newFsrs } from './newItemState.ts';
import type { ReviewLogRow, StoredFsrs } from './types.ts';

export type Rating = 1 | 2 | 3 | 4;

export interface SchedulerOptions {
  /** Desired retention, 0.7–0.97. */
  retention: number;
}

export function createScheduler(options: SchedulerOptions): FSRS {
  // Fuzz off: the same log always rebuilds the same state, which is what makes the log the truth.
  return fsrs({ request_retention: options.retention, enable_fuzz: false, enable_short_term: true });
}

export function toStored(card: FsrsCard): StoredFsrs {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.getTime() } : {}),
  };
}

export function fromStored(s: StoredFsrs): FsrsCard {
  return {
    ...s,
    due: new Date(s.due),
    state: s.state,
    ...(s.last_review !== undefined ? { last_review: new Date(s.last_review) } : { last_review: undefined }),
  } as FsrsCard;
}

export function review(scheduler: FSRS, state: StoredFsrs, rating: Rating, now: number): StoredFsrs {
  return toStored(scheduler.next(fromStored(state), new Date(now), rating as Grade).card);
}

/**
 * Rebuilds an item's FSRS state by replaying its log rows in order: by moment, and answers given in
 * the same millisecond (two tabs) in the order they were stored (row id; the sort is stable).
 */
export function replay(scheduler: FSRS, rows: readonly Pick<ReviewLogRow, 'rating' | 'reviewedAt' | 'id'>[]): StoredFsrs | undefined {
  const sorted = [...rows].sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id !== undefined && b.id !== undefined ? a.id - b.id : 0));
  const first = sorted[0];
  if (!first) return undefined;
  let state = newFsrs(first.reviewedAt);
  for (const row of sorted) state = review(scheduler, state, row.rating, row.reviewedAt);
  return state;
}
