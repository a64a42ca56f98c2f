import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { VaktaalDB } from '../../src/core/db/database.ts';
import { queueSource, syncDeck } from '../../src/core/db/progressStore.ts';
import { rebuildItem, recordReview } from '../../src/core/db/reviewWrites.ts';
import { DEFAULT_SETTINGS, NUMBER_LIMITS } from '../../src/core/settings/settings.ts';
import { createSettingsService } from '../../src/core/services/settings.ts';
import { buildTodayQueue } from '../../src/core/srs/queue.ts';
import { createEmptyCard } from 'ts-fsrs';
import { createScheduler, toStored } from '../../src/core/srs/scheduler.ts';
import { newFsrs } from '../../src/core/srs/newItemState.ts';
import { PracticeSession } from '../../src/core/srs/session.ts';
import { FsrsState } from '../../src/core/srs/types.ts';
import { DAY, freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });
const limits = { newPerDay: 10, reviewsPerDay: 200 };

describe('a new item', () => {
  it('starts in exactly the state ts-fsrs gives an empty card (written out only to keep the scheduler out of the first load)', () => {
    for (const now of [NOON, NOON + 123_456_789, Date.UTC(2031, 1, 28, 23, 59, 59, 999)]) {
      const stored = toStored(createEmptyCard(new Date(now)));
      expect(newFsrs(now)).toEqual(stored);
      expect(Object.keys(newFsrs(now)).sort()).toEqual(Object.keys(stored).sort());
    }
  });
});

describe('syncDeck', () => {
  it('creates one item per card and kind; only the first kind is introducible', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 3), NOON);
    const items = await db.items.toArray();
    // 3 cards × recognise, produce, cloze, article, listen (too few cards for choice, no plain).
    expect(items).toHaveLength(15);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['recognise', 'produce', 'cloze', 'article', 'listen']));
    expect(items.filter((i) => i.kind === 'listen').every((i) => i.needsVoice)).toBe(true);
    expect(items.filter((i) => i.newRank !== undefined).map((i) => i.kind)).toEqual(['recognise', 'recognise', 'recognise']);
    expect(items.every((i) => i.due === undefined && i.fsrs.state === FsrsState.New)).toBe(true);
  });

  it('keeps history when a card text changes, hides removed cards and brings them back', async () => {
    const db = freshDb();
    const cards = [makeCard(0), makeCard(1), makeCard(2)];
    await syncDeck(db, makeDeck('a', 0, cards), NOON);
    await recordReview(db, scheduler, { itemId: 'a/woord-1/recognise', rating: 3, now: NOON, durationMs: 1000 });
    const reviewed = await db.items.get('a/woord-1/recognise');

    // Typo fixed in card 1 (same id), card 2 removed, order changed.
    const edited = [makeCard(1, { term: 'woord1-verbeterd' }), makeCard(0)];
    await syncDeck(db, makeDeck('a', 0, edited), NOON + 1000);
    const after = await db.items.get('a/woord-1/recognise');
    expect(after?.fsrs).toEqual(reviewed?.fsrs);
    expect(after?.active).toBe(true);
    const removed = await db.items.get('a/woord-2/recognise');
    expect(removed?.active).toBe(false);
    expect(removed?.newRank).toBeUndefined();
    // New order: woord-0 now comes after woord-1.
    expect((await db.items.get('a/woord-0/recognise'))?.newRank).toBeGreaterThan(0);

    await syncDeck(db, makeDeck('a', 0, cards), NOON + 2000);
    expect((await db.items.get('a/woord-2/recognise'))?.active).toBe(true);
    expect(await db.logs.count()).toBe(1);
  });
});

