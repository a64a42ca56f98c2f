import type { FSRS } from 'ts-fsrs';
import { FIRST_KIND } from '../exercises/kinds.ts';
import { replay, review, type Rating } from '../srs/scheduler.ts';
import { FsrsState, type ReviewItem, type ReviewLogRow } from '../srs/types.ts';
import type { VaktaalDB } from './database.ts';
import { newLogUid } from './logUid.ts';
import { withIndexFields } from './progressStore.ts';

/*
 * The writes an answer makes (record, undo, "I know this word", rebuild): they schedule with
 * ts-fsrs, so they live apart from the reads and the deck sync that Today needs at start-up.
 */

export interface ReviewInput {
  itemId: string;
  rating: Rating;
  now: number;
  durationMs: number;
  answer?: string;
  /** The review's identity; a new random one when not given. */
  uid?: string;
}

/**
 * Records one answer: the log row and the item's new state are written in one transaction, so
 * after a crash both are there or neither is. The item is re-read inside the transaction, so a
 * second tab's earlier answer is built on, not overwritten.
 */
export async function recordReview(
  db: Pick<VaktaalDB, 'transaction' | 'items' | 'logs'>,
  scheduler: FSRS,
  input: ReviewInput,
): Promise<ReviewItem> {
  return db.transaction('rw', db.items, db.logs, async () => {
    const item = await db.items.get(input.itemId);
    if (!item) throw new Error(`No review item ${input.itemId}`);
    const stateBefore = item.fsrs.state;
    const fsrs = review(scheduler, item.fsrs, input.rating, input.now);
    const updated = withIndexFields({ ...item, fsrs }, false);
    await db.items.put(updated);
    const row: ReviewLogRow = {
      uid: input.uid ?? newLogUid(),
      itemId: item.id,
      cardKey: item.cardKey,
      deckId: item.deckId,
      kind: item.kind,
      rating: input.rating,
      stateBefore,
      reviewedAt: input.now,
      durationMs: input.durationMs,
      stateAfter: fsrs.state,
      dueAfter: fsrs.due,
      stabilityAfter: fsrs.stability,
      ...(input.answer !== undefined ? { answer: input.answer } : {}),
    };
    await db.logs.add(row);
    if (stateBefore === FsrsState.New) {
      // The card has been introduced: its other kinds may now be introduced (on a later day).
      const siblings = await db.items.where('cardKey').equals(item.cardKey).toArray();
      const unlocked = siblings
        .filter((s) => s.id !== item.id && s.active && !s.known && s.fsrs.state === FsrsState.New && s.newRank === undefined)
        .map((s) => ({ ...s, newRank: s.order }));
      if (unlocked.length) await db.items.bulkPut(unlocked);
    }
    return updated;
  });
}

/** What undoing an answer needs: its identity, and the item as it was before and as the answer stored it. */
export interface UndoInput {
  uid: string;
  before: ReviewItem;
  after: ReviewItem;
}

/** Why an answer could not be undone: it is not in the log, or the item was answered again since (another tab). */
export type UndoRefusal = 'gone' | 'changed';

/**
 * Takes one answer back, as if it had not been given: its log row goes, the item returns to the
 * state it had, and a card that this answer introduced has its later kinds locked again. One
 * transaction, so the log and the items never disagree; refused (nothing changed) when the item
 * is no longer what this answer left, so an answer given since in another tab is never lost.
 */
export async function undoReview(
  db: Pick<VaktaalDB, 'transaction' | 'items' | 'logs'>,
  input: UndoInput,
): Promise<UndoRefusal | undefined> {
  return db.transaction('rw', db.items, db.logs, async () => {
    const row = await db.logs.where('uid').equals(input.uid).first();
    if (!row || row.itemId !== input.before.id) return 'gone';
    const item = await db.items.get(input.before.id);
    if (!item || JSON.stringify(item.fsrs) !== JSON.stringify(input.after.fsrs)) return 'changed';
    await db.logs.delete(row.id!);
    await db.items.put(withIndexFieldsOf({ ...item, fsrs: input.before.fsrs }, input.before));
    if (input.before.fsrs.state === FsrsState.New) {
      // Was this the card's first answer? Then its later kinds wait again (see syncDeck's rule).
      const siblings = await db.items.where('cardKey').equals(item.cardKey).toArray();
      const seen = siblings.some((s) => s.id !== item.id && s.fsrs.state !== FsrsState.New);
      if (!seen) {
        const relocked = siblings
          .filter((s) => s.id !== item.id && s.kind !== FIRST_KIND && s.fsrs.state === FsrsState.New && s.newRank !== undefined)
          .map((s) => withIndexFields(s, false));
        if (relocked.length) await db.items.bulkPut(relocked);
      }
    }
    return undefined;
  });
}

/**
 * "I know this word": the word's kinds not yet introduced are marked known, so the queue never
 * introduces them (no log row: nothing was answered). Returns those items as they were, to undo.
 */
export async function markWordKnown(db: Pick<VaktaalDB, 'transaction' | 'items'>, cardKey: string): Promise<ReviewItem[]> {
  return db.transaction('rw', db.items, async () => {
    const siblings = await db.items.where('cardKey').equals(cardKey).toArray();
    const fresh = siblings.filter((s) => s.active && !s.known && s.fsrs.state === FsrsState.New);
    if (fresh.length) await db.items.bulkPut(fresh.map((s) => withIndexFields({ ...s, known: true }, false)));
    return fresh;
  });
}

/** Takes "I know this word" back: the items as they were; refused when one was answered or changed since. */
export async function unmarkWordKnown(
  db: Pick<VaktaalDB, 'transaction' | 'items'>,
  previous: readonly ReviewItem[],
): Promise<UndoRefusal | undefined> {
  return db.transaction('rw', db.items, async () => {
    const stored = await db.items.bulkGet(previous.map((i) => i.id));
    if (stored.some((s) => !s?.known || s.fsrs.state !== FsrsState.New)) return 'changed';
    await db.items.bulkPut([...previous]);
    return undefined;
  });
}

/** `item` with exactly the index fields `from` had (present or absent). */
function withIndexFieldsOf(item: ReviewItem, from: ReviewItem): ReviewItem {
  const next: ReviewItem = { ...item };
  delete next.due;
  delete next.newRank;
  if (from.due !== undefined) next.due = from.due;
  if (from.newRank !== undefined) next.newRank = from.newRank;
  return next;
}

/** Rebuilds an item's FSRS state from its log rows (the log is the source of truth). */
export async function rebuildItem(db: Pick<VaktaalDB, 'logs'>, scheduler: FSRS, id: string) {
  const rows = await db.logs.where('itemId').equals(id).toArray();
  return replay(scheduler, rows);
}
