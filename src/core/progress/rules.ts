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

/**
 * The streak: consecutive study days on which the daily goal was reached, ending today when
 * today's goal is already reached, else ending yesterday (today is not lost until it is over).
 * `counts[0]` is today's number of exercises, `counts[1]` yesterday's, and so on.
 */
export function streakOf(counts: readonly number[], goal: number): number {
  const target = Math.max(1, goal);
  const start = (counts[0] ?? 0) >= target ? 0 : 1;
  let streak = 0;
  for (let i = start; i < counts.length && (counts[i] ?? 0) >= target; i++) streak++;
  return streak;
}

/**
 * The goal and streak as a session goes on: `atStart` (today's count and the streak when the
 * session began) plus the exercises answered since. Reaching the goal today adds today to the
 * streak, by streakOf's rule, without reading the log again after every answer.
 */
export function goalAfter(atStart: { today: number; goal: number; streak: number }, answered: number) {
  const target = Math.max(1, atStart.goal);
  const today = atStart.today + answered;
  const reachedNow = atStart.today < target && today >= target;
  return { today, goal: atStart.goal, streak: atStart.streak + (reachedNow ? 1 : 0), reached: today >= target };
}
