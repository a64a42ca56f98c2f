import { isQuotaError } from '../db/errors.ts';
import { newLogUid } from '../db/logUid.ts';
import type { ReviewInput, UndoInput, UndoRefusal } from '../db/reviewWrites.ts';
import type { Rating } from './scheduler.ts';
import { LEARN_AHEAD_MS } from './queue.ts';
import { FIRST_KIND } from '../exercises/kinds.ts';
import { familyOf } from '../progress/activity.ts';
import { FsrsState, type ReviewItem } from './types.ts';

export interface SessionStats {
  answered: number;
  /** Answers rated Good or Easy. */
  correct: number;
  /** Items seen for the first time in this session. */
  introduced: number;
  /** Of those, words met for the first time (a card's first kind; every drill item). */
  newWords: number;
  /** Distinct items finished for today (not coming back in this session). */
  finished: number;
  /** Words set aside with "I know this word". */
  known: number;
}

/**
 * One practice session: a queue of items, worked front to back. An item in a learning step that
 * falls due again within the learn-ahead window comes back later in the same session, a few
 * items on (Anki's behaviour), so "Again" is practised again before the session ends.
 */
export class PracticeSession {
  private queue: ReviewItem[];
  readonly stats: SessionStats = { answered: 0, correct: 0, introduced: 0, newWords: 0, finished: 0, known: 0 };
  readonly total: number;

  constructor(
    items: readonly ReviewItem[],
    private readonly reinsertGap = 3,
  ) {
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

  /** The queue and counts before the last answer, to step back to it (undo). */
  private previous: { queue: ReviewItem[]; stats: SessionStats } | undefined;

  /** Records the outcome for the current item; `after` is the item as stored after the review. */
  answered(before: ReviewItem, after: ReviewItem, rating: number, now: number): void {
    this.previous = { queue: [...this.queue], stats: { ...this.stats } };
    this.queue.shift();
    this.stats.answered++;
    if (rating >= 3) this.stats.correct++;
    if (before.fsrs.state === FsrsState.New) {
      this.stats.introduced++;
      if (before.kind === FIRST_KIND || familyOf(before.deckId) === 'drills') this.stats.newWords++;
    }
    const learning = after.fsrs.state === FsrsState.Learning || after.fsrs.state === FsrsState.Relearning;
    if (learning && after.fsrs.due <= now + LEARN_AHEAD_MS) {
      this.queue.splice(Math.min(this.reinsertGap, this.queue.length), 0, after);
    } else {
      this.stats.finished++;
    }
  }

  /** Takes every exercise of a word out of this session ("I know this word"). */
  setAside(cardKey: string): void {
    this.previous = { queue: [...this.queue], stats: { ...this.stats } };
    this.queue = this.queue.filter((i) => i.cardKey !== cardKey);
    this.stats.known++;
  }

  /** Steps back to before the last answer (or set-aside): the same item in front, the counts as they were. Once. */
  stepBack(): boolean {
    if (!this.previous) return false;
    this.queue = this.previous.queue;
    Object.assign(this.stats, this.previous.stats);
    this.previous = undefined;
    return true;
  }
}

/**
 * What recording an answer needs: the practice service's `answer` (item + log in one transaction).
 * It takes the store's own ReviewInput, so the session and the store cannot drift apart.
 */
export type RecordAnswer = (input: ReviewInput) => Promise<ReviewItem>;

/** What undoing an answer needs: the practice service's `undo` (log row and item state, one transaction). */
export type UndoAnswer = (input: UndoInput) => Promise<UndoRefusal | undefined>;

/** The practice service's other actions a session offers: undo, and "I know this word" (and its undo). */
export interface SessionActions {
  undo?: UndoAnswer;
  markKnown?: (cardKey: string) => Promise<ReviewItem[]>;
  unmarkKnown?: (items: readonly ReviewItem[]) => Promise<UndoRefusal | undefined>;
}

/** Why the last answer could not be taken back: nothing to undo, it changed since (another tab), or storage failed. */
export type UndoFailure = 'none' | UndoRefusal | SaveFailure;

/** Why an answer was not saved: the disk is full, or some other storage failure. Nothing was written either way. */
export type SaveFailure = 'quota' | 'save';

/**
 * A session as the trainee works through it, card or drill alike: the queue, the clock of each
 * exercise and saving each answer. The one mechanism both session screens use, so a rule (such as
 * telling a full disk apart) reaches both.
 */
export class StudyRun {
  readonly session: PracticeSession;
  private shownAt: number;
  private saving = false;