describe('recordReview', () => {
  it('writes the item and one log row together, and the state survives reopening the database', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 2), NOON);
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON, durationMs: 800 });
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON + 11 * 60_000, durationMs: 700 });
    const stored = await db.items.get('a/woord-0/recognise');
    db.close();

    const reopened = new VaktaalDB(db.name);
    const again = await reopened.items.get('a/woord-0/recognise');
    expect(again).toEqual(stored);
    expect(again!.fsrs.reps).toBe(2);
    expect(again!.due).toBe(again!.fsrs.due);
    expect(again!.newRank).toBeUndefined();
    const logs = await reopened.logs.where('itemId').equals('a/woord-0/recognise').toArray();
    expect(logs.map((l) => [l.rating, l.stateBefore])).toEqual([
      [3, FsrsState.New],
      [3, FsrsState.Learning],
    ]);
  });

  it('an item can be rebuilt from its log alone', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 1), NOON);
    const id = 'a/woord-0/produce';
    await db.items.update(id, { newRank: 1 });
    let t = NOON;
    for (const rating of [3, 1, 3, 3, 2, 4] as const) {
      await recordReview(db, scheduler, { itemId: id, rating, now: t, durationMs: 1 });
      t += 2 * DAY;
    }
    const stored = await db.items.get(id);
    expect(await rebuildItem(db, scheduler, id)).toEqual(stored!.fsrs);
  });

  it('unlocks the sibling kind once the first kind has been seen', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 1), NOON);
    expect((await db.items.get('a/woord-0/produce'))?.newRank).toBeUndefined();
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON, durationMs: 1 });
    expect((await db.items.get('a/woord-0/produce'))?.newRank).toBeDefined();
  });
});

describe('buildTodayQueue', () => {
  it('gives new cards up to the daily limit, in deck order, one kind per card', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 30), NOON);
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    expect(q.newCount).toBe(10);
    expect(q.items.map((i) => i.cardId)).toEqual(Array.from({ length: 10 }, (_, i) => `woord-${i}`));
    expect(q.items.every((i) => i.kind === 'recognise')).toBe(true);
  });

  it('counts new cards introduced earlier today against the limit', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 30), NOON);
    for (let i = 0; i < 4; i++) {
      await recordReview(db, scheduler, { itemId: `a/woord-${i}/recognise`, rating: 3, now: NOON + i, durationMs: 1 });
    }
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON + 1000, { newPerDay: 10, reviewsPerDay: 200 });
    expect(q.newCount).toBe(6);
    expect(q.newIntroducedToday).toBe(4);
  });

  it('puts due reviews first, then new ones', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 20), NOON);
    for (let i = 0; i < 3; i++) {
      const id = `a/woord-${i}/recognise`;
      await recordReview(db, scheduler, { itemId: id, rating: 3, now: NOON - 10 * DAY, durationMs: 1 });
      await recordReview(db, scheduler, { itemId: id, rating: 3, now: NOON - 10 * DAY + 600_000, durationMs: 1 });
    }
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    expect(q.dueCount).toBe(3);
    expect(q.items.slice(0, 3).every((i) => i.fsrs.state === FsrsState.Review)).toBe(true);
    expect(q.items.slice(3).every((i) => i.fsrs.state === FsrsState.New)).toBe(true);
  });

  it('buries siblings: a card reviewed today brings no other kind today, but does tomorrow', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 3), NOON);
    // Seen yesterday in both steps → produce unlocked; recognise due in days.
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON - DAY, durationMs: 1 });
    const today = await buildTodayQueue(queueSource(db), ['a'], NOON - DAY + 1000, limits);
    // Only the item being learned comes back (its next step is within the learn-ahead), no sibling.
    expect(today.items.filter((i) => i.cardKey === 'a/woord-0').map((i) => i.kind)).toEqual(['recognise']);
    // Once that step is done, nothing of the card is left for today.
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 4, now: NOON - DAY + 2000, durationMs: 1 });
    const later = await buildTodayQueue(queueSource(db), ['a'], NOON - DAY + 3000, limits);
    expect(later.items.some((i) => i.cardKey === 'a/woord-0')).toBe(false);

    const tomorrow = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    const forCard = tomorrow.items.filter((i) => i.cardKey === 'a/woord-0');
    expect(forCard).toHaveLength(1);
  });

  it('an item answered "again" comes back in a later session the same day (a reload mid-session loses nothing)', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 5), NOON);
    const first = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    const session = new PracticeSession(first.items);
    const wrong = session.current!;
    const after = await recordReview(db, scheduler, { itemId: wrong.id, rating: 1, now: NOON, durationMs: 1 });
    session.answered(wrong, after, 1, NOON);
    const good = session.current!;
    session.answered(
      good,
      await recordReview(db, scheduler, { itemId: good.id, rating: 4, now: NOON + 1000, durationMs: 1 }),
      4,
      NOON + 1000,
    );
    // The page is reloaded: the queue is built again from what is stored.
    const again = await buildTodayQueue(queueSource(db), ['a'], NOON + 2000, limits);
    expect(again.items).toHaveLength(session.remaining);
    expect(again.items.filter((i) => i.cardKey === wrong.cardKey).map((i) => i.id)).toEqual([wrong.id]);
    expect(again.items.some((i) => i.cardKey === good.cardKey)).toBe(false);
  });

  it('never puts two kinds of one card in the same queue', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 5), NOON - 5 * DAY);
    for (let i = 0; i < 5; i++) {
      await recordReview(db, scheduler, { itemId: `a/woord-${i}/recognise`, rating: 3, now: NOON - 5 * DAY, durationMs: 1 });
      await recordReview(db, scheduler, { itemId: `a/woord-${i}/recognise`, rating: 3, now: NOON - 5 * DAY + 700_000, durationMs: 1 });
    }
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON + 5 * DAY, limits);
    const keys = q.items.map((i) => i.cardKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(q.items.length).toBe(5);
  });

  it('mixes new cards of several decks', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 10), NOON);
    await syncDeck(db, makeDeck('b', 10), NOON);
    const q = await buildTodayQueue(queueSource(db), ['a', 'b'], NOON, { newPerDay: 4, reviewsPerDay: 200 });
    expect(q.items.map((i) => i.deckId)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('ignores decks that were not chosen and removed cards', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 3), NOON);
    await syncDeck(db, makeDeck('b', 3), NOON);
    await syncDeck(db, makeDeck('a', 0, [makeCard(0)]), NOON);
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    expect(q.items.map((i) => i.id)).toEqual(['a/woord-0/recognise']);
  });
});

