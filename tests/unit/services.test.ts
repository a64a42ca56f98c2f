import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DrillItem, DrillSet } from '../../src/core/drills/drillModel.ts';
import { syncDrillSet } from '../../src/core/db/drillItems.ts';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { createServices } from '../../src/core/services/index.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { StudyRun } from '../../src/core/srs/session.ts';
import { freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });
const gap = (i: number): DrillItem => ({
  id: `gap-${i}`,
  kind: 'gap',
  sentence: `Zin ${i} ___.`,
  answer: 'wordt',
  alternatives: [],
  explanation: 'Stam + t.',
  line: i + 5,
});
const drillSet = (id: string, items: DrillItem[]): DrillSet => ({
  id,
  title: `Reeks ${id}`,
  topic: 'dt',
  source: `content/drills/${id}.drill.yaml`,
  itemCount: items.length,
  kinds: { gap: items.length },
  hash: `${id}:${items.map((i) => i.id).join(',')}`,
  items,
});
const noJson = <T>(): Promise<T> => Promise.reject(new Error('not used'));
const limits = { newPerDay: 10, reviewsPerDay: 200 };

function servicesOn(db = freshDb()) {
  return { db, services: createServices(db, { loadJson: noJson, retention: () => 0.9 }) };
}

describe("one definition of a day's activity (done today, goal, streak, report)", () => {
  it('counts a drill answer in done today, the goal and the report, and keeps words and drills apart', async () => {
    const { db, services } = servicesOn();
    const deck = makeDeck('a', 3);
    await syncDeck(db, deck, NOON);
    const set = drillSet('dt', [gap(0), gap(1)]);
    await syncDrillSet(db, set, NOON);
    await recordReview(db, scheduler, { itemId: 'drill:dt/gap-0/gap', rating: 3, now: NOON + 1000, durationMs: 900 });

    const today = await services.today.overview({ deckIds: ['a'], allDeckIds: ['a'], limits, dailyGoal: 20, now: NOON + 2000 });
    expect(today.activity.exercises).toBe(1);
    expect(today.goal.today).toBe(today.activity.exercises);
    expect(today.activity.words.exercises).toBe(0);
    expect(today.activity.drills.exercises).toBe(1);
    // The drill answer does not use up the words' new limit.
    expect(today.fresh).toBe(3);

    const dashboard = await (await services.progress()).dashboard({ deckIds: ['a'], dailyGoal: 20, days: 7, now: NOON + 2000 });
    expect(dashboard.activity.exercises).toBe(1);
    expect(dashboard.goal.today).toBe(1);

    const report = await (
      await services.report()
    ).collect({ trainee: 'T', decks: [deck], drillSets: [set], selected: ['a'], now: NOON + 3000 });
    const perDeck = report.decks.reduce((n, d) => n + d.reviews, 0);
    const perDrill = report.drills.reduce((n, d) => n + d.reviews, 0);
    expect(report.totals.reviews).toBe(1);
    expect(perDeck + perDrill).toBe(report.totals.reviews);
    expect(report.drills).toEqual([expect.objectContaining({ id: 'dt', title: 'Reeks dt', reviews: 1, seen: 1, items: 2 })]);
  });
});

describe("Today's due count is what the session gives", () => {
  it('applies the reviews-per-day cap to the due count, as the queue does', async () => {
    const { db, services } = servicesOn();
    const deck = makeDeck('a', 12);
    await syncDeck(db, deck, NOON - 3 * 86_400_000);
    // Learn every card three days ago so all are due today.
    for (const card of deck.cards) {
      await recordReview(db, scheduler, { itemId: `a/${card.id}/recognise`, rating: 3, now: NOON - 3 * 86_400_000, durationMs: 1 });
      await recordReview(db, scheduler, {
        itemId: `a/${card.id}/recognise`,
        rating: 3,
        now: NOON - 3 * 86_400_000 + 600_000,
        durationMs: 1,
      });
    }
    const capped = { newPerDay: 0, reviewsPerDay: 5 };
    const today = await services.today.overview({ deckIds: ['a'], allDeckIds: ['a'], limits: capped, dailyGoal: 20, now: NOON });
    const session = await services.today.queue(['a'], capped, NOON);
    expect(today.decks.get('a')!.due).toBeGreaterThan(5);
    expect(today.due).toBe(5);
    expect(today.due).toBe(session.items.length);
  });
});

