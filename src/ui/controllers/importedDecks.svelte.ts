import { checkDeckFile, groupDeckFiles, type PickedFile } from '../../core/content/deckFile.ts';
import type { MetaSource } from '../../core/content/csvDeck.ts';
import type { Deck } from '../../core/content/model.ts';
import type { Problem } from '../../core/content/problems.ts';
import type { ImportedDeckRow } from '../../core/db/database.ts';
import { app, isBuiltInDeck, reloadData, updateSetting } from '../app.svelte.ts';
import { readText } from '../files.ts';
import { services } from '../services.ts';
import type { Notice } from './notice.ts';

/** Decks added on this device: list, store (a newer version keeps progress), remove with their history. */
export const importedDecks = {
  list: (): Promise<ImportedDeckRow[]> => services().decks.listImported(),
  /** Stores a checked deck; returns the version it replaced, if any. */
  store: (deck: Deck, fileName: string): Promise<ImportedDeckRow | undefined> => services().decks.importDeck(deck, fileName),
  reviewCount: (deckId: string): Promise<number> => services().decks.reviewCount(deckId),
  async remove(deckId: string): Promise<void> {
    await services().decks.removeImported(deckId);
    if (app.settings.selectedDecks.includes(deckId)) {
      await updateSetting(
        'selectedDecks',
        app.settings.selectedDecks.filter((id) => id !== deckId),
      );
    }
  },
  /** After imports or removals: the app's decks and today's numbers follow. */
  reload: (): Promise<void> => reloadData(),
};

/** What became of one picked file (a CSV deck and its .meta.yaml count as one). */
export interface ImportOutcome {
  file: string;
  ok: boolean;
  /** What happened (added, updated), or why the file was refused when that is not a list of problems. */
  note?: Notice;
  /** A refused file's problems, or an added deck's warnings. */
  problems: Problem[];
}

/** The import screen: check and store picked deck files, list and remove the decks added here. */
export class ImportController {
  outcomes = $state<ImportOutcome[]>([]);
  imported = $state.raw<ImportedDeckRow[]>([]);
  busy = $state(false);
  /** The deck the trainee asked to remove, with the reviews that would go with it. */
  removing = $state.raw<{ row: ImportedDeckRow; logs: number } | undefined>();
  removed = $state<Notice | undefined>();
  removeFailed = $state(false);

  async refresh(): Promise<void> {
    this.imported = await importedDecks.list();
  }

  async importFiles(files: readonly File[]): Promise<void> {
    this.busy = true;
    this.removed = undefined;
    const results: ImportOutcome[] = [];
    const picked: PickedFile[] = [];
    for (const file of files) {
      try {
        picked.push({ name: file.name, text: await readText(file) });
      } catch {
        results.push({ file: file.name, ok: false, note: { key: 'deckImport.unreadable' }, problems: [] });
      }
    }
    // A CSV deck and its .meta.yaml, picked together, are one deck.
    for (const { file, meta } of groupDeckFiles(picked)) results.push(await this.#importOne(file, meta));
    if (results.some((r) => r.ok)) {
      await importedDecks.reload();
      await this.refresh();
    }
    this.outcomes = results;
    this.busy = false;
  }

  /** Before the question: how many reviews removing the deck takes with it. */
  async askRemove(row: ImportedDeckRow): Promise<void> {
    this.removed = undefined;
    this.removeFailed = false;
    this.removing = { row, logs: await importedDecks.reviewCount(row.id) };
  }

  async remove(): Promise<void> {
    if (!this.removing) return;
    const { row } = this.removing;
    try {
      await importedDecks.remove(row.id);
      await importedDecks.reload();
      await this.refresh();
      this.outcomes = [];
      this.removed = { key: 'deckImport.removed', params: { title: row.deck.title } };
    } catch (error) {
      console.error(error);
      this.removeFailed = true;
    }
  }

  async #importOne(file: PickedFile, meta?: MetaSource): Promise<ImportOutcome> {
    const refused = (note: Notice): ImportOutcome => ({ file: file.name, ok: false, note, problems: [] });
    const check = checkDeckFile(file.name, file.text, { has: isBuiltInDeck }, meta);
    if (!check.ok) {
      if (check.reason === 'problems') return { file: file.name, ok: false, problems: check.problems };
      if (check.reason === 'built-in-id') return refused({ key: 'deckImport.builtInId', params: { id: check.id } });
      return refused({ key: 'deckImport.tooBig' });
    }
    try {
      const before = await importedDecks.store(check.deck, file.name);
      const params = { title: check.deck.title, count: check.deck.cardCount, department: check.deck.department };
      return {
        file: file.name,
        ok: true,
        note: { key: before ? 'deckImport.updated' : 'deckImport.added', params },
        problems: check.warnings,
      };
    } catch (error) {
      console.error(error);
      return refused({ key: 'deckImport.storeFailed' });
    }
  }
}
