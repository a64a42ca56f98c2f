import type { Deck } from '../content/model.ts';
import type { ImportedDeckRow, VaktaalDB } from './database.ts';
import { syncDeck } from './progressStore.ts';

/*
 * Decks imported in the app, stored in IndexedDB. Checking a picked file is in deckFile.ts, which
 * pulls in the YAML/CSV parser; this module stays small because the app shell loads it at start.
 */

/** A recording that comes with an imported deck: the card's `audio` name, its MIME type and bytes. */
export interface DeckRecording {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export const recordingKey = (deckId: string, name: string) => `${deckId}/${name}`;

/**
 * Stores an imported deck with its recordings and brings its review items in line, in one
 * transaction. A newer version of a deck imported before replaces it (its recordings too);
 * syncDeck keeps the progress of every card whose id remains (cards that left are deactivated,
 * their history kept).
 */
export async function storeImportedDeck(
  db: Pick<VaktaalDB, 'transaction' | 'importedDecks' | 'items' | 'deckSync' | 'recordings'>,
  deck: Deck,
  fileName: string,
  now = Date.now(),
  recordings: readonly DeckRecording[] = [],
): Promise<ImportedDeckRow | undefined> {
  return db.transaction('rw', [db.importedDecks, db.items, db.deckSync, db.recordings], async () => {
    const before = await db.importedDecks.get(deck.id);
    await db.importedDecks.put({ id: deck.id, deck, fileName, importedAt: now });
    if (recordings.length || before) {
      await db.recordings.where('deckId').equals(deck.id).delete();
      await db.recordings.bulkPut(recordings.map((r) => ({ key: recordingKey(deck.id, r.name), deckId: deck.id, ...r })));
    }
    await syncDeck(db, deck, now);
    return before;
  });
}

/** A recording of a deck added on this device, if it has one by that name. */
export async function getRecording(db: Pick<VaktaalDB, 'recordings'>, deckId: string, name: string): Promise<DeckRecording | undefined> {
  const row = await db.recordings.get(recordingKey(deckId, name));
  return row ? { name: row.name, type: row.type, bytes: row.bytes } : undefined;
}

export async function listImportedDecks(db: Pick<VaktaalDB, 'importedDecks'>): Promise<ImportedDeckRow[]> {
  const rows = await db.importedDecks.toArray();
  return rows.sort((a, b) => a.deck.title.localeCompare(b.deck.title, 'nl'));
}

/** Removes an imported deck with its items and its review log rows, in one transaction. */
export async function removeImportedDeck(
  db: Pick<VaktaalDB, 'transaction' | 'importedDecks' | 'items' | 'logs' | 'deckSync' | 'recordings'>,
  deckId: string,
): Promise<{ items: number; logs: number }> {
  return db.transaction('rw', [db.importedDecks, db.items, db.logs, db.deckSync, db.recordings], async () => {
    await db.recordings.where('deckId').equals(deckId).delete();
    const items = await db.items.where('deckId').equals(deckId).delete();
    const logs = await db.logs.where('deckId').equals(deckId).delete();
    await db.deckSync.delete(deckId);
    await db.importedDecks.delete(deckId);
    return { items, logs };
  });
}
