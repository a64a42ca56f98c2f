import type { Card } from '../../core/content/model.ts';
import { FsrsState, type ReviewItem } from '../../core/srs/types.ts';
import { app, deckById, queueLimits, refreshToday } from '../app.svelte.ts';
import { navigate, routeState } from '../router.svelte.ts';
import { services } from '../services.ts';
import { SessionController } from '../session.svelte.ts';
import { voiceAvailable } from '../speech.svelte.ts';
import { requestPersistence } from '../storage.ts';

/** The history state a practice session of chosen items is opened with (e.g. the difficult words). */
interface ChosenItems {
  items: string[];
}

function chosenItems(state: unknown): string[] | undefined {
  const items = (state as Partial<ChosenItems> | null)?.items;
  return Array.isArray(items) && items.every((i) => typeof i === 'string') ? items : undefined;
}

/** Opens a session of exactly these items instead of today's queue. */
export function practiseItems(ids: readonly string[]): void {
  navigate('/practice', { state: { items: [...ids] } satisfies ChosenItems });
}

const WARMUP_PAIRS = 5;

/** The practice screen: today's queue (or chosen items), an optional warm-up round, then one exercise at a time. */
export class PracticeController {
  readonly session = new SessionController();
  /** Warm-up pairs: different cards the trainee has met before, due today. */
  warmup = $state<Card[]>([]);

  async open(now = Date.now()): Promise<void> {
    const practice = await services().practice();
    const chosen = chosenItems(routeState());
    let items: ReviewItem[];
    if (chosen) {
      const kinds = new Set<string>(app.settings.kinds);
      items = (await practice.itemsByIds(chosen)).filter((i) => kinds.has(i.kind) && (!i.needsVoice || voiceAvailable()));
    } else {
      items = (await services().today.queue(app.settings.selectedDecks, queueLimits(), now)).items;
    }
    if (app.settings.warmup) this.warmup = warmupCards(items);
    this.session.goalAtStart = await services().today.goal(app.settings.dailyGoal, now);
    // The moment keeping the data matters: after a first session, ask the browser not to evict it
    // (the backup screen asks too). Browsers decide silently or from engagement; nothing to show.
    this.session.start(items, practice, now, () => void requestPersistence());
  }

  cardOf(item: ReviewItem | undefined): Card | undefined {
    return item ? deckById(item.deckId)?.cards.find((c) => c.id === item.cardId) : undefined;
  }

  endWarmup(): void {
    this.warmup = [];
  }

  async stop(): Promise<void> {
    await refreshToday();
    navigate('/');
  }
}

function warmupCards(items: readonly ReviewItem[]): Card[] {
  const seen = new Map<string, Card>();
  for (const item of items) {
    if (item.fsrs.state === FsrsState.New) continue;
    const card = deckById(item.deckId)?.cards.find((x) => x.id === item.cardId);
    if (card && !seen.has(item.cardKey)) seen.set(item.cardKey, card);
  }
  return seen.size >= WARMUP_PAIRS ? [...seen.values()].slice(0, WARMUP_PAIRS) : [];
}
