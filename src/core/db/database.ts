import Dexie, { type Table } from 'dexie';
import type { Deck } from '../content/model.ts';
import type { ReviewItem, ReviewLogRow } from '../srs/types.ts';
import type { DraftRow } from './drafts.ts';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Which version of a deck the items were last synced with. */
export interface DeckSyncRow {
  id: string;
  hash: string;
  syncedAt: number;
}

/** A deck the trainee imported in the app (`.deck.yaml` or `.csv`), stored compiled. */
export interface ImportedDeckRow {
  id: string;
  deck: Deck;
  /** The file's name as the trainee picked it, for the list of imported decks. */
  fileName: string;
  importedAt: number;
}

export const DB_NAME = 'vaktaal';
/** The schema version the code declares last; backups record it (db/backup.ts). */
export const SCHEMA_VERSION = 2;

/**
 * The IndexedDB schema.
 *
 * Migration policy (read before changing anything here):
 * - A declared version is never edited or removed once released; a change is a new
 *   `this.version(n + 1).stores({...})` with an `.upgrade(tx => ...)` that rewrites rows in place.
 * - Upgrades only add or transform fields. They never drop `logs` rows: the review log is the
 *   source of truth and every item's FSRS state can be rebuilt from it (srs/scheduler.ts `replay`).
 * - Each new version gets a test that opens a database written by the previous version (a
 *   committed fixture) and checks every item and log row survives.
 * Dexie runs the upgrade inside the version-change transaction: it either completes or the
 * database stays at the old version, so a crash mid-upgrade loses nothing.
 */
export class VaktaalDB extends Dexie {
  items!: Table<ReviewItem, string>;
  logs!: Table<ReviewLogRow, number>;
  settings!: Table<SettingRow, string>;
  deckSync!: Table<DeckSyncRow, string>;
  importedDecks!: Table<ImportedDeckRow, string>;
  /** Texts written at the writing desk (db/drafts.ts). */
  drafts!: Table<DraftRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      // [deckId+due]: due items of a deck; [deckId+newRank]: new items in introduction order.
      items: 'id, deckId, cardKey, [deckId+due], [deckId+newRank]',
      // reviewedAt: today's rows (siblings, daily limits); itemId: rebuild an item from its log.
      logs: '++id, itemId, reviewedAt, deckId',
      settings: 'key',
      deckSync: 'id',
    });
    // v2: decks imported in the app. Only a table is added, so no row needs rewriting
    // (tests/unit/migration.test.ts upgrades a committed v1 database).
    this.version(2).stores({
      importedDecks: 'id',
      // Writing-desk drafts, listed newest first (not released before v2, so it joins v2).
      drafts: 'id, updatedAt',
    });
  }
}
