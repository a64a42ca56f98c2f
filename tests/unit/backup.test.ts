import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  applyBackup,
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  DERIVED_TABLES,
  exportBackup,
  logIdentity,
  parseBackup,
  type Backup,
} from '../../src/core/db/backup.ts';
import { SCHEMA_VERSION, type VaktaalDB } from '../../src/core/db/database.ts';
import { storeImportedDeck } from '../../src/core/db/importedDecks.ts';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { markWordKnown, recordReview } from '../../src/core/db/reviewWrites.ts';
import { createSettingsService } from '../../src/core/services/settings.ts';
import { createBackupService } from '../../src/core/services/backup.ts';

const saveSetting = (db: VaktaalDB, key: 'newPerDay' | 'selectedDecks' | 'traineeName', value: unknown) =>
  createSettingsService(db).save(key, value);
const deleteAllData = (db: VaktaalDB) => createBackupService(db, () => 0.9).deleteAll();
import { createScheduler, replay } from '../../src/core/srs/scheduler.ts';
import { DAY, freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });

/** A database with some history: two decks, reviews over days, settings, an imported deck. */
async function populated(): Promise<VaktaalDB> {
  const db = freshDb();
  await syncDeck(db, makeDeck('a', 5), NOON - 30 * DAY);
  await syncDeck(db, makeDeck('b', 3), NOON - 30 * DAY);
  await storeImportedDeck(db, makeDeck('eigen', 2), 'eigen.deck.yaml', NOON - 20 * DAY);
  let t = NOON - 20 * DAY;
  for (const id of ['a/woord-0/recognise', 'a/woord-1/recognise', 'b/woord-2/recognise', 'eigen/woord-1/recognise']) {
    for (const rating of [3, 3, 1, 3] as const) {
      await recordReview(db, scheduler, { itemId: id, rating, now: t, durationMs: 900 });
      t += DAY / 2;
    }
  }
  await recordReview(db, scheduler, { itemId: 'a/woord-0/produce', rating: 3, now: t, durationMs: 900, answer: 'de woord0' });
  await saveSetting(db, 'newPerDay', 14);
  await saveSetting(db, 'selectedDecks', ['a', 'eigen']);
  await saveSetting(db, 'traineeName', 'Amina');
  return db;
}

/** Every table's rows, for "exactly as before" comparisons. */
async function snapshot(db: VaktaalDB) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const text = (b: unknown) => JSON.stringify(b);

describe('backup export', () => {
  it('writes the format name, versions, creation time and every backed-up table', async () => {
    const db = await populated();
    const backup = await exportBackup(db, NOON);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.schemaVersion).toBe(SCHEMA_VERSION);
    expect(backup.createdAt).toBe(new Date(NOON).toISOString());
    expect(Object.keys(backup.data).sort()).toEqual([...BACKUP_TABLES].sort());
    expect(backup.data.logs).toHaveLength(17);
    expect(backup.data.importedDecks.map((d) => d.id)).toEqual(['eigen']);
  });

  it('covers every table of the schema (a new table, e.g. drafts, must be added to the backup)', () => {
    const db = freshDb();
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...BACKUP_TABLES, ...DERIVED_TABLES].sort());
  });
});

describe('backup import: round trip', () => {
  it('replace: export → import into an empty database → export gives the same data', async () => {
    const source = await populated();
    const backup = await exportBackup(source, NOON);
    const parsed = parseBackup(text(backup));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.summary).toMatchObject({ logs: 17, importedDecks: 1, decks: 3 });

    const target = freshDb();
    await applyBackup(target, parsed.backup, 'replace', scheduler);
    const again = await exportBackup(target, NOON);
    expect(again).toEqual(backup);
  });

  it('merge into an empty database gives the same data too (log row ids kept when free)', async () => {
    const source = await populated();
    const backup = await exportBackup(source, NOON);
    const target = freshDb();
    const parsed = parseBackup(text(backup));
    if (!parsed.ok) throw new Error('refused');
    const outcome = await applyBackup(target, parsed.backup, 'merge', scheduler);
    expect(outcome.logsAdded).toBe(17);
    expect(await exportBackup(target, NOON)).toEqual(backup);
  });

  it('merge after "delete all" and a fresh deck sync restores the exact items', async () => {
    const source = await populated();
    const backup = await exportBackup(source, NOON);
    await deleteAllData(source);
    // The app re-syncs its decks at once: fresh New items with other timestamps.
    await syncDeck(source, makeDeck('a', 5), NOON + DAY);
    await syncDeck(source, makeDeck('b', 3), NOON + DAY);
    const parsed = parseBackup(text(backup));
    if (!parsed.ok) throw new Error('refused');
    await applyBackup(source, parsed.backup, 'merge', scheduler);
    // As the app does after an import: every deck is synced again (the import cleared deckSync).
    for (const deck of [makeDeck('a', 5), makeDeck('b', 3), makeDeck('eigen', 2)]) await syncDeck(source, deck, NOON + 2 * DAY);
    expect((await exportBackup(source, NOON)).data).toEqual(backup.data);
  });

  it('replace overwrites what this device had', async () => {
    const source = await populated();
    const backup = await exportBackup(source, NOON);
    const target = freshDb();
    await syncDeck(target, makeDeck('z', 2), NOON);
    await recordReview(target, scheduler, { itemId: 'z/woord-0/recognise', rating: 3, now: NOON, durationMs: 1 });
    await applyBackup(target, backup, 'replace', scheduler);
    expect(await target.items.where('deckId').equals('z').count()).toBe(0);
    expect(await target.logs.where('deckId').equals('z').count()).toBe(0);
    expect(await target.deckSync.count()).toBe(0);
  });
});

