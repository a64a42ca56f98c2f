import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupText, parseBackup } from '../../src/core/db/backup.ts';
import { createBackupService } from '../../src/core/services/backup.ts';
import { createDeckService } from '../../src/core/services/decks.ts';
import { freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

const noJson = <T>(): Promise<T> => Promise.reject(new Error('not used'));
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37) % 256);

describe('recordings that come with a deck added on this device', () => {
  it('are stored with the deck, replaced with a new version, removed with it', async () => {
    const db = freshDb();
    const decks = createDeckService(db, noJson);
    const deck = makeDeck('eigen', 2, [makeCard(0, { audio: 'loket.webm' }), makeCard(1)]);
    await decks.importDeck(deck, 'eigen.vaktaal', [{ name: 'loket.webm', type: 'audio/webm', bytes: bytes(5000) }], NOON);
    expect((await decks.recording('eigen', 'loket.webm'))?.bytes).toEqual(bytes(5000));
    await decks.importDeck(deck, 'eigen.vaktaal', [{ name: 'loket.webm', type: 'audio/webm', bytes: bytes(10) }], NOON + 1);
    expect((await decks.recording('eigen', 'loket.webm'))?.bytes).toEqual(bytes(10));
    await decks.removeImported('eigen');
    expect(await decks.recording('eigen', 'loket.webm')).toBeUndefined();
  });

  it('travel in the backup file and come back byte for byte', async () => {
    const db = freshDb();
    const decks = createDeckService(db, noJson);
    const deck = makeDeck('eigen', 1, [makeCard(0, { audio: 'loket.webm' })]);
    await decks.importDeck(deck, 'eigen.vaktaal', [{ name: 'loket.webm', type: 'audio/webm', bytes: bytes(70_000) }], NOON);
    const service = createBackupService(db, () => 0.9);
    const parsed = parseBackup(backupText(await service.export(NOON + 1000)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await service.deleteAll();
    await service.restore(parsed.backup, 'merge');
    expect((await decks.recording('eigen', 'loket.webm'))?.bytes).toEqual(bytes(70_000));
  });

  it('refuses a backup whose recording is not base64, whole', async () => {
    const db = freshDb();
    const text = backupText(await createBackupService(db, () => 0.9).export(NOON));
    const broken = JSON.parse(text) as { data: { recordings: unknown[] } };
    broken.data.recordings.push({ key: 'x/a.mp3', deckId: 'x', name: 'a.mp3', type: 'audio/mpeg', base64: '%%%not' });
    const parsed = parseBackup(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
  });
});
