import type { Deck } from '../content/model.ts';
import type { ImportedDeckRow, VaktaalDB } from './database.ts';
import { syncDeck } from './progressStore.ts';

/*
 * Decks imported in the app, stored in IndexedDB. Checking a picked file is in deckFile.ts, which
 * pulls in the YAML/CSV parser; this module stays small because the app shell loads it at start.
 */

/**
 * Stores an imported deck and brings its review items in line, in one transaction. A newer
 * version of a deck imported before replaces it; syncDeck keeps the progress of every card whose
 * id remains (cards that left are deactivated, their history kept).
 */
export async function storeImportedDeck(db: VaktaalDB, deck: Deck, fileName: string, now = Date.now()): Promise<ImportedDeckRow | undefined> {
  return db.transaction('rw', db.importedDecks, db.items, db.deckSync, async () => {
    const before = await db.importedDecks.get(deck.id);
    await db.importedDecks.put({ id: deck.id, deck, fileName, importedAt: now });
    await syncDeck(db, deck, now);
    return before;
  });
}

export async function listImportedDecks(db: VaktaalDB): Promise<ImportedDeckRow[]> {
  const rows = await db.importedDecks.toArray();
  return rows.sort((a, b) => a.deck.title.localeCompare(b.deck.title, 'nl'));
}

/** Removes an imported deck with its items and its review log rows, in one transaction. */
export async function removeImportedDeck(db: VaktaalDB, deckId: string): Promise<{ items: number; logs: number }> {
  return db.transaction('rw', db.importedDecks, db.items, db.logs, db.deckSync, async () => {
    const items = await db.items.where('deckId').equals(deckId).delete();
    const logs = await db.logs.where('deckId').equals(deckId).delete();
    await db.deckSync.delete(deckId);
    await db.importedDecks.delete(deckId);
    return { items, logs };
  });
}
