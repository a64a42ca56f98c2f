/**
 * Drill items as review items. Each drill item is one review item in the same `items` table as
 * the cards' items (deck id `drill:<set id>`, card id = item id, kind = the drill kind), so FSRS,
 * recordReview (item + log in one transaction), backups and rebuilding from the log all work for
 * drills unchanged. Drills keep their own daily budget: the queue counts each family's answers
 * apart (progress/activity.ts).
 */
import type { DrillItem, DrillSet } from '../drills/drillModel.ts';
import { drillDeckId } from '../drills/drillModel.ts';
import type { VaktaalDB } from './database.ts';
import { deckCounts, itemId, queueSource, syncItems, type DeckCounts } from './progressStore.ts';
import { buildTodayQueue, type QueueLimits, type TodayQueue } from '../srs/queue.ts';

export const drillItemId = (setId: string, item: Pick<DrillItem, 'id' | 'kind'>) => itemId(drillDeckId(setId), item.id, item.kind);

/** A drill set's items, in file order; a drill item has no siblings, so every new one may be introduced at once. */
export async function syncDrillSet(
  db: Pick<VaktaalDB, 'transaction' | 'items' | 'deckSync'>,
  set: DrillSet,
  now = Date.now(),
): Promise<void> {
  await syncItems(
    db,
    drillDeckId(set.id),
    set.hash,
    () => set.items.map((item, index) => ({ cardId: item.id, kind: item.kind, order: index, introducible: true })),
    now,
  );
}

/** Today's drill session for the given sets: due items first, then new ones up to the daily limit. */
export async function drillQueue(
  db: Pick<VaktaalDB, 'items' | 'logs'>,
  setIds: readonly string[],
  now: number,
  limits: QueueLimits,
): Promise<TodayQueue> {
  return buildTodayQueue(queueSource(db, 'drills'), setIds.map(drillDeckId), now, {
    newPerDay: limits.newPerDay,
    reviewsPerDay: limits.reviewsPerDay,
  });
}

/** Due-today and not-yet-seen counts per set id. */
export async function drillStats(
  db: Pick<VaktaalDB, 'items'>,
  setIds: readonly string[],
  now = Date.now(),
): Promise<Map<string, DeckCounts>> {
  const counts = await deckCounts(db, setIds.map(drillDeckId), now);
  return new Map(setIds.map((id) => [id, counts.get(drillDeckId(id)) ?? { due: 0, fresh: 0 }]));
}
