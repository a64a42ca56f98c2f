import Dexie, { type Table } from 'dexie';
import type { Deck } from '../content/model.ts';
import type { ReviewItem, ReviewLogRow } from '../srs/types.ts';
import type { DraftRow } from './drafts.ts';
import { legacyLogUid } from './legacyLogUid.ts';

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

/**
 * A recording that came with a deck added on this device (a deck package, an Anki package, the
 * studio's recorder): the listen exercise and the play button use it instead of `audio/<file>`.
 */
export interface RecordingRow {
  /** `${deckId}/${name}` */
  key: string;
  deckId: string;
  /** The card's `audio` field. */
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * A deck being written in the studio: the authoring form (what a `.deck.yaml` holds), saved as the
 * coach types; it may be invalid. Recordings made for it are RecordingRows under `studio:<id>`.
 */
export interface StudioDraftRow {
  id: string;
  /** The deck as a DeckInput-shaped object (possibly incomplete while being written). */
  deck: Record<string, unknown>;
  /** The built-in or imported deck it was copied from, if any. */
  copiedFrom?: string;
  createdAt: number;
  updatedAt: number;
}

export const DB_NAME = 'vaktaal';
/** The schema version the code declares last; backups record it (db/backup.ts). */
export const SCHEMA_VERSION = 4;

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
  /** Recordings of decks added on this device and of studio drafts. */
  recordings!: Table<RecordingRow, string>;
  /** Decks being written in the studio. */
  studioDrafts!: Table<StudioDraftRow, string>;

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
    // v3: every review gets `uid`, an identity that cannot collide (two tabs answering the same item
    // in the same millisecond used to share "item + moment"). Rows written before get the
    // deterministic legacy identity a version-1 backup's rows get too, so both still match.
    this.version(3)
      .stores({ logs: '++id, itemId, reviewedAt, deckId, &uid' })
      .upgrade(async (tx) => {
        const seen = new Map<string, number>();
        await tx
          .table<ReviewLogRow, number>('logs')
          .toCollection()
          .modify((row) => {
            if (row.uid) return;
            const key = `${row.itemId}@${row.reviewedAt}`;
            const n = seen.get(key) ?? 0;
            seen.set(key, n + 1);
            row.uid = legacyLogUid(row, n);
          });
      });
    // v4: recordings that come with decks added in the app, and the studio's drafts. Only tables
    // are added, so no row needs rewriting.
    this.version(4).stores({
      recordings: 'key, deckId',
      studioDrafts: 'id, updatedAt',
    });
  }
}