describe('one session mechanism for words and drills', () => {
  // Dexie wraps the browser's QuotaExceededError in its own error (an AbortError with `inner`).
  const fullDisk = () =>
    new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

  it.each(['words', 'drills'] as const)(
    'tells a full disk apart from other failures in a %s session, and keeps the item',
    async (family) => {
      const { db, services } = servicesOn();
      await syncDeck(db, makeDeck('a', 2), NOON);
      await syncDrillSet(db, drillSet('dt', [gap(0)]), NOON);
      const queue =
        family === 'words' ? await services.today.queue(['a'], limits, NOON) : await (await services.drills()).queue(['dt'], limits, NOON);
      expect(queue.items.length).toBeGreaterThan(0);
      let fail: 'quota' | 'other' | undefined = 'quota';
      const practice = await services.practice();
      const run = new StudyRun(
        queue.items,
        async (input) => {
          if (fail === 'quota') throw fullDisk();
          if (fail === 'other') throw new Error('disk gone');
          return practice.answer(input);
        },
        NOON,
      );
      const first = run.current;
      expect(await run.grade(3, undefined, NOON + 1000)).toBe('quota');
      expect(run.current).toBe(first);
      expect(await db.logs.count()).toBe(0);
      fail = 'other';
      expect(await run.grade(3, undefined, NOON + 2000)).toBe('save');
      fail = undefined;
      expect(await run.grade(3, undefined, NOON + 3000)).toBeUndefined();
      expect(await db.logs.count()).toBe(1);
      expect(run.session.stats.answered).toBe(1);
    },
  );

  it('moves the session forward after every answer (remaining and progress)', async () => {
    const { db, services } = servicesOn();
    await syncDeck(db, makeDeck('a', 4), NOON);
    const queue = await services.today.queue(['a'], limits, NOON);
    const practice = await services.practice();
    const run = new StudyRun(queue.items, practice.answer, NOON);
    const before = run.session.remaining;
    // Easy: the new item leaves the session for today.
    await run.grade(4, undefined, NOON + 1000);
    expect(run.session.remaining).toBe(before - 1);
    expect(run.session.progress).toBeGreaterThan(0);
  });
});

describe('"new" counts new words, and new ways of practising known words apart', () => {
  it('2 words never met and 8 known words with a new kind: 2 new words, 8 new ways, both in the session', async () => {
    const { db, services } = servicesOn();
    const deck = makeDeck('a', 10);
    const day = 86_400_000;
    await syncDeck(db, deck, NOON - 2 * day);
    // Yesterday: 8 words met (recognise); their produce kind becomes available today.
    for (const card of deck.cards.slice(0, 8)) {
      await recordReview(db, scheduler, { itemId: `a/${card.id}/recognise`, rating: 4, now: NOON - day, durationMs: 1 });
    }
    const limits10 = { newPerDay: 10, reviewsPerDay: 0, kinds: ['recognise', 'produce'] as const };
    const today = await services.today.overview({
      deckIds: ['a'],
      allDeckIds: ['a'],
      limits: { ...limits10, kinds: [...limits10.kinds] },
      dailyGoal: 20,
      now: NOON,
    });
    expect(today.fresh).toBe(2);
    expect(today.freshKinds).toBe(8);
    const queue = await services.today.queue(['a'], { ...limits10, kinds: [...limits10.kinds] }, NOON);
    expect(queue.items.filter((i) => i.kind === 'recognise')).toHaveLength(2);
    expect(queue.items.filter((i) => i.kind === 'produce')).toHaveLength(8);
    // The session's summary counts the same way.
    const practice = await services.practice();
    const run = new StudyRun(queue.items, practice.answer, NOON);
    let t = NOON;
    while (run.current) await run.grade(4, run.current.kind === 'produce' ? 'x' : undefined, (t += 1000));
    expect(run.session.stats.newWords).toBe(2);
    expect(run.session.stats.introduced - run.session.stats.newWords).toBe(8);
  });

  it('the new-words limit holds for words; new kinds have a budget of their own', async () => {
    const { db, services } = servicesOn();
    const deck = makeDeck('a', 10);
    await syncDeck(db, deck, NOON);
    const queue = await services.today.queue(['a'], { newPerDay: 3, reviewsPerDay: 100 }, NOON);
    expect(queue.newWords).toBe(3);
    expect(queue.items.every((i) => i.kind === 'recognise')).toBe(true);
  });
});

