import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DrillItem, DrillSet } from '../../src/core/drills/drillModel.ts';
import { drillDeckId } from '../../src/core/drills/drillModel.ts';
import { applyBackup, exportBackup, parseBackup } from '../../src/core/db/backup.ts';
import {
  deleteDraft,
  getDraft,
  listDrafts,
  recoverJournal,
  saveDraft,
  type DraftJournal,
  type DraftRow,
} from '../../src/core/db/drafts.ts';
import { queueSource, syncDeck } from '../../src/core/db/progressStore.ts';
import { rebuildItem, recordReview } from '../../src/core/db/reviewWrites.ts';
import { drillItemId, drillQueue, drillStats, syncDrillSet } from '../../src/core/db/drillItems.ts';
import { buildTodayQueue } from '../../src/core/srs/queue.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { FsrsState } from '../../src/core/srs/types.ts';
import { DAY, freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });
const limits = { newPerDay: 10, reviewsPerDay: 200 };

function gap(i: number): DrillItem {
  return {
    id: `gap-${i}`,
    kind: 'gap',
    sentence: `Zin ${i} ___.`,
    answer: 'wordt',
    alternatives: [],
    explanation: 'Stam + t.',
    line: i + 5,
  };
}

function drillSet(id: string, items: DrillItem[]): DrillSet {
  return {
    id,
    title: id,
    topic: 'dt',
    source: `content/drills/${id}.drill.yaml`,
    itemCount: items.length,
    kinds: { gap: items.length },
    hash: `${id}:${items.map((i) => i.id).join(',')}`,
    items,
  };
}

describe('drill items are review items', () => {
  it('syncs a set into items under drill:<set>, all new and introducible in file order', async () => {
    const db = freshDb();
    await syncDrillSet(db, drillSet('dt', [gap(0), gap(1), gap(2)]), NOON);
    const items = await db.items.where('deckId').equals(drillDeckId('dt')).toArray();
    expect(items.map((i) => [i.id, i.kind, i.cardKey, i.newRank])).toEqual([
      ['drill:dt/gap-0/gap', 'gap', 'drill:dt/gap-0', 0],
      ['drill:dt/gap-1/gap', 'gap', 'drill:dt/gap-1', 1],
      ['drill:dt/gap-2/gap', 'gap', 'drill:dt/gap-2', 2],
    ]);
    expect(drillItemId('dt', gap(1))).toBe('drill:dt/gap-1/gap');
  });

  it('keeps the history of a removed item and brings it back', async () => {
    const db = freshDb();
    await syncDrillSet(db, drillSet('dt', [gap(0), gap(1)]), NOON);
    await recordReview(db, scheduler, { itemId: 'drill:dt/gap-1/gap', rating: 3, now: NOON, durationMs: 1000, answer: 'wordt' });
    await syncDrillSet(db, drillSet('dt', [gap(0)]), NOON + 1);
    expect((await db.items.get('drill:dt/gap-1/gap'))!.active).toBe(false);
    await syncDrillSet(db, drillSet('dt', [gap(0), gap(1)]), NOON + 2);
    const back = (await db.items.get('drill:dt/gap-1/gap'))!;
    expect(back.active).toBe(true);
    expect(back.fsrs.reps).toBe(1);
  });

  it('records a drill answer with FSRS in one go (item + log), rebuildable from the log', async () => {
    const db = freshDb();
    await syncDrillSet(db, drillSet('dt', [gap(0)]), NOON);
    const after = await recordReview(db, scheduler, {
      itemId: 'drill:dt/gap-0/gap',
      rating: 1,
      now: NOON,
      durationMs: 800,
      answer: 'word',
    });
    expect(after.fsrs.state).toBe(FsrsState.Learning);
    const logs = await db.logs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ deckId: 'drill:dt', kind: 'gap', answer: 'word', rating: 1 });
    expect(await rebuildItem(db, scheduler, 'drill:dt/gap-0/gap')).toEqual(after.fsrs);
  });

  it('builds a drill session of due items first, then new ones, per set or over all sets', async () => {
    const db = freshDb();
    await syncDrillSet(db, drillSet('dt', [gap(0), gap(1), gap(2)]), NOON - 3 * DAY);
    await syncDrillSet(db, drillSet('kofschip', [gap(10), gap(11)]), NOON - 3 * DAY);
    await recordReview(db, scheduler, { itemId: 'drill:dt/gap-2/gap', rating: 3, now: NOON - 3 * DAY, durationMs: 500 });
    const one = await drillQueue(db, ['dt'], NOON, limits);
    expect(one.items.map((i) => i.id)).toEqual(['drill:dt/gap-2/gap', 'drill:dt/gap-0/gap', 'drill:dt/gap-1/gap']);
    const all = await drillQueue(db, ['dt', 'kofschip'], NOON, limits);
    expect(all.items.map((i) => i.cardId)).toEqual(['gap-2', 'gap-0', 'gap-10', 'gap-1', 'gap-11']);
    expect(Object.fromEntries(await drillStats(db, ['dt', 'kofschip'], NOON))).toEqual({
      dt: { due: 1, fresh: 2 },
      kofschip: { due: 0, fresh: 2 },
    });
  });

  it('keeps the words’ daily limits and the drills’ apart', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('woorden', 12), NOON - DAY);
    await syncDrillSet(
      db,
      drillSet(
        'dt',
        Array.from({ length: 12 }, (_, i) => gap(i)),
      ),
      NOON - DAY,
    );
    // Ten new drills today use up the drills' new budget, not the words'.
    for (let i = 0; i < 10; i++)
      await recordReview(db, scheduler, { itemId: `drill:dt/gap-${i}/gap`, rating: 4, now: NOON + i, durationMs: 500 });
    const words = await buildTodayQueue(queueSource(db), ['woorden'], NOON + 100, limits);
    expect(words.newCount).toBe(10);
    expect(words.doneToday).toBe(0);
    const drills = await drillQueue(db, ['dt'], NOON + 100, limits);
    expect(drills.newCount).toBe(0);
    expect(drills.newIntroducedToday).toBe(10);
  });
});

