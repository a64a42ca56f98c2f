import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { forecast, itemOverview, itemsByIds } from '../../src/core/db/dashboard.ts';
import { streak } from '../../src/core/db/streak.ts';
import { dayIndex, studyDayBounds } from '../../src/core/progress/days.ts';
import { isLeech, isStable, LEECH_LAPSES, leeches, masteryByDeck, STABLE_DAYS } from '../../src/core/progress/rules.ts';
import { streakOf } from '../../src/core/progress/streak.ts';
import { newFsrs } from '../../src/core/srs/newItemState.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { dayStart } from '../../src/core/srs/day.ts';
import { FsrsState, type ReviewItem } from '../../src/core/srs/types.ts';
import { DAY, freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });

function item(deckId: string, n: number, fsrs: Partial<ReviewItem['fsrs']>, active = true): ReviewItem {
  return {
    id: `${deckId}/c${n}/recognise`,
    deckId,
    cardId: `c${n}`,
    kind: 'recognise',
    cardKey: `${deckId}/c${n}`,
    fsrs: { ...newFsrs(NOON), ...fsrs },
    order: n,
    active,
  };
}

describe('mastery: stable items', () => {
  it(`is stable only in Review with stability ≥ ${STABLE_DAYS} days, and active`, () => {
    expect(isStable(item('a', 0, { state: FsrsState.Review, stability: STABLE_DAYS }))).toBe(true);
    expect(isStable(item('a', 0, { state: FsrsState.Review, stability: STABLE_DAYS - 0.01 }))).toBe(false);
    expect(isStable(item('a', 0, { state: FsrsState.Relearning, stability: 100 }))).toBe(false);
    expect(isStable(item('a', 0, { state: FsrsState.Learning, stability: 100 }))).toBe(false);
    expect(isStable(item('a', 0, { state: FsrsState.Review, stability: 100 }, false))).toBe(false);
  });

  it('mastery per deck is the share of active items that are stable', () => {
    const items = [
      item('a', 0, { state: FsrsState.Review, stability: 40 }),
      item('a', 1, { state: FsrsState.Review, stability: 3 }),
      item('a', 2, {}),
      item('a', 3, {}),
      item('a', 4, { state: FsrsState.Review, stability: 90 }, false), // removed card: not counted
      item('b', 0, { state: FsrsState.Review, stability: 21 }),
    ];
    const m = masteryByDeck(items);
    expect(m.get('a')).toEqual({ deckId: 'a', items: 4, seen: 2, stable: 1, share: 0.25 });
    expect(m.get('b')?.share).toBe(1);
  });
});

describe('difficult words (leeches)', () => {
  it(`an item is a leech from ${LEECH_LAPSES} lapses on, when active`, () => {
    expect(isLeech(item('a', 0, { lapses: LEECH_LAPSES }))).toBe(true);
    expect(isLeech(item('a', 0, { lapses: LEECH_LAPSES - 1 }))).toBe(false);
    expect(isLeech(item('a', 0, { lapses: 10 }, false))).toBe(false);
  });

  it('lists the most lapses first', () => {
    const list = leeches([item('a', 0, { lapses: 3 }), item('a', 1, { lapses: 6 }), item('a', 2, { lapses: 1 })]);
    expect(list.map((i) => i.cardId)).toEqual(['c1', 'c0']);
  });

  it('real lapses: forgetting a learned word three times makes it a leech', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 2), NOON - 200 * DAY);
    const id = 'a/woord-0/recognise';
    let t = NOON - 200 * DAY;
    const answer = async (rating: 1 | 3) => {
      const after = await recordReview(db, scheduler, { itemId: id, rating, now: t, durationMs: 1 });
      t = Math.max(after.fsrs.due, t + 60_000);
      return after;
    };
    for (let lapse = 0; lapse < LEECH_LAPSES; lapse++) {
      let after = await answer(3);
      while (after.fsrs.state !== FsrsState.Review) after = await answer(3);
      await answer(1);
    }
    const { leeches: found } = await itemOverview(db);
    expect(found.map((i) => i.id)).toEqual([id]);
  });
});

describe('streak and daily goal', () => {
  it('counts consecutive days with the goal reached, today included once reached', () => {
    expect(streakOf([20, 25, 30, 5, 40], 20)).toBe(3);
    // Today not reached yet: the streak up to yesterday still stands.
    expect(streakOf([3, 25, 30, 5], 20)).toBe(2);
    expect(streakOf([0, 0, 30], 20)).toBe(0);
    expect(streakOf([], 20)).toBe(0);
  });

  it('reads day counts from the log', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 10), NOON - 5 * DAY);
    // Two reviews a day for the last three days (incl. today), nothing four days ago.
    for (const daysAgo of [0, 1, 2]) {
      for (const n of [0, 1]) {
        await recordReview(db, scheduler, {
          itemId: `a/woord-${daysAgo * 2 + n}/recognise`,
          rating: 3,
          now: NOON - daysAgo * DAY + n,
          durationMs: 1,
        });
      }
    }
    expect(await streak(db, NOON, 2)).toEqual({ today: 2, goal: 2, streak: 3 });
    expect(await streak(db, NOON, 3)).toEqual({ today: 2, goal: 3, streak: 0 });
    expect((await streak(db, NOON + DAY, 2)).streak).toBe(3);
  });
});

describe('forecast', () => {
  it('buckets due reviews per study day, overdue counted today', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 4), NOON);
    const at = (id: string, due: number) => db.items.update(id, { due, 'fsrs.state': FsrsState.Review, 'fsrs.due': due });
    await at('a/woord-0/recognise', NOON - 3 * DAY); // overdue → today
    await at('a/woord-1/recognise', NOON + DAY); // tomorrow
    await at('a/woord-2/recognise', NOON + DAY + 3600_000);
    await at('a/woord-3/recognise', NOON + 40 * DAY); // beyond 30 days
    const counts = await forecast(db, ['a'], NOON, 30);
    expect(counts).toHaveLength(30);
    expect(counts.slice(0, 3)).toEqual([1, 2, 0]);
    expect(counts.reduce((a, b) => a + b)).toBe(3);
  });

  it('day bounds start at 04:00 and a moment after the range is -1', () => {
    const bounds = studyDayBounds(NOON, 3);
    expect(bounds[0]).toBe(dayStart(NOON));
    expect(bounds).toHaveLength(4);
    expect(dayIndex(bounds, bounds[3]!)).toBe(-1);
  });
});

describe('a session of chosen items', () => {
  it('returns the active items asked for, in order', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 3), NOON);
    await syncDeck(db, makeDeck('a', 0, makeDeck('a', 2).cards), NOON); // woord-2 removed
    const items = await itemsByIds(db, ['a/woord-1/produce', 'a/woord-2/recognise', 'nope', 'a/woord-0/recognise']);
    expect(items.map((i) => i.id)).toEqual(['a/woord-1/produce', 'a/woord-0/recognise']);
  });
});
