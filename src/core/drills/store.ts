/**
 * Drill items as review items. Each drill item is one review item in the same `items` table as
 * the cards' items (deck id `drill:<set id>`, card id = item id, kind = the drill kind), so FSRS,
 * recordReview (item + log in one transaction), backups and rebuilding from the log all work for
 * drills unchanged. Drills keep their own daily budget: their log rows are not counted against
 * the words' limits (progressStore.queueSource) and the words' rows not against theirs.
 */
import Dexie from 'dexie';
import type { DrillItem, DrillSet } from '../content/drillModel.ts';
import { drillDeckId, isDrillDeck } from '../content/drillModel.ts';
import type { VaktaalDB } from '../db/database.ts';
import { cardKeyOf, itemId, queueSource, withIndexFields } from '../db/progressStore.ts';
import { buildTodayQueue, type QueueLimits, type QueueSource, type TodayQueue } from '../srs/queue.ts';
import { newFsrs } from '../srs/scheduler.ts';
import { FsrsState, type ReviewItem } from '../srs/types.ts';
import { nextDayStart } from '../srs/day.ts';

export const drillItemId = (setId: string, item: Pick<DrillItem, 'id' | 'kind'>) => itemId(drillDeckId(setId), item.id, item.kind);

/**
 * Brings the review items of a drill set in line with its items, in one transaction (like
 * syncDeck): new items get review items, removed ones are deactivated with their history kept,
 * and new items are introduced in file order. A drill item has no siblings, so every new item
 * may be introduced at once.
 */
export async function syncDrillSet(db: VaktaalDB, set: DrillSet, now = Date.now()): Promise<void> {
  const deckId = drillDeckId(set.id);
  await db.transaction('rw', db.items, db.deckSync, async () => {
    const synced = await db.deckSync.get(deckId);
    if (synced?.hash === set.hash) return;
    const existing = new Map((await db.items.where('deckId').equals(deckId).toArray()).map((i) => [i.id, i]));
    const writes: ReviewItem[] = [];
    const live = new Set<string>();
    set.items.forEach((item, index) => {
      const id = drillItemId(set.id, item);
      live.add(id);
      const before = existing.get(id);
      const base: ReviewItem = before
        ? { ...before, active: true, order: index }
        : { id, deckId, cardId: item.id, kind: item.kind, cardKey: cardKeyOf(deckId, item.id), fsrs: newFsrs(now), active: true, order: index };
      const next = withIndexFields(base, true);
      if (!before || JSON.stringify(before) !== JSON.stringify(next)) writes.push(next);
    });
    for (const [id, item] of existing) {
      if (!live.has(id) && item.active) writes.push(withIndexFields({ ...item, active: false }, false));
    }
    await db.items.bulkPut(writes);
    await db.deckSync.put({ id: deckId, hash: set.hash, syncedAt: now });
  });
}

/** The card queue's indexed reads, with today's counts taken from drill reviews only. */
export function drillQueueSource(db: VaktaalDB): QueueSource {
  return {
    ...queueSource(db),
    reviewedSince: async (since) => {
      const rows = (await db.logs.where('reviewedAt').aboveOrEqual(since).toArray()).filter((r) => isDrillDeck(r.deckId));
      return {
        cardKeys: new Set(rows.map((r) => r.cardKey)),
        newIntroduced: rows.filter((r) => r.stateBefore === FsrsState.New).length,
        reviews: rows.length,
      };
    },
  };
}

/** Today's drill session for the given sets: due items first, then new ones up to the daily limit. */
export async function drillQueue(db: VaktaalDB, setIds: readonly string[], now: number, limits: QueueLimits): Promise<TodayQueue> {
  return buildTodayQueue(drillQueueSource(db), setIds.map(drillDeckId), now, { newPerDay: limits.newPerDay, reviewsPerDay: limits.reviewsPerDay });
}

export interface DrillSetStats {
  due: number;
  fresh: number;
}

/** Due-today and not-yet-seen counts per set, from the same indexes the queue reads. */
export async function drillStats(db: VaktaalDB, setIds: readonly string[], now = Date.now()): Promise<Record<string, DrillSetStats>> {
  const until = nextDayStart(now) - 1;
  const entries = await Promise.all(
    setIds.map(async (setId) => {
      const deckId = drillDeckId(setId);
      const due = await db.items.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, until], true, true).count();
      const fresh = await db.items.where('[deckId+newRank]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).count();
      return [setId, { due, fresh }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