describe('drafts', () => {
  const draft = (over: Partial<DraftRow> = {}): DraftRow => ({
    id: 'd1',
    title: 'Parkeerkaart',
    text: 'Geachte heer,',
    createdAt: NOON,
    updatedAt: NOON,
    ...over,
  });

  it('saves, lists newest first, reads and deletes', async () => {
    const db = freshDb();
    await saveDraft(db, draft());
    await saveDraft(db, draft({ id: 'd2', title: 'Ziek', updatedAt: NOON + 5 }));
    expect((await listDrafts(db)).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect((await getDraft(db, 'd1'))!.text).toBe('Geachte heer,');
    await deleteDraft(db, 'd2');
    expect((await listDrafts(db)).map((d) => d.id)).toEqual(['d1']);
  });

  it('never lets an older save overwrite newer text (a late debounce, a second tab)', async () => {
    const db = freshDb();
    await saveDraft(db, draft({ text: 'nieuw', updatedAt: NOON + 10 }));
    expect(await saveDraft(db, draft({ text: 'oud', updatedAt: NOON }))).toBe(false);
    expect((await getDraft(db, 'd1'))!.text).toBe('nieuw');
  });

  it('recovers the journal copy after a crash, and ignores a stale or broken one', async () => {
    const db = freshDb();
    let stored: DraftRow | undefined = draft({ text: 'getypt vlak voor de crash', updatedAt: NOON + 20 });
    const journal: DraftJournal = { read: () => stored, write: (d) => (stored = d), clear: () => (stored = undefined) };
    await saveDraft(db, draft({ text: 'wat IndexedDB al had', updatedAt: NOON }));
    await recoverJournal(db, journal);
    expect((await getDraft(db, 'd1'))!.text).toBe('getypt vlak voor de crash');
    expect(stored).toBeUndefined();
    stored = { id: 'x' } as DraftRow;
    expect(await recoverJournal(db, journal)).toBeUndefined();
  });

  it('travel in backups, and a merge keeps the newest version of each', async () => {
    const db = freshDb();
    await saveDraft(db, draft({ text: 'versie van het toestel', updatedAt: NOON }));
    await saveDraft(db, draft({ id: 'd2', text: 'alleen in de backup', updatedAt: NOON }));
    const parsed = parseBackup(JSON.stringify(await exportBackup(db, NOON)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.data.drafts.map((d) => d.id).sort()).toEqual(['d1', 'd2']);

    const other = freshDb();
    await saveDraft(other, draft({ text: 'nieuwere versie', updatedAt: NOON + 50 }));
    await applyBackup(other, parsed.backup, 'merge', scheduler);
    expect((await getDraft(other, 'd1'))!.text).toBe('nieuwere versie');
    expect((await getDraft(other, 'd2'))!.text).toBe('alleen in de backup');

    await applyBackup(other, parsed.backup, 'replace', scheduler);
    expect((await getDraft(other, 'd1'))!.text).toBe('versie van het toestel');
  });

  it('reads a backup from before the writing desk (no drafts) and refuses a draft listed twice', async () => {
    const db = freshDb();
    const backup = await exportBackup(db, NOON);
    const { drafts: _drafts, ...old } = backup.data;
    expect(parseBackup(JSON.stringify({ ...backup, data: old })).ok).toBe(true);
    const twice = { ...backup, data: { ...backup.data, drafts: [draft(), draft()] } };
    const parsed = parseBackup(JSON.stringify(twice));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe('inconsistent');
  });
});
