import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseBackup, type ImportMode } from '../../src/core/db/backup.ts';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { rebuildItem, recordReview } from '../../src/core/db/reviewWrites.ts';
import { createBackupService } from '../../src/core/services/backup.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });
const ITEM = 'a/woord-0/recognise';

/** Two tabs answer the same item in the same millisecond: both answers are stored, one after the other. */
async function twoTabsOneMillisecond() {
  const db = freshDb();
  await syncDeck(db, makeDeck('a', 2), NOON);
  await Promise.all([
    recordReview(db, scheduler, { itemId: ITEM, rating: 3, now: NOON + 1000, durationMs: 900 }),
    recordReview(db, scheduler, { itemId: ITEM, rating: 1, now: NOON + 1000, durationMs: 800 }),
  ]);
  return db;
}

describe('a review has an identity that cannot collide', () => {
  it('gives two answers in one millisecond two identities', async () => {
    const db = await twoTabsOneMillisecond();
    const rows = await db.logs.where('itemId').equals(ITEM).toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.uid).not.toBe(rows[1]!.uid);
    expect(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.uid))).toBe(true);
  });

  it.each(['replace', 'merge'] as const)(
    'restores its own backup (%s after delete all): both answers once each, the rebuilt item equals the stored one',
    async (mode: ImportMode) => {
      const db = await twoTabsOneMillisecond();
      const service = createBackupService(db, () => 0.9);
      const storedBefore = await db.items.get(ITEM);
      const text = JSON.stringify(await service.export(NOON + 5000));
      const parsed = parseBackup(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      await service.deleteAll();
      await service.restore(parsed.backup, mode);
      const rows = await db.logs.where('itemId').equals(ITEM).toArray();
      expect(rows.map((r) => r.rating).sort()).toEqual([1, 3]);
      expect(new Set(rows.map((r) => r.uid)).size).toBe(2);
      const stored = await db.items.get(ITEM);
      expect(stored?.fsrs).toEqual(storedBefore?.fsrs);
      expect(await rebuildItem(db, scheduler, ITEM)).toEqual(stored?.fsrs);
      // Merging the same backup again adds nothing: the identities match.
      const again = await service.restore(parsed.backup, 'merge');
      expect(again.logsAdded).toBe(0);
    },
  );

  it('reads a version-1 backup whose rows have no identity, two answers of one millisecond included', async () => {
    const db = await twoTabsOneMillisecond();
    const backup = await createBackupService(db, () => 0.9).export(NOON + 5000);
    const v1 = {
      ...backup,
      version: 1,
      schemaVersion: 2,
      data: { ...backup.data, logs: backup.data.logs.map(({ uid: _uid, ...row }) => row) },
    };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.data.logs.map((r) => r.uid)).toEqual([`legacy:${ITEM}@${NOON + 1000}#0`, `legacy:${ITEM}@${NOON + 1000}#1`]);
    // The same file read twice gives the same identities, so a merge never doubles its reviews.
    const second = parseBackup(JSON.stringify(v1));
    expect(second.ok && second.backup.data.logs.map((r) => r.uid)).toEqual(parsed.backup.data.logs.map((r) => r.uid));
  });
});

describe('dates in a backup are real moments', () => {
  it.each([
    ['year 275760', 8.64e15],
    ['before year 0', -62198755200000 - 1],
    ['1970', 0],
  ])('refuses a review time in %s, whole', async (_label, when) => {
    const db = await twoTabsOneMillisecond();
    const backup = await createBackupService(db, () => 0.9).export(NOON + 5000);
    backup.data.logs[0]!.reviewedAt = when;
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe('invalid');
    expect(parsed.problem.params.path).toBe('data.logs[0].reviewedAt');
  });
});

describe('files larger than their limit are refused before parsing', () => {
  it('a backup over the limit', async () => {
    const parsed = parseBackup(`{"format":"vaktaal-backup","pad":"${'x'.repeat(2 * 1024 * 1024)}"}`, 1024 * 1024);
    expect(parsed.ok === false && parsed.problem).toEqual({ code: 'too-large', params: { limit: '1 MB' } });
  });
  it('a report over 5 MB', async () => {
    const { parseReport } = await import('../../src/core/report/report.ts');
    const parsed = parseReport(`{"format":"vaktaal-report","pad":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    expect(parsed.ok === false && parsed.code).toBe('too-large');
  });
});
