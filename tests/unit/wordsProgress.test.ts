import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { createProgressService } from '../../src/core/services/progress.ts';
import { LEARNED_DAYS, totalWords, weeklyWords, wordsByDeck, wordStage } from '../../src/core/progress/words.ts';
import { isoWeek, isoWeekStart } from '../../src/core/progress/weeks.ts';
import { kindsForCard } from '../../src/core/exercises/kinds.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { dayKey } from '../../src/core/srs/day.ts';
import { FsrsState, type ReviewItem } from '../../src/core/srs/types.ts';
import { DAY, freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });

/** One exercise kind of word `card` in deck `deck`, in the FSRS state given. */
function kind(card: string, k: string, fsrs: Partial<ReviewItem['fsrs']> = {}, extra: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: `d/${card}/${k}`,
    deckId: 'd',
    cardId: card,
    kind: k as ReviewItem['kind'],
    cardKey: `d/${card}`,
    order: 0,
    active: true,
    fsrs: {
      due: 0,
      stability: 0,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: FsrsState.New,
      ...fsrs,
    },
    ...extra,
  };
}
const known = { state: FsrsState.Review, stability: LEARNED_DAYS, reps: 2 };
const almost = { state: FsrsState.Review, stability: LEARNED_DAYS - 0.1, reps: 2 };

describe('wordStage: a word (a card) is to come, being learned or learned, across its exercise kinds', () => {
  it('to come until any kind is answered', () => {
    expect(wordStage([kind('a', 'recognise'), kind('a', 'produce')])).toBe('toCome');
  });
  it('being learned while one kind is unanswered, still learning, or known for less than a week', () => {
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'produce')])).toBe('learning');
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'produce', { state: FsrsState.Learning, stability: 30 })])).toBe('learning');
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'produce', almost)])).toBe('learning');
  });
  it('learned when every kind is in review and known at least LEARNED_DAYS ahead', () => {
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'produce', { ...known, stability: 40 })])).toBe('learned');
  });
  it('forgetting one kind (relearning) puts the word back to being learned, whatever its stability', () => {
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'produce', { state: FsrsState.Relearning, stability: 40 })])).toBe(
      'learning',
    );
  });
  it('kinds the trainee cannot get do not hold a word back: switched off, or listening without a voice', () => {
    const word = [kind('a', 'recognise', known), kind('a', 'listen', {}, { needsVoice: true })];
    expect(wordStage(word)).toBe('learning');
    expect(wordStage(word, { voice: false })).toBe('learned');
    expect(wordStage(word, { kinds: ['recognise'] })).toBe('learned');
    expect(wordStage(word, { kinds: ['recognise', 'listen'], voice: true })).toBe('learning');
    // A recording needs no voice: that listen item still counts.
    expect(wordStage([kind('a', 'recognise', known), kind('a', 'listen')], { voice: false })).toBe('learning');
  });
  it('answered but nothing offered any more: being learned, never learned by default', () => {
    expect(wordStage([kind('a', 'produce', known)], { kinds: ['recognise'] })).toBe('learning');
  });
});

