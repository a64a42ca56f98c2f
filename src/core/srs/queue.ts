import { dayStart, nextDayStart } from './day.ts';
import { FsrsState, type ReviewItem } from './types.ts';
import type { ExerciseKind } from '../exercises/kinds.ts';

/**
 * What the queue needs from storage. Every method is an indexed range read whose cost depends on
 * what it returns, not on how many items or log rows exist (see db/progressStore.ts).
 */
export interface QueueSource {
  /** Active, already-seen items of a deck with due <= until, oldest due first. */
  dueItems(deckId: string, until: number, limit: number): Promise<ReviewItem[]>;
  /** Active new items of a deck in introduction order, at most one per card, skipping the given card keys and items not accepted. */
  newItems(
    deckId: string,
    limit: number,
    skipCardKeys: ReadonlySet<string>,
    accept: (item: ReviewItem) => boolean,
  ): Promise<ReviewItem[]>;
  /** Log rows since a moment: card keys touched and how many new items were introduced. */
  reviewedSince(since: number): Promise<{ cardKeys: Set<string>; newIntroduced: number; reviews: number }>;
}

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Kinds the trainee has switched on; all when absent. */
  kinds?: readonly ExerciseKind[];
  /** Whether a speech voice is available (listen items without a recording need one). */
  voice?: boolean;
}

/** Learning steps are minutes apart; like Anki, show a learning item up to 20 minutes early. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export interface TodayQueue {
  /** Items to practise now, in order: due reviews first, then new. */
  items: ReviewItem[];
  dueCount: number;
  newCount: number;
  /** Learning items due later today (after a learning step), not yet shown. */
  laterToday: number;
  /** Reviews done and new items introduced so far today. */
  doneToday: number;
  newIntroducedToday: number;
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/**
 * Today's session for the chosen decks.
 * Rules: due items first (learning before review, then by due date), then new items up to the
 * daily new limit minus what was introduced today. Siblings are buried: a card with any kind
 * reviewed today, or already in this queue, contributes nothing more today.
 */
export async function buildTodayQueue(
  source: QueueSource,
  deckIds: readonly string[],
  now: number,
  limits: QueueLimits,
): Promise<TodayQueue> {
  const today = dayStart(now);
  const tomorrow = nextDayStart(now);
  const done = await source.reviewedSince(today);
  const buried = new Set(done.cardKeys);

  const reviewBudget = Math.max(0, limits.reviewsPerDay - done.reviews);
  const isLaterToday = (item: ReviewItem) =>
    (item.fsrs.state === FsrsState.Learning || item.fsrs.state === FsrsState.Relearning) &&
    (item.due ?? 0) > now + LEARN_AHEAD_MS;
  const kinds = new Set<string>(limits.kinds ?? []);
  const offered = (item: ReviewItem) =>
    (!limits.kinds || kinds.has(item.kind)) && (limits.voice !== false || !item.needsVoice);
  const usable = (item: ReviewItem) => offered(item) && !buried.has(item.cardKey) && !isLaterToday(item);

  // Read only about as many due rows as the budget needs: a share per deck first, and more from
  // the decks that had more only when the shares did not fill the budget.
  const share = Math.ceil(reviewBudget / Math.max(1, deckIds.length)) + 10;
  const dueLists = reviewBudget ? await Promise.all(deckIds.map((d) => source.dueItems(d, tomorrow - 1, share))) : [];
  if (dueLists.flat().filter(usable).length < reviewBudget) {
    await Promise.all(
      deckIds.map(async (d, i) => {
        if (dueLists[i]!.length === share) dueLists[i] = await source.dueItems(d, tomorrow - 1, reviewBudget + 50);
      }),
    );
  }
  const due: ReviewItem[] = [];
  let laterToday = 0;
  const all = dueLists.flat().sort((a, b) => {
    const learningA = a.fsrs.state === FsrsState.Review ? 1 : 0;
    const learningB = b.fsrs.state === FsrsState.Review ? 1 : 0;
    return learningA - learningB || (a.due ?? 0) - (b.due ?? 0);
  });
  for (const item of all) {
    if (!offered(item) || buried.has(item.cardKey)) continue;
    if (isLaterToday(item)) {
      laterToday++;
      continue;
    }
    if (due.length >= reviewBudget) break;
    buried.add(item.cardKey);
    due.push(item);
  }

  const newBudget = Math.max(0, limits.newPerDay - done.newIntroduced);
  // Same idea for new items: a share per deck, then more only from decks that had more.
  const newShare = Math.ceil(newBudget / Math.max(1, deckIds.length)) + 2;
  const newLists = newBudget ? await Promise.all(deckIds.map((d) => source.newItems(d, newShare, buried, offered))) : [];
  if (newLists.flat().length < newBudget) {
    await Promise.all(
      deckIds.map(async (d, i) => {
        if (newLists[i]!.length === newShare) newLists[i] = await source.newItems(d, newBudget, buried, offered);
      }),
    );
  }
  const fresh: ReviewItem[] = [];
  for (const item of interleave(newLists)) {
    if (fresh.length >= newBudget) break;
    if (buried.has(item.cardKey)) continue;
    buried.add(item.cardKey);
    fresh.push(item);
  }

  return {
    items: [...due, ...fresh],
    dueCount: due.length,
    newCount: fresh.length,
    laterToday,
    doneToday: done.reviews,
    newIntroducedToday: done.newIntroduced,
  };
}