describe('backup import: merge', () => {
  it('keeps a word set aside with "I know this word", in a restore and a merge', async () => {
    const phone = freshDb();
    await syncDeck(phone, makeDeck('a', 3), NOON - DAY);
    await markWordKnown(phone, 'a/woord-1');
    const backup = await exportBackup(phone, NOON);
    const parsed = parseBackup(text(backup));
    if (!parsed.ok) throw new Error('refused');
    const pc = freshDb();
    await syncDeck(pc, makeDeck('a', 3), NOON);
    await applyBackup(pc, parsed.backup, 'merge', scheduler);
    await syncDeck(pc, makeDeck('a', 3), NOON + DAY);
    const items = await pc.items.where('cardKey').equals('a/woord-1').toArray();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.known === true && i.newRank === undefined)).toBe(true);
    // The other words are untouched.
    expect((await pc.items.where('cardKey').equals('a/woord-0').toArray()).some((i) => i.known)).toBe(false);
  });

  it('unites the logs, adds no review twice, and keeps what only this device has', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 3), NOON - 10 * DAY);
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON - 9 * DAY, durationMs: 1 });
    const common = await exportBackup(db, NOON);
    // Later, this device reviews woord-1; the backup (taken before) does not know.
    await recordReview(db, scheduler, { itemId: 'a/woord-1/recognise', rating: 3, now: NOON - 8 * DAY, durationMs: 1 });
    const before = await snapshot(db);

    const outcome = await applyBackup(db, common, 'merge', scheduler);
    expect(outcome.logsAdded).toBe(0);
    expect(outcome.itemsUpdated).toBe(0);
    const after = await snapshot(db);
    expect(after.logs).toEqual(before.logs);
    expect(after.items).toEqual(before.items);
  });

  it('an item reviewed on both devices is rebuilt from the united log (no review lost)', async () => {
    const phone = freshDb();
    await syncDeck(phone, makeDeck('a', 2), NOON - 10 * DAY);
    const id = 'a/woord-0/recognise';
    await recordReview(phone, scheduler, { itemId: id, rating: 3, now: NOON - 9 * DAY, durationMs: 1 });
    const shared = await exportBackup(phone, NOON);

    // The PC restores the shared backup, then both go on separately.
    const pc = freshDb();
    await applyBackup(pc, shared, 'replace', scheduler);
    await recordReview(phone, scheduler, { itemId: id, rating: 1, now: NOON - 5 * DAY, durationMs: 1 });
    await recordReview(pc, scheduler, { itemId: id, rating: 4, now: NOON - 3 * DAY, durationMs: 1 });

    const fromPc = await exportBackup(pc, NOON);
    const outcome = await applyBackup(phone, fromPc, 'merge', scheduler);
    expect(outcome.logsAdded).toBe(1);
    expect(outcome.itemsUpdated).toBe(1);
    const rows = await phone.logs.where('itemId').equals(id).toArray();
    expect(rows.map((r) => r.rating).sort()).toEqual([1, 3, 4]);
    const item = await phone.items.get(id);
    expect(item!.fsrs).toEqual(replay(scheduler, rows));
    expect(item!.due).toBe(item!.fsrs.due);
    expect(new Set(rows.map(logIdentity)).size).toBe(3);
  });

  it("takes the backup's state when its reviews include this device's", async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('a', 2), NOON - 10 * DAY);
    const id = 'a/woord-0/recognise';
    await recordReview(db, scheduler, { itemId: id, rating: 3, now: NOON - 9 * DAY, durationMs: 1 });
    const old = await exportBackup(db, NOON);
    await recordReview(db, scheduler, { itemId: id, rating: 3, now: NOON - 8 * DAY, durationMs: 1 });
    const newer = await exportBackup(db, NOON);

    const other = freshDb();
    await applyBackup(other, old, 'replace', scheduler);
    await applyBackup(other, newer, 'merge', scheduler);
    expect(await other.items.get(id)).toEqual(await db.items.get(id));
    expect(await other.logs.count()).toBe(2);
  });

  it("keeps this device's settings and fills in the ones it never set", async () => {
    const source = await populated();
    const backup = await exportBackup(source, NOON);
    const target = freshDb();
    await saveSetting(target, 'newPerDay', 5);
    const outcome = await applyBackup(target, backup, 'merge', scheduler);
    expect(outcome.settingsAdded).toBe(2);
    expect((await target.settings.get('newPerDay'))?.value).toBe(5);
    expect((await target.settings.get('traineeName'))?.value).toBe('Amina');
  });
});