describe('undo the last answer', () => {
  async function runOn(db = freshDb()) {
    const { services } = servicesOn(db);
    await syncDeck(db, makeDeck('a', 3), NOON);
    const queue = await services.today.queue(['a'], limits, NOON);
    const practice = await services.practice();
    return { db, services, practice, run: new StudyRun(queue.items, practice.answer, NOON, practice) };
  }

  it('takes the answer out of the log, restores the item and brings the same exercise back', async () => {
    const { db, run, services, practice } = await runOn();
    const before = run.current!;
    const storedBefore = await db.items.get(before.id);
    const statsBefore = { ...run.session.stats };
    const dueBefore = (await services.today.queue(['a'], limits, NOON + 500)).items.map((i) => i.id);
    expect(run.canUndo).toBe(false);
    expect(await run.undo()).toBe('none');

    await run.grade(4, undefined, NOON + 1000);
    expect(await db.logs.count()).toBe(1);
    expect(run.current?.id).not.toBe(before.id);
    expect(run.canUndo).toBe(true);

    expect(await run.undo()).toBeUndefined();
    expect(await db.logs.count()).toBe(0);
    expect(await db.items.get(before.id)).toEqual(storedBefore);
    expect(run.current?.id).toBe(before.id);
    expect(run.session.stats).toEqual(statsBefore);
    expect(run.canUndo).toBe(false);
    // The queue reads the same as before the answer: nothing of it is left anywhere.
    expect((await services.today.queue(['a'], limits, NOON + 500)).items.map((i) => i.id)).toEqual(dueBefore);

    // Answering again after an undo is stored once, and the log rebuilds the stored item.
    await run.grade(3, undefined, NOON + 2000);
    expect(await db.logs.count()).toBe(1);
    const stored = await db.items.get(before.id);
    const rebuilt = await practice.rebuild(before.id);
    expect(rebuilt).toEqual(stored?.fsrs);
  });

  it("locks a new word's later kinds again when its first answer is undone", async () => {
    const { db, run } = await runOn();
    const first = run.current!;
    const lockedBefore = (await db.items.where('cardKey').equals(first.cardKey).toArray()).filter((i) => i.newRank === undefined).length;
    await run.grade(4, undefined, NOON + 1000);
    const unlocked = (await db.items.where('cardKey').equals(first.cardKey).toArray()).filter((i) => i.newRank === undefined).length;
    expect(unlocked).toBeLessThan(lockedBefore);
    await run.undo();
    const after = (await db.items.where('cardKey').equals(first.cardKey).toArray()).filter((i) => i.newRank === undefined).length;
    expect(after).toBe(lockedBefore);
  });

  it('refuses, and changes nothing, when the item was answered since (another tab)', async () => {
    const { db, run, practice } = await runOn();
    const first = run.current!;
    await run.grade(3, undefined, NOON + 1000);
    // Another tab answers the same item again.
    await practice.answer({ itemId: first.id, rating: 1, now: NOON + 5000, durationMs: 800 });
    const stored = await db.items.get(first.id);
    expect(await run.undo()).toBe('changed');
    expect(await db.logs.count()).toBe(2);
    expect(await db.items.get(first.id)).toEqual(stored);
    expect(run.canUndo).toBe(false);
  });
});

describe('"I know this word"', () => {
  it('takes a new word out of the new words for good, leaves no log row, and undo brings it back as it was', async () => {
    const db = freshDb();
    const { services } = servicesOn(db);
    await syncDeck(db, makeDeck('a', 4), NOON);
    const practice = await services.practice();
    const queue = await services.today.queue(['a'], limits, NOON);
    const run = new StudyRun(queue.items, practice.answer, NOON, practice);
    const word = run.current!;
    expect(run.canSetAside).toBe(true);
    const stored = await db.items.where('cardKey').equals(word.cardKey).toArray();
    const overview = () => services.today.overview({ deckIds: ['a'], allDeckIds: ['a'], limits, dailyGoal: 20, now: NOON });
    const freshBefore = (await overview()).fresh;

    expect(await run.setAside(NOON + 1000)).toBeUndefined();
    expect(run.session.stats.known).toBe(1);
    expect(run.session.stats.answered).toBe(0);
    expect(await db.logs.count()).toBe(0);
    // None of the word's exercises is left in this session, today's queue, or a later day's.
    expect(run.current?.cardKey).not.toBe(word.cardKey);
    const later = await services.today.queue(['a'], limits, NOON + 5 * 24 * 3600 * 1000);
    expect(later.items.some((i) => i.cardKey === word.cardKey)).toBe(false);
    expect((await overview()).fresh).toBe(freshBefore - 1);
    // A deck update (a new sync) keeps the word out.
    await syncDeck(db, makeDeck('a', 5), NOON + 2000);
    expect((await db.items.where('cardKey').equals(word.cardKey).toArray()).every((i) => i.known && i.newRank === undefined)).toBe(true);

    expect(await run.undo()).toBeUndefined();
    expect(run.current?.id).toBe(word.id);
    expect(run.session.stats.known).toBe(0);
    const restored = await db.items.where('cardKey').equals(word.cardKey).toArray();
    expect(restored.map((i) => i.known)).toEqual(stored.map(() => undefined));
    expect(restored.find((i) => i.id === word.id)?.newRank).toBe(stored.find((i) => i.id === word.id)?.newRank);
  });

  it('is offered only when a word is met for the first time', async () => {
    const db = freshDb();
    const { services } = servicesOn(db);
    await syncDeck(db, makeDeck('a', 1), NOON);
    const practice = await services.practice();
    const queue = await services.today.queue(['a'], limits, NOON);
    const run = new StudyRun(queue.items, practice.answer, NOON, practice);
    expect(run.canSetAside).toBe(true);
    await run.grade(1, undefined, NOON + 1000);
    // "Again" brings the same word back in this session: it is no longer new.
    expect(run.current?.id).toBe(queue.items[0]!.id);
    while (run.current && run.current.fsrs.state !== 0) {
      expect(run.canSetAside).toBe(false);
      await run.grade(4, undefined, NOON + 2000);
    }
  });
});
