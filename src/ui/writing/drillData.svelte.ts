/**
 * Drill sets and writing prompts for the Write screens: loaded through the drill service the first
 * time a writing screen opens (the compiled JSON is precached by the service worker), then kept.
 * Nothing here runs at app start, so the first load does not grow.
 */
import type { DrillItem, DrillSet, PromptSet, WritingPrompt } from '../../core/drills/drillModel.ts';
import { drillSetIdOf } from '../../core/drills/drillModel.ts';
import type { DeckCounts } from '../../core/db/progressStore.ts';
import { app } from '../app.svelte.ts';
import { services } from '../services.ts';

interface DrillState {
  loaded: boolean;
  sets: DrillSet[];
  prompts: PromptSet[];
  stats: Map<string, DeckCounts>;
  /** What today's session of all sets holds: due drills and new ones within the daily limit. */
  today: { due: number; fresh: number };
}

export const drills: DrillState = $state({ loaded: false, sets: [], prompts: [], stats: new Map(), today: { due: 0, fresh: 0 } });

/** Loads the sets and prompts once and syncs their review items. */
export async function loadDrills(): Promise<void> {
  if (drills.loaded) return;
  const content = await (await services().drills()).load();
  drills.sets = content.sets;
  drills.prompts = content.prompts;
  drills.loaded = true;
  await refreshDrillStats();
}

export const drillLimits = () => ({ newPerDay: app.settings.newPerDay, reviewsPerDay: app.settings.reviewsPerDay });

export async function refreshDrillStats(now = Date.now()): Promise<void> {
  const overview = await (
    await services().drills()
  ).overview(
    drills.sets.map((s) => s.id),
    drillLimits(),
    now,
  );
  drills.stats = overview.stats;
  drills.today = overview.today;
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