describe('backup import: refusals leave the data exactly as it was', () => {
  const cases: [string, (b: Backup) => string, string][] = [
    ['not JSON (a cut-off download)', (b) => text(b).slice(0, 200), 'corrupt'],
    ['empty file', () => '', 'corrupt'],
    ['another kind of JSON file', () => text({ hello: 'world' }), 'not-backup'],
    ['a JSON list', () => '[1,2,3]', 'not-backup'],
    ['a newer format version', (b) => text({ ...b, version: BACKUP_VERSION + 1 }), 'newer-format'],
    ['a newer schema', (b) => text({ ...b, schemaVersion: SCHEMA_VERSION + 1 }), 'newer-schema'],
    ['an unknown old schema', (b) => text({ ...b, schemaVersion: 0 }), 'older-schema'],
    ['no version', (b) => text({ ...b, version: undefined }), 'invalid'],
    ['bad creation date', (b) => text({ ...b, createdAt: 'yesterday' }), 'invalid'],
    ['a table missing', (b) => text({ ...b, data: { ...b.data, logs: undefined } }), 'invalid'],
    ['an unknown table', (b) => text({ ...b, data: { ...b.data, notes: [] } }), 'invalid'],
    [
      'an item with a broken FSRS state',
      (b) =>
        text({ ...b, data: { ...b.data, items: b.data.items.map((i, n) => (n === 3 ? { ...i, fsrs: { ...i.fsrs, due: 'soon' } } : i)) } }),
      'invalid',
    ],
    [
      'a review with rating 7',
      (b) => text({ ...b, data: { ...b.data, logs: b.data.logs.map((l, n) => (n === 0 ? { ...l, rating: 7 } : l)) } }),
      'invalid',
    ],
    [
      'a review of an item that is not in the file',
      (b) => text({ ...b, data: { ...b.data, items: b.data.items.filter((i) => i.id !== b.data.logs[0]!.itemId) } }),
      'inconsistent',
    ],
    [
      'the same review twice',
      (b) => text({ ...b, data: { ...b.data, logs: [...b.data.logs, { ...b.data.logs[0]!, id: 999 }] } }),
      'inconsistent',
    ],
    ['the same item twice', (b) => text({ ...b, data: { ...b.data, items: [...b.data.items, b.data.items[0]!] } }), 'inconsistent'],
  ];

  for (const [name, make, code] of cases) {
    it(`refuses ${name} (${code})`, async () => {
      const db = await populated();
      const backup = await exportBackup(db, NOON);
      const before = await snapshot(db);
      const parsed = parseBackup(make(backup));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.code).toBe(code);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('names where an invalid value is', () => {
    const parsed = parseBackup(
      text({
        format: BACKUP_FORMAT,
        version: 1,
        schemaVersion: SCHEMA_VERSION,
        createdAt: new Date(NOON).toISOString(),
        data: { items: [{ id: 'x' }], logs: [], settings: [], importedDecks: [] },
      }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.params.path).toMatch(/^data\.items\[0\]\./);
  });

  it('accepts a backup written at schema 1 (before imported decks existed)', () => {
    const parsed = parseBackup(
      text({
        format: BACKUP_FORMAT,
        version: 1,
        schemaVersion: 1,
        createdAt: new Date(NOON).toISOString(),
        data: { items: [], logs: [], settings: [] },
      }),
    );
    expect(parsed.ok).toBe(true);
  });

  it('a failure while writing rolls everything back', async () => {
    const db = await populated();
    const backup = await exportBackup(db, NOON);
    await saveSetting(db, 'newPerDay', 3);
    const before = await snapshot(db);
    // Make the last write of the transaction fail, after items and logs were already written.
    const original = db.importedDecks.bulkAdd.bind(db.importedDecks);
    db.importedDecks.bulkAdd = (() => Promise.reject(new Error('disk full'))) as never;
    await expect(applyBackup(db, backup, 'replace', scheduler)).rejects.toThrow('disk full');
    db.importedDecks.bulkAdd = original;
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('delete all my data', () => {
  it('empties every table in one go', async () => {
    const db = await populated();
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});
