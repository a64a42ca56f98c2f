import type { Card } from '../../core/content/model.ts';
import { totalWords, type WordCounts } from '../../core/progress/words.ts';
import type { Dashboard } from '../../core/services/progress.ts';
import type { ReviewItem } from '../../core/srs/types.ts';
import { app, deckById, queueLimits, refreshToday } from '../app.svelte.ts';
import { services } from '../services.ts';
import { practiseItems } from './practice.svelte.ts';

export const FORECAST_DAYS = 30;

export interface DifficultWord {
  card: Card;
  deckTitle: string;
  lapses: number;
  items: ReviewItem[];
}

/** A deck's words by stage (core/progress/words.ts). */
export interface DeckWords {
  deckId: string;
  title: string;
  counts: WordCounts;
}

/** The progress screen: words learned, today, goal and streak, forecast, words per deck, weeks, difficult words. */
export class ProgressController {
  dashboard = $state<Dashboard | undefined>();
  persisted = $state<boolean | undefined>(true);

  /** The words of the decks chosen or practised, in the decks' order: what "words to come" means. */
  readonly deckWords = $derived.by((): DeckWords[] => {
    const d = this.dashboard;
    if (!d) return [];
    const selected = new Set(app.settings.selectedDecks);
    return app.decks.flatMap((deck) => {
      const counts = d.words.get(deck.id);
      return counts && (selected.has(deck.id) || counts.toCome < counts.words) ? [{ deckId: deck.id, title: deck.title, counts }] : [];
    });
  });

  /** Those decks together. */
  readonly words = $derived(totalWords(this.deckWords.map((d) => d.counts)));

  /** The last weeks, oldest first (words practised, days). */
  readonly weeks = $derived(this.dashboard?.weeks ?? []);

  /** One line per word: several exercise kinds of a card may be difficult. */
  readonly difficult = $derived.by((): DifficultWord[] => {
    const byCard = new Map<string, DifficultWord>();
    for (const item of this.dashboard?.leeches ?? []) {
      const deck = deckById(item.deckId);
      const card = deck?.cards.find((c) => c.id === item.cardId);
      if (!deck || !card) continue;
      const entry = byCard.get(item.cardKey);
      if (entry) {
        entry.items.push(item);
        entry.lapses = Math.max(entry.lapses, item.fsrs.lapses);
      } else byCard.set(item.cardKey, { card, deckTitle: deck.title, lapses: item.fsrs.lapses, items: [item] });
    }
    return [...byCard.values()];
  });

  async load(now = Date.now()): Promise<void> {
    await refreshToday(now);
    const progress = await services().progress();
    this.dashboard = await progress.dashboard({
      deckIds: app.decks.map((d) => d.id),
      dailyGoal: app.settings.dailyGoal,
      days: FORECAST_DAYS,
      // Kinds switched off and listening without a voice do not hold a word back from "learned".
      offer: queueLimits(),
      now,
    });
    this.persisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => undefined) : undefined;
  }

  /** The goal changed (a setting): the streak is counted again against it. */
  async refreshGoal(): Promise<void> {
    if (!this.dashboard) return;
    this.dashboard = { ...this.dashboard, goal: await (await services().progress()).goal(app.settings.dailyGoal) };
  }

  practiseDifficult(): void {
    practiseItems(this.difficult.flatMap((d) => d.items.map((i) => i.id)));
  }
}
