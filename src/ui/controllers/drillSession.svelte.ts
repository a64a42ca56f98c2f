import type { DrillItem, DrillSet } from '../../core/drills/drillModel.ts';
import type { ReviewItem } from '../../core/srs/types.ts';
import { app } from '../app.svelte.ts';
import { navigate, routeParam } from '../router.svelte.ts';
import { services } from '../services.ts';
import { SessionController } from '../session.svelte.ts';
import { drillItemFor, drillLimits, drills, loadDrills, refreshDrillStats } from '../writing/drillData.svelte.ts';

/** Opens the drill session of one set (`/write/drills?set=…`) or of every set. */
export function practiseDrills(setId?: string): void {
  navigate(setId ? `/write/drills?set=${encodeURIComponent(setId)}` : '/write/drills');
}

/** The drill session screen: the same session mechanism as the words', over the drills' queue. */
export class DrillSessionController {
  readonly session = new SessionController();
  /** i18n key when the drills could not be loaded. */
  loadError = $state('');

  async open(now = Date.now()): Promise<void> {
    try {
      await loadDrills();
    } catch (e) {
      console.error(e);
      this.loadError = 'write.loadFailed';
      return;
    }
    const setId = routeParam('set');
    const ids = setId && drills.sets.some((s) => s.id === setId) ? [setId] : drills.sets.map((s) => s.id);
    const [service, practice] = await Promise.all([services().drills(), services().practice()]);
    const queue = await service.queue(ids, drillLimits(), now);
    this.session.goalAtStart = await services().today.goal(app.settings.dailyGoal, now);
    this.session.start(queue.items, practice, now);
  }

  itemOf(item: ReviewItem | undefined): { set: DrillSet; item: DrillItem } | undefined {
    return item ? drillItemFor(item.deckId, item.cardId) : undefined;
  }

  async stop(): Promise<void> {
    await refreshDrillStats().catch(() => undefined);
    navigate('/write');
  }
}
