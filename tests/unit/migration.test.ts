import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, VaktaalDB } from '../../src/core/db/database.ts';
import { loadSettings } from '../../src/core/db/settings.ts';

/** A database exactly as schema version 1 wrote it (committed; see the migration policy in database.ts). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  verno: number;
  items: unknown[];
  logs: { id: number }[];
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

describe('schema upgrade 1 → 2', () => {
  it('keeps every item, log row, setting and sync mark, and adds the imported-decks table', async () => {
    expect(fixture.verno).toBe(1);
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    await writeV1(name);

    const db = new VaktaalDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.items.toArray()).toEqual(fixture.items);
    expect(await db.logs.toArray()).toEqual(fixture.logs);
    expect(await db.settings.toArray()).toEqual(fixture.settings);
    expect(await db.deckSync.toArray()).toEqual(fixture.deckSync);
    expect(await db.importedDecks.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    expect((await loadSettings(db)).newPerDay).toBe(12);
    // The indexes still answer: due items by deck, logs by item.
    const due = await db.items.where('[deckId+due]').between(['bestuur', Dexie.minKey], ['bestuur', Dexie.maxKey]).count();
    expect(due).toBeGreaterThan(0);
    expect(await db.logs.where('itemId').equals('bestuur/woord-0/recognise').count()).toBe(5);
    // New rows continue the log's ids after the upgrade.
    const next = await db.logs.add({ ...(fixture.logs[0] as object), id: undefined, reviewedAt: 1 } as never);
    expect(next).toBe(Math.max(...fixture.logs.map((l) => l.id)) + 1);
    db.close();
  });
});
