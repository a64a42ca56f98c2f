import { isOffered, type QueueLimits } from '../srs/queue.ts';
import { FsrsState, type ReviewItem, type ReviewLogRow } from '../srs/types.ts';
import { familyOf } from './activity.ts';
import { isoWeek, weeksFrom } from './weeks.ts';
import { dayKey } from '../srs/day.ts';

/**
 * Progress in words, the unit a trainee thinks in. A word is a card of a word deck (drill sets are
 * not words); the app practises it through several exercise kinds (recognise, pick, type, …), and
 * FSRS schedules each kind as its own item. This is the one definition of a word's stage:
 *
 * - to come: none of its kinds has been answered yet (and the trainee did not set it aside);
 * - learned: every kind the trainee can be given (switched on in the settings; listening needs a
 *   recording or a voice) has been answered, and FSRS expects each of them to be known still
 *   LEARNED_DAYS from now: Review state (not learning or relearning) with stability ≥ LEARNED_DAYS.
 *   Forgetting one kind later (an "again") puts the word back to being learned;
 * - a word set aside with "I know this word" counts as learned: the trainee said so;
 * - being learned: everything in between.
 *
 * LEARNED_DAYS is a week, not the three weeks of "stable" (rules.ts, the coach report's measure):
 * a word counts as learned after a couple of good reviews of each kind, which a trainee sees happen
 * within the first weeks of a placement.
 */
export const LEARNED_DAYS = 7;

export type WordStage = 'learned' | 'learning' | 'toCome';

type WordItem = Pick<ReviewItem, 'deckId' | 'cardKey' | 'kind' | 'needsVoice' | 'active' | 'fsrs' | 'known'>;
/** What the trainee can be given: the kinds switched on and whether a voice exists (all when absent). */
export type Offer = Pick<QueueLimits, 'kinds' | 'voice'>;

const answered = (item: WordItem) => item.fsrs.state !== FsrsState.New;
const remembered = (item: WordItem) => item.known === true || (item.fsrs.state === FsrsState.Review && item.fsrs.stability >= LEARNED_DAYS);

/** The stage of one word from its active items (its exercise kinds). */
export function wordStage(kinds: readonly WordItem[], offer: Offer = {}): WordStage {
  if (!kinds.some((k) => answered(k) || k.known)) return 'toCome';
  const counted = kinds.filter((k) => isOffered(k, offer));
  return counted.length > 0 && counted.every(remembered) ? 'learned' : 'learning';
}

export interface WordCounts {
  learned: number;
  learning: number;
  toCome: number;
  /** learned + learning + toCome: the deck's words. */
  words: number;
}

export const noWords = (): WordCounts => ({ learned: 0, learning: 0, toCome: 0, words: 0 });

/** Words per deck by stage. Items of cards no longer in their deck (inactive) and drill items do not count. */
export function wordsByDeck(items: Iterable<WordItem>, offer: Offer = {}): Map<string, WordCounts> {
  const byWord = new Map<string, WordItem[]>();
  for (const item of items) {
    if (!item.active || familyOf(item.deckId) !== 'words') continue;
    const kinds = byWord.get(item.cardKey);
    if (kinds) kinds.push(item);
    else byWord.set(item.cardKey, [item]);
  }
  const out = new Map<string, WordCounts>();
  for (const kinds of byWord.values()) {
    const deckId = kinds[0]!.deckId;
    let counts = out.get(deckId);
    if (!counts) out.set(deckId, (counts = noWords()));
    counts[wordStage(kinds, offer)]++;
    counts.words++;
  }
  return out;
}

/** The sum over some decks (the ones the screen shows). */
export function totalWords(counts: Iterable<WordCounts>): WordCounts {
  const total = noWords();
  for (const c of counts) for (const key of ['learned', 'learning', 'toCome', 'words'] as const) total[key] += c[key];
  return total;
}

/** Different words among some answers (drill answers are not words): "answers added for 12 words". */
export function wordsAnswered(rows: Iterable<Pick<ReviewLogRow, 'deckId' | 'cardKey'>>): number {
  const words = new Set<string>();
  for (const row of rows) if (familyOf(row.deckId) === 'words') words.add(row.cardKey);
  return words.size;
}

export interface WeekOfWords {
  /** ISO week "2026-W10" (screens say "week of 2 March"). */
  week: string;
  /** Different words practised that week (any kind, any number of times). */
  words: number;
  /** Days with at least one word practised. */
  days: number;
}

/**
 * The last `maxWeeks` weeks up to now, quiet weeks included from the first answer on (`firstAnswer`
 * when the rows given start later): words practised and days.
 */
export function weeklyWords(
  rows: Iterable<Pick<ReviewLogRow, 'deckId' | 'cardKey' | 'reviewedAt'>>,
  now: number,
  maxWeeks = 8,
  firstAnswer = Infinity,
): WeekOfWords[] {
  const byWeek = new Map<string, { words: Set<string>; days: Set<string> }>();
  let first = firstAnswer;
  for (const row of rows) {
    if (familyOf(row.deckId) !== 'words') continue;
    first = Math.min(first, row.reviewedAt);
    const day = dayKey(row.reviewedAt);
    const week = isoWeek(day);
    let w = byWeek.get(week);
    if (!w) byWeek.set(week, (w = { words: new Set(), days: new Set() }));
    w.words.add(row.cardKey);
    w.days.add(day);
  }
  if (first === Infinity) return [];
  return weeksFrom(first, now, maxWeeks).map((week) => ({
    week,
    words: byWeek.get(week)?.words.size ?? 0,
    days: byWeek.get(week)?.days.size ?? 0,
  }));
}
