/**
 * Drill sets and writing prompts for the Write screens: fetched from the compiled JSON (precached
 * by the service worker) the first time a writing screen opens, then kept; each set is synced with
 * its review items. Nothing here runs at app start, so the first load does not grow.
 */
import type { DrillIndex, DrillItem, DrillSet, PromptSet, WritingPrompt } from '../../core/content/drillModel.ts';
import { drillSetIdOf } from '../../core/content/drillModel.ts';
import { drillQueueSource, drillStats, syncDrillSet, type DrillSetStats } from '../../core/drills/store.ts';
import { dayStart } from '../../core/srs/day.ts';
import { app, database } from '../app.svelte.ts';

interface DrillState {
  loaded: boolean;
  sets: DrillSet[];
  prompts: PromptSet[];
  stats: Record<string, DrillSetStats>;
  /** What today's session of all sets holds: due drills and new ones within the daily limit. */
  today: { due: number; fresh: number };
}

export const drills: DrillState = $state({ loaded: false, sets: [], prompts: [], stats: {}, today: { due: 0, fresh: 0 } });

let loading: Promise<void> | undefined;

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Loads the sets and prompts once and syncs their review items. */
export function loadDrills(): Promise<void> {
  loading ??= (async () => {
    const index = await fetchJson<DrillIndex>('drills/index.json');
    const sets = await Promise.all(index.sets.map((s) => fetchJson<DrillSet>(`drills/${s.id}.json`)));
    for (const set of sets) await syncDrillSet(database(), set);
    drills.sets = sets;
    drills.prompts = index.prompts;
    drills.loaded = true;
    await refreshDrillStats();
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export async function refreshDrillStats(now = Date.now()): Promise<void> {
  const stats = await drillStats(
    database(),
    drills.sets.map((s) => s.id),
    now,
  );
  const done = await drillQueueSource(database()).reviewedSince(dayStart(now));
  const fresh = Object.values(stats).reduce((n, s) => n + s.fresh, 0);
  drills.stats = stats;
  drills.today = {
    due: Object.values(stats).reduce((n, s) => n + s.due, 0),
    fresh: Math.min(fresh, Math.max(0, app.settings.newPerDay - done.newIntroduced)),
  };
}

export function drillItemFor(deckId: string, cardId: string): { set: DrillSet; item: DrillItem } | undefined {
  const set = drills.sets.find((s) => s.id === drillSetIdOf(deckId));
  const item = set?.items.find((i) => i.id === cardId);
  return set && item ? { set, item } : undefined;
}

export function promptById(id: string): WritingPrompt | undefined {
  for (const file of drills.prompts) for (const p of file.prompts) if (p.id === id) return p;
  return undefined;
}

/** The set to practise next, chosen on the Write screen (undefined: every set). */
let pendingSet: string | undefined;
export function chooseDrillSet(id: string | undefined): void {
  pendingSet = id;
}
export function takeDrillSet(): string | undefined {
  const id = pendingSet ?? new URLSearchParams(location.search).get('set') ?? undefined;
  pendingSet = undefined;
  return id || undefined;
}
