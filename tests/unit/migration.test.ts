import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, VaktaalDB } from '../../src/core/db/database.ts';
import { createSettingsService } from '../../src/core/services/settings.ts';
import { legacyLogUid } from '../../src/core/db/legacyLogUid.ts';

/** A database exactly as schema version 1 wrote it (committed; see the migration policy in database.ts). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  verno: number;
  items: unknown[];
  logs: { id: number; itemId: string; reviewedAt: number }[];
  settings: unknown[];
  deckSync: unknown[];
};

/** Schema 1 as released, frozen here so the test keeps meaning what it says after later versions. */
const V1_STORES = {
  items: 'id, deckId, cardKey, [deckId+due], [deckId+newRank]',
  logs: '++id, itemId, reviewedAt, deckId',
  settings: 'key',
  deckSync: 'id',
};

async function writeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('items').bulkAdd(fixture.items);
  await v1.table('logs').bulkAdd(fixture.logs);
  await v1.table('settings').bulkAdd(fixture.settings);
  await v1.table('deckSync').bulkAdd(fixture.deckSync);
  v1.close();
}

describe('schema upgrades 1 → 2 → 3', () => {
  it('keeps every item, log row, setting and sync mark, adds the imported-decks table, and gives every review its identity', async () => {
    expect(fixture.verno).toBe(1);
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    await writeV1(name);

    const db = new VaktaalDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.items.toArray()).toEqual(fixture.items);
    // v3 adds `uid`: the deterministic legacy identity a version-1 backup's rows also get.
    const seen = new Map<string, number>();
    const withUids = fixture.logs.map((row) => {
      const key = `${row.itemId}@${row.reviewedAt}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return { ...row, uid: legacyLogUid(row, n) };
    });
    expect(await db.logs.toArray()).toEqual(withUids);
    expect(await db.settings.toArray()).toEqual(fixture.settings);
    expect(await db.deckSync.toArray()).toEqual(fixture.deckSync);
    expect(await db.importedDecks.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    expect((await createSettingsService(db).load()).newPerDay).toBe(12);
    // The indexes still answer: due items by deck, logs by item.
    const due = await db.items.where('[deckId+due]').between(['bestuur', Dexie.minKey], ['bestuur', Dexie.maxKey]).count();
    expect(due).toBeGreaterThan(0);
    expect(await db.logs.where('itemId').equals('bestuur/woord-0/recognise').count()).toBe(5);
    // New rows continue the log's ids after the upgrade.
    const next = await db.logs.add({ ...(fixture.logs[0] as object), id: undefined, uid: 'new-row', reviewedAt: 1 } as never);
    expect(next).toBe(Math.max(...fixture.logs.map((l) => l.id)) + 1);
    db.close();
  });
});

/** Schema 2 as released (v1 plus importedDecks and drafts), frozen here. */
const V2_EXTRA = { importedDecks: 'id', drafts: 'id, updatedAt' };

describe('schema upgrade 2 → 3', () => {
  it('gives two answers of one item in the same millisecond two identities', async () => {
    const name = `migration-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_EXTRA);
    await v2.open();
    const row = { ...(fixture.logs[0] as object), itemId: 'a/x/recognise', reviewedAt: 1_800_000_000_000 };
    await v2.table('logs').bulkAdd([
      { ...row, id: 1, rating: 3 },
      { ...row, id: 2, rating: 1 },
    ]);
    v2.close();

    const db = new VaktaalDB(name);
    await db.open();
    const rows = await db.logs.toArray();
    expect(rows.map((r) => r.uid)).toEqual(['legacy:a/x/recognise@1800000000000#0', 'legacy:a/x/recognise@1800000000000#1']);
    // The identity is unique: a third row with one of them is refused.
    await expect(db.logs.add({ ...rows[0]!, id: undefined })).rejects.toThrow();
    db.close();
  });
});