describe('PracticeSession', () => {
  it('brings a learning item back later in the session and finishes when all are done', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 2), NOON);
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, limits);
    const session = new PracticeSession(q.items, 3);
    let now = NOON;
    let guard = 0;
    while (session.current && guard++ < 20) {
      const before = session.current;
      const after = await recordReview(db, scheduler, { itemId: before.id, rating: 3, now, durationMs: 1 });
      session.answered(before, after, 3, now);
      now += 11 * 60_000;
    }
    expect(session.current).toBeUndefined();
    expect(session.stats.introduced).toBe(2);
    expect(session.stats.answered).toBeGreaterThan(2);
    expect(session.progress).toBe(1);
  });
});

describe('settings', () => {
  it('has defaults, saves, and refuses nonsense values', async () => {
    const db = freshDb();
    const settings = createSettingsService(db);
    expect(await settings.load()).toEqual(DEFAULT_SETTINGS);
    await settings.save('newPerDay', 15);
    await settings.save('retention', 5);
    await settings.save('lang', 'en');
    const s = await settings.load();
    expect(s.newPerDay).toBe(15);
    // Out of range: clamped to the limit of the settings schema, not reset to the default.
    expect(s.retention).toBe(NUMBER_LIMITS.retention.max);
    expect(s.lang).toBe('en');
  });

  it('stores a value typed out of range as the limit and returns what it stored (bug: 500 new words became 10 after a reload)', async () => {
    const db = freshDb();
    const settings = createSettingsService(db);
    expect(await settings.save('newPerDay', 500)).toBe(NUMBER_LIMITS.newPerDay.max);
    expect(await settings.save('reviewsPerDay', -3)).toBe(NUMBER_LIMITS.reviewsPerDay.min);
    expect(await settings.save('dailyGoal', 12.6)).toBe(13);
    const reloaded = await createSettingsService(db).load();
    expect(reloaded.newPerDay).toBe(NUMBER_LIMITS.newPerDay.max);
    expect(reloaded.reviewsPerDay).toBe(0);
    expect(reloaded.dailyGoal).toBe(13);
  });

  it('falls back to the default for values of the wrong type, and ignores unknown keys', async () => {
    const db = freshDb();
    await db.settings.bulkPut([
      { key: 'newPerDay', value: 'many' },
      { key: 'theme', value: 'purple' },
      { key: 'kinds', value: ['produce', 'nonsense'] },
      { key: 'constructor', value: 1 },
      { key: '__proto__', value: { polluted: true } },
    ]);
    const s = await createSettingsService(db).load();
    expect(s.newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
    expect(s.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(s.kinds).toEqual(['produce']);
    expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
