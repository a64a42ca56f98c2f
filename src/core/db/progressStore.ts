import Dexie from 'dexie';
import type { Card, Deck } from '../content/model.ts';
import { FIRST_KIND, ITEM_LAYOUT, kindsForCard, needsVoice, type ExerciseKind } from '../exercises/kinds.ts';
import type { QueueSource } from '../srs/queue.ts';
import { newFsrs } from '../srs/newItemState.ts';
import { FsrsState, type ItemKind, type ReviewItem } from '../srs/types.ts';
import type { VaktaalDB } from './database.ts';
import { activityOf, familyOf, type DayActivity, type Family } from '../progress/activity.ts';
import { nextDayStart } from '../srs/day.ts';

export const itemId = (deckId: string, cardId: string, kind: ItemKind) => `${deckId}/${cardId}/${kind}`;
export const cardKeyOf = (deckId: string, cardId: string) => `${deckId}/${cardId}`;

/** New items are introduced card by card, in deck order; kinds of one card follow FIRST_KIND. */
const rankOf = (cardIndex: number, kind: ExerciseKind, kinds: readonly ExerciseKind[]) => cardIndex * 16 + kinds.indexOf(kind);

/** Puts the index fields right for an item's state: seen items are due, new ones may be introduced. */
export function withIndexFields(item: ReviewItem, introducible: boolean): ReviewItem {
  const next: ReviewItem = { ...item };
  delete next.due;
  delete next.newRank;
  if (!next.active) return next;
  if (next.fsrs.state === FsrsState.New) {
    if (introducible && !next.known) next.newRank = next.order;
  } else {
    next.due = next.fsrs.due;
  }
  return next;
}

/** One review item a deck (or drill set) should have: what syncItems brings the stored items in line with. */
export interface ItemSpec {
  cardId: string;
  kind: ItemKind;
  /** Introduction order within the deck. */
  order: number;
  /** Whether the item may be introduced now while it is new (a card's other kinds wait until it was first seen). */
  introducible: boolean;
  /** Card items only: a listen item without a recording. */
  needsVoice?: boolean;
}

const WRITE_SLICE = 2000;

/**
 * Brings the review items of a deck in line with what it holds now, in one transaction: new
 * entries get items, removed ones' items are kept but deactivated (their history comes back when
 * they do), and new items follow the current order. Skipped when the deck's hash is unchanged.
 */
export async function syncItems(
  db: Pick<VaktaalDB, 'transaction' | 'items' | 'deckSync'>,
  deckId: string,
  hash: string,
  specsFor: (existing: ReadonlyMap<string, ReviewItem>) => ItemSpec[],
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.items, db.deckSync, async () => {
    const synced = await db.deckSync.get(deckId);
    if (synced?.hash === hash) return;
    const existing = new Map((await db.items.where('deckId').equals(deckId).toArray()).map((i) => [i.id, i]));
    const writes: ReviewItem[] = [];
    const live = new Set<string>();
    for (const spec of specsFor(existing)) {
      const id = itemId(deckId, spec.cardId, spec.kind);
      live.add(id);
      const before = existing.get(id);
      // Card items record whether they need a voice; drill items have no such field.
      const voice = spec.needsVoice === undefined ? {} : { needsVoice: spec.needsVoice };
      const base: ReviewItem = before
        ? { ...before, active: true, order: spec.order, ...voice }
        : {
            id,
            deckId,
            cardId: spec.cardId,
            kind: spec.kind,
            cardKey: cardKeyOf(deckId, spec.cardId),
            fsrs: newFsrs(now),
            active: true,
            order: spec.order,
            ...voice,
          };
      const next = withIndexFields(base, spec.introducible);
      if (!before || JSON.stringify(before) !== JSON.stringify(next)) writes.push(next);
    }
    for (const [id, item] of existing) {
      if (!live.has(id) && item.active) writes.push(withIndexFields({ ...item, active: false }, false));
    }
    // In slices: a put is cloned on the calling thread, so 100,000 items (a converted Anki deck of
    // 20,000 notes) in one call would freeze the page for seconds; between slices it can paint.
    for (let i = 0; i < writes.length; i += WRITE_SLICE) await db.items.bulkPut(writes.slice(i, i + WRITE_SLICE));
    await db.deckSync.put({ id: deckId, hash, syncedAt: now });
  });
}

/** A deck's items: one per (card, exercise kind); a card's later kinds are introduced once it was first seen. */
export async function syncDeck(db: Pick<VaktaalDB, 'transaction' | 'items' | 'deckSync'>, deck: Deck, now = Date.now()): Promise<void> {
  await syncItems(
    db,
    deck.id,
    `${deck.hash}#${ITEM_LAYOUT}`,
    (existing) =>
      deck.cards.flatMap((card, index) => {
        const kinds = kindsForCard(card, deck);
        const firstSeen = kinds.some((k) => {
          const it = existing.get(itemId(deck.id, card.id, k));
          return it !== undefined && it.fsrs.state !== FsrsState.New;
        });
        return kinds.map((kind) => ({
          cardId: card.id,
          kind,
          order: rankOf(index, kind, kinds),
          introducible: kind === FIRST_KIND || firstSeen,
          needsVoice: needsVoice(card, kind),
        }));
      }),
    now,
  );
}

/** The ids of one word's exercise items, in the order its kinds are introduced (EXERCISE_KINDS): a session of just that word. */
export function wordItemIds(deck: Pick<Deck, 'id' | 'cards'>, card: Card): string[] {
  return kindsForCard(card, deck).map((kind) => itemId(deck.id, card.id, kind));
}

/** Everything answered since a moment (today's rows through the reviewedAt index), words and drills apart. */
export async function dayActivitySince(db: Pick<VaktaalDB, 'logs'>, since: number): Promise<DayActivity> {
  return activityOf(await db.logs.where('reviewedAt').aboveOrEqual(since).toArray());
}

/** The indexed reads buildTodayQueue needs, on Dexie, for the words' or the drills' queue (each has its own daily limits). */
export function queueSource(db: Pick<VaktaalDB, 'items' | 'logs'>, family: Family = 'words'): QueueSource {
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
    activitySince: async (since) => (await dayActivitySince(db, since))[family],
  };
}

export interface DeckCounts {
  /** Items due by the end of the study day (not capped by the daily limits). */
  due: number;
  /** Words not met yet (a card's first kind still new); for drills, items not seen yet. */
  fresh: number;
}

/** Due and new counts per deck, from the same indexes the queue reads (keys only, never whole logs). */
export async function deckCounts(db: Pick<VaktaalDB, 'items'>, deckIds: readonly string[], now: number): Promise<Map<string, DeckCounts>> {
  const until = nextDayStart(now) - 1;
  const entries = await Promise.all(
    deckIds.map(async (deckId) => {
      const due = await db.items.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, until], true, true).count();
      const newItems = db.items.where('[deckId+newRank]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
      const fresh = familyOf(deckId) === 'drills' ? await newItems.count() : await newItems.filter((i) => i.kind === FIRST_KIND).count();
      return [deckId, { due, fresh }] as const;
    }),
  );
  return new Map(entries);
}
