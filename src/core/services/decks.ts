import type { Deck, DeckMeta } from '../content/model.ts';
import type { ImportedDeckRow, VaktaalDB } from '../db/database.ts';
import { getRecording, listImportedDecks, removeImportedDeck, storeImportedDeck, type DeckRecording } from '../db/importedDecks.ts';
import { syncDeck } from '../db/progressStore.ts';

/** Reads a compiled content file (decks/index.json, drills/…) of the app; the composition root gives fetch. */
export type LoadJson = <T>(path: string) => Promise<T>;

export type DecksDb = Pick<VaktaalDB, 'transaction' | 'items' | 'logs' | 'deckSync' | 'importedDecks' | 'recordings'>;

export interface DeckCatalog {
  /** Built-in decks first (in the build's order), then imported ones by title. */
  decks: Deck[];
  builtInIds: Set<string>;
}

/** The decks: built into the app (compiled JSON) or imported on this device, each synced with its review items. */
export function createDeckService(db: DecksDb, loadJson: LoadJson) {
  let builtIn: Deck[] | undefined;

  async function builtInDecks(): Promise<Deck[]> {
    if (!builtIn) {
      const index = await loadJson<{ decks: DeckMeta[] }>('decks/index.json');
      builtIn = await Promise.all(index.decks.map((d) => loadJson<Deck>(`decks/${d.id}.json`)));
    }
    return builtIn;
  }

  return {
    /**
     * Built-in plus imported decks, each synced. An imported deck whose id a built-in deck took
     * later stays stored (and in backups) but is not shown.
     */
    async catalog(now = Date.now()): Promise<DeckCatalog> {
      const decks = await builtInDecks();
      const builtInIds = new Set(decks.map((d) => d.id));
      const imported = (await listImportedDecks(db)).map((r) => r.deck).filter((d) => !builtInIds.has(d.id));
      const all = [...decks, ...imported];
      for (const deck of all) await syncDeck(db, deck, now);
      return { decks: all, builtInIds };
    },
    /** The decks built into the app (compiled JSON), in the build's order. */
    builtIn: (): Promise<Deck[]> => builtInDecks(),
    listImported: (): Promise<ImportedDeckRow[]> => listImportedDecks(db),
    /** Stores (or replaces) an imported deck with its recordings; returns the version it replaced, if any. */
    importDeck: (deck: Deck, fileName: string, recordings: readonly DeckRecording[] = [], now = Date.now()) =>
      storeImportedDeck(db, deck, fileName, now, recordings),
    /**
     * Stores several decks with their recordings in one transaction (the decks of one converted
     * file are stored all or none); returns, per deck, the version it replaced, if any.
     */
    importDecks: (decks: readonly { deck: Deck; fileName: string; recordings?: readonly DeckRecording[] }[], now = Date.now()) =>
      db.transaction('rw', [db.importedDecks, db.items, db.deckSync, db.recordings], async () => {
        const replaced: (ImportedDeckRow | undefined)[] = [];
        for (const d of decks) replaced.push(await storeImportedDeck(db, d.deck, d.fileName, now, d.recordings ?? []));
        return replaced;
      }),
    /** The recording a card of a deck added on this device names, if stored (built-in decks' are files). */
    recording: (deckId: string, name: string): Promise<DeckRecording | undefined> => getRecording(db, deckId, name),
    removeImported: (deckId: string) => removeImportedDeck(db, deckId),
    /** Answers given in a deck, e.g. to say what removing it would delete. */
    reviewCount: (deckId: string): Promise<number> => db.logs.where('deckId').equals(deckId).count(),
  };
}

export type DeckService = ReturnType<typeof createDeckService>;
