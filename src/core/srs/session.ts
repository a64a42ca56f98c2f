import { LEARN_AHEAD_MS } from './queue.ts';
import { FsrsState, type ReviewItem } from './types.ts';

export interface SessionStats {
  answered: number;
  /** Answers rated Good or Easy. */
  correct: number;
  /** Items seen for the first time in this session. */
  introduced: number;
  /** Distinct items finished for today (not coming back in this session). */
  finished: number;
}

/**
 * One practice session: a queue of items, worked front to back. An item in a learning step that
 * falls due again within the learn-ahead window comes back later in the same session, a few
 * items on (Anki's behaviour), so "Again" is practised again before the session ends.
 */
export class PracticeSession {
  private queue: ReviewItem[];
  readonly stats: SessionStats = { answered: 0, correct: 0, introduced: 0, finished: 0 };
  readonly total: number;

  constructor(items: readonly ReviewItem[], private readonly reinsertGap = 3) {
    this.queue = [...items];
    this.total = items.length;
  }

  get current(): ReviewItem | undefined {
    return this.queue[0];
  }

  get remaining(): number {
    return this.queue.length;
  }

  /** Share of the session done, 0–1, for the progress bar. */
  get progress(): number {
    const planned = this.stats.finished + this.queue.length;
    return planned === 0 ? 1 : this.stats.finished / planned;
  }

  /** Records the outcome for the current item; `after` is the item as stored after the review. */
  answered(before: ReviewItem, after: ReviewItem, rating: number, now: number): void {
    this.queue.shift();
    this.stats.answered++;
    if (rating >= 3) this.stats.correct++;
    if (before.fsrs.state === FsrsState.New) this.stats.introduced++;
    const learning = after.fsrs.state === FsrsState.Learning || after.fsrs.state === FsrsState.Relearning;
    if (learning && after.fsrs.due <= now + LEARN_AHEAD_MS) {
      this.queue.splice(Math.min(this.reinsertGap, this.queue.length), 0, after);
    } else {
      this.stats.finished++;
    }
  }
}
