import { FsrsState, type ReviewItem } from '../srs/types.ts';

/**
 * What "mastered" and "difficult" mean, in one place (the dashboard, the coach report and the
 * tests all read these).
 *
 * Stable: an active item in FSRS's Review state whose stability is at least STABLE_DAYS, i.e.
 * FSRS expects the trainee to still recall it three weeks from now with the desired retention.
 * Learning and relearning items are never stable, whatever their stability.
 */
export const STABLE_DAYS = 21;

/**
 * Leech ("difficult word"): an active item forgotten LEECH_LAPSES times or more after it had been
 * learned (FSRS counts a lapse when a Review item is answered Again). Anki uses 8 for years of
 * reviews; trainees practise for months, so 3 surfaces trouble while it still matters.
 */
export const LEECH_LAPSES = 3;

type Scored = Pick<ReviewItem, 'active' | 'fsrs'>;

export function isStable(item: Scored): boolean {
  return item.active && item.fsrs.state === FsrsState.Review && item.fsrs.stability >= STABLE_DAYS;
}

export function isLeech(item: Scored): boolean {
  return item.active && item.fsrs.lapses >= LEECH_LAPSES;
}

export interface DeckMastery {
  deckId: string;
  /** Active items (card × exercise kind). */
  items: number;
  /** Active items seen at least once. */
  seen: number;
  stable: number;
  /** stable / items, 0–1 (0 for an empty deck). */
  share: number;
}

/** Mastery per deck: the share of a deck's active items that are stable. */
export function masteryByDeck(items: Iterable<Pick<ReviewItem, 'deckId' | 'active' | 'fsrs'>>): Map<string, DeckMastery> {
  const out = new Map<string, DeckMastery>();
  for (const item of items) {
    if (!item.active) continue;
    let m = out.get(item.deckId);
    if (!m) out.set(item.deckId, (m = { deckId: item.deckId, items: 0, seen: 0, stable: 0, share: 0 }));
    m.items++;
    if (item.fsrs.state !== FsrsState.New) m.seen++;
    if (isStable(item)) m.stable++;
  }
  for (const m of out.values()) m.share = m.items ? m.stable / m.items : 0;
  return out;
}

/** Difficult items, most lapses first (then most recently reviewed). */
export function leeches<T extends Pick<ReviewItem, 'active' | 'fsrs'>>(items: Iterable<T>): T[] {
  return [...items].filter(isLeech).sort((a, b) => b.fsrs.lapses - a.fsrs.lapses || (b.fsrs.last_review ?? 0) - (a.fsrs.last_review ?? 0));
}
