import type { DrillIndex, DrillSet, PromptSet } from '../drills/drillModel.ts';
import type { VaktaalDB } from '../db/database.ts';
import { drillQueue, drillStats, syncDrillSet } from '../db/drillItems.ts';
import type { DeckCounts } from '../db/progressStore.ts';
import { dayActivitySince } from '../db/progressStore.ts';
import { dayStart } from '../srs/day.ts';
import type { QueueLimits, TodayQueue } from '../srs/queue.ts';
import type { LoadJson } from './decks.ts';

export type DrillsDb = Pick<VaktaalDB, 'transaction' | 'items' | 'logs' | 'deckSync'>;

export interface DrillContent {
  sets: DrillSet[];
  prompts: PromptSet[];
}

export interface DrillOverview {
  stats: Map<string, DeckCounts>;
  /** What today's session of all sets holds: due drills and new ones within the daily limit. */
  today: { due: number; fresh: number };
}

/** Written drills: the compiled sets (loaded when a writing screen first opens), their items, queue and counts. */
export function createDrillService(db: DrillsDb, loadJson: LoadJson) {
  let loading: Promise<DrillContent> | undefined;
  return {
    /** Loads the sets and prompts once and syncs their review items. */
    load(now = Date.now()): Promise<DrillContent> {
      loading ??= (async () => {
        const index = await loadJson<DrillIndex>('drills/index.json');
        const sets = await Promise.all(index.sets.map((s) => loadJson<DrillSet>(`drills/${s.id}.json`)));
        for (const set of sets) await syncDrillSet(db, set, now);
        return { sets, prompts: index.prompts };
      })().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
    async overview(
      setIds: readonly string[],
      limits: Pick<QueueLimits, 'newPerDay' | 'reviewsPerDay'>,
      now = Date.now(),
    ): Promise<DrillOverview> {
      const [stats, session] = await Promise.all([drillStats(db, setIds, now), drillQueue(db, setIds, now, limits)]);
      return { stats, today: { due: session.dueCount, fresh: session.newCount } };
    },
    queue: (setIds: readonly string[], limits: QueueLimits, now = Date.now()): Promise<TodayQueue> => drillQueue(db, setIds, now, limits),
    activity: async (now = Date.now()) => (await dayActivitySince(db, dayStart(now))).drills,
  };
}

export type DrillService = ReturnType<typeof createDrillService>;
