import type { FSRS } from 'ts-fsrs';
import type { VaktaalDB } from '../db/database.ts';
import { itemsByIds } from '../db/dashboard.ts';
import { wordItemIds } from '../db/progressStore.ts';
import {
  markWordKnown,
  rebuildItem,
  recordReview,
  undoReview,
  unmarkWordKnown,
  type ReviewInput,
  type UndoInput,
  type UndoRefusal,
} from '../db/reviewWrites.ts';
import { createScheduler, fromStored, type Rating } from '../srs/scheduler.ts';
import type { ReviewItem, StoredFsrs } from '../srs/types.ts';

export type PracticeDb = Pick<VaktaalDB, 'transaction' | 'items' | 'logs'>;

/**
 * Answering: one review = one log row + the item's new state, in one transaction. The FSRS
 * scheduler lives here (not in the app shell), so the first load does not carry it.
 */
export function createPracticeService(db: PracticeDb, retention: () => number) {
  let scheduler: FSRS | undefined;
  let schedulerRetention = NaN;
  const current = (): FSRS => {
    const r = retention();
    if (!scheduler || r !== schedulerRetention) {
      scheduler = createScheduler({ retention: r });
      schedulerRetention = r;
    }
    return scheduler;
  };

  return {
    scheduler: current,
    answer: (input: ReviewInput): Promise<ReviewItem> => recordReview(db, current(), input),
    /** Takes the last answer back (its log row and the item's state); refused when the item changed since. */
    undo: (input: UndoInput): Promise<UndoRefusal | undefined> => undoReview(db, input),
    /** "I know this word": its kinds not yet introduced never will be; returns them as they were (for undo). */
    markKnown: (cardKey: string): Promise<ReviewItem[]> => markWordKnown(db, cardKey),
    unmarkKnown: (items: readonly ReviewItem[]): Promise<UndoRefusal | undefined> => unmarkWordKnown(db, items),
    /** The active items among `ids`, in the order given: a session of exactly these (e.g. the difficult words). */
    itemsByIds: (ids: readonly string[]): Promise<ReviewItem[]> => itemsByIds(db, ids),
    /** The item ids of one word, easy kinds first: with itemsByIds, a session of just that word (the glossary's "practise"). */
    wordItemIds,
    /** When each grade would bring an item back, for the labels under the grade buttons. */
    previewDue(fsrs: StoredFsrs, now = Date.now()): Record<Rating, number> {
      const preview = current().repeat(fromStored(fsrs), new Date(now));
      return {
        1: preview[1].card.due.getTime(),
        2: preview[2].card.due.getTime(),
        3: preview[3].card.due.getTime(),
        4: preview[4].card.due.getTime(),
      };
    },
    rebuild: (id: string) => rebuildItem(db, current(), id),
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
