import Dexie from 'dexie';
import type { Deck } from '../content/model.ts';
import { FIRST_KIND, kindsForCard, needsVoice, type ExerciseKind } from '../exercises/kinds.ts';
import type { QueueSource } from '../srs/queue.ts';
import { newFsrs, replay, review, type Rating } from '../srs/scheduler.ts';
import type { FSRS } from 'ts-fsrs';
import { FsrsState, type ItemKind, type ReviewItem, type ReviewLogRow } from '../srs/types.ts';
import type { VaktaalDB } from './database.ts';
import { isDrillDeck } from '../content/drillModel.ts';

export const itemId = (deckId: string, cardId: string, kind: ItemKind) => `${deckId}/${cardId}/${kind}`;
export const cardKeyOf = (deckId: string, cardId: string) => `${deckId}/${cardId}`;

/** New items are introduced card by card, in deck order; kinds of one card follow FIRST_KIND. */
const rankOf = (cardIndex: number, kind: ExerciseKind, kinds: readonly ExerciseKind[]) =>
  cardIndex * 16 + kinds.indexOf(kind);

/** Puts the index fields right for an item's state: seen items are due, new ones may be introduced. */
export function withIndexFields(item: ReviewItem, introducible: boolean): ReviewItem {
  const next: ReviewItem = { ...item };
  delete next.due;
  delete next.newRank;
  if (!next.active) return next;
  if (next.fsrs.state === FsrsState.New) {
    if (introducible) next.newRank = next.order;
  } else {
    next.due = next.fsrs.due;
  }
  return next;
}

/**
 * Brings the review items of a deck in line with its current cards, in one transaction:
 * new cards get items, removed cards' items are kept but deactivated (their history comes back
 * when the card does), and new items follow the deck's current order.
 */
export async function syncDeck(db: VaktaalDB, deck: Deck, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.items, db.deckSync, async () => {
    const synced = await db.deckSync.get(deck.id);
    if (synced?.hash === deck.hash) return;
    const existing = new Map((await db.items.where('deckId').equals(deck.id).toArray()).map((i) => [i.id, i]));
    const writes: ReviewItem[] = [];
    const live = new Set<string>();
    deck.cards.forEach((card, index) => {
      const kinds = kindsForCard(card, deck);
      const firstSeen = kinds.some((k) => {
        const it = existing.get(itemId(deck.id, card.id, k));
        return it !== undefined && it.fsrs.state !== FsrsState.New;
      });
      for (const kind of kinds) {
        const id = itemId(deck.id, card.id, kind);
        live.add(id);
        const before = existing.get(id);
        const order = rankOf(index, kind, kinds);
        const voice = needsVoice(card, kind);
        const base: ReviewItem = before
          ? { ...before, active: true, order, needsVoice: voice }
          : {
              id,
              deckId: deck.id,
              cardId: card.id,
              kind,
              cardKey: cardKeyOf(deck.id, card.id),
              fsrs: newFsrs(now),
              active: true,
              order,
              needsVoice: voice,
            };
        const introducible = kind === FIRST_KIND || firstSeen;
        const next = withIndexFields(base, introducible);
        if (!before || JSON.stringify(before) !== JSON.stringify(next)) writes.push(next);
      }
    });
    for (const [id, item] of existing) {
      if (!live.has(id) && item.active) writes.push(withIndexFields({ ...item, active: false }, false));
    }
    await db.items.bulkPut(writes);
    await db.deckSync.put({ id: deck.id, hash: deck.hash, syncedAt: now });
  });
}

export interface ReviewInput {
  itemId: string;
  rating: Rating;
  now: number;
  durationMs: number;
  answer?: string;
}

/**
 * Records one answer: the log row and the item's new state are written in one transaction, so
 * after a crash both are there or neither is. The item is re-read inside the transaction, so a
 * second tab's earlier answer is built on, not overwritten.
 */
export async function recordReview(db: VaktaalDB, scheduler: FSRS, input: ReviewInput): Promise<ReviewItem> {
  return db.transaction('rw', db.items, db.logs, async () => {
    const item = await db.items.get(input.itemId);
    if (!item) throw new Error(`No review item ${input.itemId}`);
    const stateBefore = item.fsrs.state;
    const fsrs = review(scheduler, item.fsrs, input.rating, input.now);
    const updated = withIndexFields({ ...item, fsrs }, false);
    await db.items.put(updated);
    const row: ReviewLogRow = {
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
        .filter((s) => s.id !== item.id && s.active && s.fsrs.state === FsrsState.New && s.newRank === undefined)
        .map((s) => ({ ...s, newRank: s.order }));
      if (unlocked.length) await db.items.bulkPut(unlocked);
    }
    return updated;
  });
}

/** Rebuilds an item's FSRS state from its log rows (the log is the source of truth). */
export async function rebuildItem(db: VaktaalDB, scheduler: FSRS, id: string) {
  const rows = await db.logs.where('itemId').equals(id).toArray();
  return replay(scheduler, rows);
}

/** The indexed reads buildTodayQueue needs, on Dexie. */
export function queueSource(db: VaktaalDB): QueueSource {
  return {
    dueItems: (deckId, until, limit) =>
      db.items.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, until], true, true).limit(limit).toArray(),
    newItems: (deckId, limit, skip, accept) => {
      // One item per card: a card's unlocked kinds sit next to each other in rank order.
      const taken = new Set<string>();
      return db.items
        .where('[deckId+newRank]')
        .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
        .filter((i) => {
          if (skip.has(i.cardKey) || taken.has(i.cardKey) || !accept(i)) return false;
          taken.add(i.cardKey);
          return true;
        })
        .limit(limit)
        .toArray();
    },
    reviewedSince: async (since) => {
      // Drill reviews (deck id drill:…) have their own daily limits (drills/store.ts).
      const rows = (await db.logs.where('reviewedAt').aboveOrEqual(since).toArray()).filter((r) => !isDrillDeck(r.deckId));
      return {
        cardKeys: new Set(rows.map((r) => r.cardKey)),
        newIntroduced: rows.filter((r) => r.stateBefore === FsrsState.New).length,
        reviews: rows.length,
      };
    },
  };
}