  /** The last step saved in this run (an answer, or a word set aside), while it can still be taken back. */
  private last: ((UndoInput & { type: 'answer' }) | { type: 'known'; items: ReviewItem[] }) | undefined;
  private lastShownAt = 0;

  constructor(
    items: readonly ReviewItem[],
    private readonly record: RecordAnswer,
    now = Date.now(),
    private readonly actions: SessionActions = {},
  ) {
    this.session = new PracticeSession(items);
    this.shownAt = now;
  }

  get current(): ReviewItem | undefined {
    return this.session.current;
  }

  /** Saves the answer to the current item and moves on; on failure the same item stays, nothing written. */
  async grade(rating: Rating, typed: string | undefined, now = Date.now()): Promise<SaveFailure | undefined> {
    const before = this.session.current;
    if (!before) return undefined;
    return this.step(now, async () => {
      const uid = newLogUid();
      const after = await this.record({
        itemId: before.id,
        rating,
        now,
        durationMs: Math.max(0, now - this.shownAt),
        uid,
        ...(typed !== undefined ? { answer: typed } : {}),
      });
      this.session.answered(before, after, rating, now);
      this.last = { type: 'answer', uid, before, after };
    });
  }

  /**
   * One step forward (an answer, a word set aside): stored first, then the session moves on and the
   * next exercise's clock starts. One at a time; a storage failure leaves everything as it was.
   */
  private async step(now: number, save: () => Promise<void>): Promise<SaveFailure | undefined> {
    if (this.saving) return undefined;
    this.saving = true;
    try {
      await save();
      this.lastShownAt = this.shownAt;
      this.shownAt = now;
      return undefined;
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'save';
    } finally {
      this.saving = false;
    }
  }

  /** Whether "I know this word" is offered: the current exercise introduces a new word. */
  get canSetAside(): boolean {
    const item = this.session.current;
    return !!item && !!this.actions.markKnown && item.kind === FIRST_KIND && item.fsrs.state === FsrsState.New;
  }

  /** "I know this word": its kinds are never introduced, and its exercises leave this session. */
  async setAside(now = Date.now()): Promise<SaveFailure | undefined> {
    const item = this.session.current;
    if (!item || !this.canSetAside) return undefined;
    return this.step(now, async () => {
      const items = await this.actions.markKnown!(item.cardKey);
      this.session.setAside(item.cardKey);
      this.last = { type: 'known', items };
    });
  }

  /** Whether there is a step to take back. */
  get canUndo(): boolean {
    if (!this.last) return false;
    return this.last.type === 'answer' ? !!this.actions.undo : !!this.actions.unmarkKnown;
  }

  /**
   * Takes the last step back (an answer: removed from the log and the item restored in storage; a
   * word set aside: its items as they were), then the same exercise is in front again with the
   * session's counts as they were. On failure nothing changed, in storage or in the session.
   */
  async undo(): Promise<UndoFailure | undefined> {
    const last = this.last;
    if (!last || !this.canUndo || this.saving) return 'none';
    this.saving = true;
    try {
      const refused =
        last.type === 'answer'
          ? await this.actions.undo!({ uid: last.uid, before: last.before, after: last.after })
          : await this.actions.unmarkKnown!(last.items);
      this.last = undefined;
      if (refused) return refused;
      this.session.stepBack();
      this.shownAt = this.lastShownAt;
      return undefined;
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'save';
    } finally {
      this.saving = false;
    }
  }
}