describe('wordsByDeck: counts words, not exercises', () => {
  it('one count per card, per deck; cards no longer in the deck and drill items left out', () => {
    const items = [
      kind('a', 'recognise', known),
      kind('a', 'produce', known),
      kind('b', 'recognise', known),
      kind('b', 'produce'),
      kind('c', 'recognise'),
      kind('c', 'produce'),
      kind('gone', 'recognise', known, { active: false }),
      kind('x', 'gap', known, { deckId: 'drill:klare-taal', cardKey: 'drill:klare-taal/x' }),
      kind('e', 'recognise', {}, { deckId: 'e', cardKey: 'e/e' }),
    ];
    const counts = wordsByDeck(items);
    expect(counts.get('d')).toEqual({ learned: 1, learning: 1, toCome: 1, words: 3 });
    expect(counts.get('e')).toEqual({ learned: 0, learning: 0, toCome: 1, words: 1 });
    expect([...counts.keys()]).not.toContain('drill:klare-taal');
    expect(totalWords(counts.values())).toEqual({ learned: 1, learning: 1, toCome: 2, words: 4 });
  });

  it('real reviews through the scheduler: every kind answered Easy is learned, an "again" on one kind is not', async () => {
    const db = freshDb();
    const deck = makeDeck('d', 6);
    await syncDeck(db, deck, NOON);
    const kindsOf = (i: number) => kindsForCard(deck.cards[i]!, deck);
    for (const k of kindsOf(0)) await recordReview(db, scheduler, { itemId: `d/woord-0/${k}`, rating: 4, now: NOON, durationMs: 1 });
    for (const k of kindsOf(1)) await recordReview(db, scheduler, { itemId: `d/woord-1/${k}`, rating: 4, now: NOON, durationMs: 1 });
    await recordReview(db, scheduler, { itemId: `d/woord-2/recognise`, rating: 3, now: NOON, durationMs: 1 });
    // Word 1 is forgotten in one kind a week later.
    await recordReview(db, scheduler, { itemId: `d/woord-1/${kindsOf(1)[0]}`, rating: 1, now: NOON + 8 * DAY, durationMs: 1 });
    const service = createProgressService(db);
    const dashboard = await service.dashboard({ deckIds: ['d'], dailyGoal: 10, days: 7, offer: { voice: true }, now: NOON + 8 * DAY });
    expect(dashboard.words.get('d')).toEqual({ learned: 1, learning: 2, toCome: 3, words: 6 });
    // The weeks: words practised in each (word 0 and 1 and 2 in the first, word 1 again in the second).
    const weeks = dashboard.weeks;
    expect(weeks.at(-1)).toEqual({ week: isoWeek(dayKey(NOON + 8 * DAY)), words: 1, days: 1 });
    expect(weeks.find((w) => w.week === isoWeek(dayKey(NOON)))).toEqual({ week: isoWeek(dayKey(NOON)), words: 3, days: 1 });
  });
});

describe('weeklyWords and the weeks as dates', () => {
  const row = (card: string, at: number, deckId = 'd') => ({ deckId, cardKey: `${deckId}/${card}`, reviewedAt: at });
  it('different words and days per week, quiet weeks included, drills left out, the last weeks only', () => {
    const weeks = weeklyWords(
      [row('a', NOON), row('a', NOON + 60_000), row('b', NOON + DAY), row('x', NOON, 'drill:s'), row('c', NOON + 21 * DAY)],
      NOON + 21 * DAY,
      8,
    );
    expect(weeks.map((w) => w.week)).toEqual([0, 7, 14, 21].map((d) => isoWeek(dayKey(NOON + d * DAY))));
    expect(weeks[0]).toMatchObject({ words: 2, days: 2 });
    expect(weeks[1]).toMatchObject({ words: 0, days: 0 });
    expect(weeks[3]).toMatchObject({ words: 1, days: 1 });
    expect(weeklyWords([row('a', NOON)], NOON + 70 * DAY, 8)).toHaveLength(8);
    // Rows of the window only, but the trainee started long before: the quiet weeks still show.
    expect(weeklyWords([], NOON + 70 * DAY, 8, NOON)).toHaveLength(8);
    expect(weeklyWords([], NOON)).toEqual([]);
  });
  it('isoWeekStart gives the Monday of a week, the inverse of isoWeek (year boundaries included)', () => {
    expect(isoWeekStart('2026-W10')).toBe('2026-03-02');
    expect(isoWeekStart('2020-W53')).toBe('2020-12-28');
    expect(isoWeekStart('2025-W01')).toBe('2024-12-30');
    for (let d = 0; d < 800; d++) {
      const day = new Date(Date.UTC(2024, 0, 1) + d * DAY).toISOString().slice(0, 10);
      const monday = isoWeekStart(isoWeek(day));
      expect(isoWeek(monday)).toBe(isoWeek(day));
      expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(monday <= day).toBe(true);
    }
    expect(() => isoWeekStart('W10')).toThrow();
  });
});

describe('a word set aside with "I know this word"', () => {
  it('counts as learned, not as to come', () => {
    const setAside = ['recognise', 'choice', 'produce'].map((k) => kind('w', k, {}, { known: true }));
    expect(wordStage(setAside)).toBe('learned');
    expect(wordStage(['recognise', 'choice'].map((k) => kind('v', k)))).toBe('toCome');
  });
});
