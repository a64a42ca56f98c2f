import Dexie from 'dexie';
import type { VaktaalDB } from './database.ts';
import { dayIndex, studyDayBounds } from '../progress/days.ts';
import type { ReviewItem } from '../srs/types.ts';
import { leeches, masteryByDeck, type DeckMastery } from '../progress/rules.ts';
import { wordsByDeck, type Offer, type WordCounts } from '../progress/words.ts';

/**
 * Reviews falling due on each of the next `days` study days (today includes what is overdue).
 * Reads only the keys of the `[deckId+due]` index, never whole items.
 */
export async function forecast(db: Pick<VaktaalDB, 'items'>, deckIds: readonly string[], now: number, days = 30): Promise<number[]> {
  const bounds = studyDayBounds(now, days);
  const counts = new Array<number>(days).fill(0);
  const last = bounds[days]! - 1;
  for (const deckId of deckIds) {
    const keys = await db.items.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, last], true, true).keys();
    for (const key of keys) {
      const i = dayIndex(bounds, (key as unknown as [string, number])[1]);
      if (i >= 0) counts[i]!++;
    }
  }
  return counts;
}

export interface ItemOverview {
  mastery: Map<string, DeckMastery>;
  leeches: ReviewItem[];
  /** Words per deck by stage (progress/words.ts), judged on what `offer` lets the trainee practise. */
  words: Map<string, WordCounts>;
}

/** Mastery per deck, the difficult items and the words' stages, from one read of the items. */
export async function itemOverview(db: Pick<VaktaalDB, 'items'>, offer: Offer = {}): Promise<ItemOverview> {
  const items = await db.items.toArray();
  return { mastery: masteryByDeck(items), leeches: leeches(items), words: wordsByDeck(items, offer) };
}

/** The active items among `ids`, in the order given: a session of exactly these. */
export async function itemsByIds(db: Pick<VaktaalDB, 'items'>, ids: readonly string[]): Promise<ReviewItem[]> {
  const rows = await db.items.bulkGet([...ids]);
  return rows.filter((r): r is ReviewItem => r !== undefined && r.active);
}
