import type { Deck } from '../content/model.ts';
import { parseDeckFile } from '../content/parseDeckFile.ts';
import { hasErrors, type Problem } from '../content/problems.ts';
import type { ImportedDeckRow, VaktaalDB } from './database.ts';
import { syncDeck } from './progressStore.ts';

/** Deck files larger than this are refused before parsing (a deck of 10,000 cards is about 3 MB). */
export const MAX_DECK_FILE_BYTES = 10 * 1024 * 1024;

export type DeckFileCheck =
  | { ok: true; deck: Deck; warnings: Problem[] }
  | { ok: false; reason: 'problems'; problems: Problem[] }
  | { ok: false; reason: 'built-in-id'; id: string }
  | { ok: false; reason: 'too-big' };

/**
 * Checks a deck file picked in the app with the same parser and validator as the build
 * (parseDeckFile). Any error refuses the file; warnings are shown but do not stop it. A deck
 * whose id a built-in deck uses is refused: it would hide that deck or be hidden by it.
 */
export function checkDeckFile(fileName: string, text: string, builtInIds: ReadonlySet<string>): DeckFileCheck {
  if (text.length > MAX_DECK_FILE_BYTES) return { ok: false, reason: 'too-big' };
  const result = parseDeckFile(fileName, text);
  if (hasErrors(result.problems) || !result.deck) {
    const problems = [...result.problems].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, reason: 'problems', problems };
  }
  if (builtInIds.has(result.deck.id)) return { ok: false, reason: 'built-in-id', id: result.deck.id };
  return { ok: true, deck: result.deck, warnings: result.problems };
}

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
