import type { ExerciseKind } from '../exercises/kinds.ts';
import type { DrillKind } from '../drills/drillSchema.ts';

/** What a review item practises: an exercise kind of a card, or the kind of a drill item (deck id `drill:<set>`). */
export type ItemKind = ExerciseKind | DrillKind;

/** FSRS card state as stored: dates as epoch milliseconds so IndexedDB indexes and copies them cheaply. */
export interface StoredFsrs {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

/** One (card, exercise kind) pair: the unit FSRS schedules. */
export interface ReviewItem {
  /** `${deckId}/${cardId}/${kind}` */
  id: string;
  deckId: string;
  cardId: string;
  kind: ItemKind;
  /** `${deckId}/${cardId}`: siblings share it. */
  cardKey: string;
  fsrs: StoredFsrs;
  /**
   * Index fields. `due` is set only for active items that have been seen; `newRank` only for active
   * items that are new and may be introduced. IndexedDB leaves rows without the value out of a
   * compound index, so the queue reads exactly the rows it needs.
   */
  due?: number;
  newRank?: number;
  /** Introduction order within the deck (card position, then kind); also the rank once introducible. */
  order: number;
  /** A listen item whose card has no recording: it can only be offered when a voice exists. */
  needsVoice?: boolean;
  /** False when the card is no longer in its deck: history is kept, the item is not shown. */
  active: boolean;
  /**
   * The trainee said "I know this word" before it was introduced: the item stays new but is never
   * introduced (no `newRank`). Kept in backups like every item field.
   */
  known?: true;
}

/** One answer. Appended, never changed: an item's state can be rebuilt from its rows. */
export interface ReviewLogRow {
  /** Row id on this device (auto-increment): insertion order, not an identity across devices. */
  id?: number;
  /** The review's identity everywhere (random; legacyLogUid for rows written before it existed). */
  uid: string;
  itemId: string;
  cardKey: string;
  deckId: string;
  kind: ItemKind;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy */
  rating: 1 | 2 | 3 | 4;
  /** FSRS state before this review (0 = new). */
  stateBefore: number;
  reviewedAt: number;
  durationMs: number;
  /** What the trainee typed, for typed exercises. */
  answer?: string;
  /** Item state after this review, to make reports cheap; the log stays the source of truth. */
  stateAfter: number;
  dueAfter: number;
  stabilityAfter: number;
}

export const enum FsrsState {
  New = 0,
  Learning = 1,
  Review = 2,
  Relearning = 3,
}
