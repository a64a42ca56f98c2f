/**
 * The deck studio: drafts of decks written in the app (saved as the coach types, possibly
 * invalid), their recordings, and what a finished deck becomes: practised on this device (an
 * import, which keeps the trainee's progress for every card whose id remains), or exported as the
 * same `.deck.yaml`/`.csv` files the repository holds, or as a one-file deck package.
 */
import type { Deck } from '../content/model.ts';
import { deckToCsv, deckToInput, deckToYaml, type CsvExportProblem } from '../content/serialize.ts';
import { DeckPackageError, DECK_PACKAGE_EXTENSION, writeDeckPackage } from '../content/deckPackage.ts';
import type { DeckInput } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';
import type { RecordingRow, StudioDraftRow, VaktaalDB } from '../db/database.ts';
import type { DeckRecording } from '../db/importedDecks.ts';
import {
  createStudioDraft,
  deleteStudioDraft,
  deleteStudioRecording,
  getStudioDraft,
  getStudioRecording,
  listStudioDrafts,
  listStudioRecordings,
  putStudioRecording,
  saveStudioDraft,
} from '../db/studioDrafts.ts';
import { newDraftId } from '../writing/draftId.ts';
import { checkDraftFile, type DraftFileCheck, type LocatedProblem } from '../studio/fileCheck.ts';
import { uniqueId } from '../studio/draft.ts';
import type { DeckService } from './decks.ts';

export type StudioServiceDb = Pick<VaktaalDB, 'transaction' | 'studioDrafts' | 'recordings' | 'importedDecks'>;

/** A synchronous copy of the draft being typed (localStorage in the app): IndexedDB may not finish before a tab closes. */
export interface StudioJournal {
  read(): StudioDraftRow | undefined;
  write(row: StudioDraftRow): void;
  clear(id: string): void;
}

export interface StudioRecording {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export type InstallOutcome = { ok: true; deck: Deck; replaced: boolean } | { ok: false; problems: LocatedProblem[] };
export type FileExport = { ok: true; fileName: string; text: string } | { ok: false; problems: LocatedProblem[] };
export type CsvFileExport =
  | { ok: true; csv: { fileName: string; text: string }; meta: { fileName: string; text: string } }
  | { ok: false; problems: LocatedProblem[] }
  | { ok: false; csvProblems: CsvExportProblem[] };
export type PackageExport = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; problems: LocatedProblem[] };

/** Where a new deck starts: a name the coach replaces, one empty card to fill in. */
const NEW_DECK_ID = 'nieuw-pakket';

type Decks = Pick<DeckService, 'builtIn' | 'listImported' | 'importDeck'>;

export function createStudioService(db: StudioServiceDb, decks: Decks) {
  async function takenIds(exceptDraft?: string): Promise<Set<string>> {
    const [builtIn, imported, drafts] = await Promise.all([decks.builtIn(), decks.listImported(), listStudioDrafts(db)]);
    return new Set([
      ...builtIn.map((d) => d.id),
      ...imported.map((r) => r.id),
      ...drafts.filter((d) => d.id !== exceptDraft).map((d) => (typeof d.deck.id === 'string' ? d.deck.id : '')),
    ]);
  }

  async function builtInIds(): Promise<Set<string>> {
    return new Set((await decks.builtIn()).map((d) => d.id));
  }

  /**
   * The file check plus what only the studio knows: a built-in deck's id cannot be taken, and a
   * card may only name a recording the draft holds.
   */
  function fullCheck(row: StudioDraftRow, recordings: ReadonlySet<string>, builtIn: ReadonlySet<string>): DraftFileCheck {
    const input = row.deck as unknown as DeckInput;
    const check = checkDraftFile(input);
    const problems = [...check.problems];
    const id = typeof input.id === 'string' ? input.id.trim() : '';
    const at = { file: `${id || 'pakket'}.deck.yaml`, line: 1, column: 1, severity: 'error' as const };
    if (id && builtIn.has(id)) {
      problems.push({
        ...at,
        field: 'id',
        code: 'deck-id-built-in',
        params: { id, title: id },
        message: `a built-in deck has the id "${id}" — give this deck its own id`,
      });
    }
    (Array.isArray(input.cards) ? input.cards : []).forEach((card, index) => {
      const audio = typeof card?.audio === 'string' ? card.audio.trim() : '';
      if (audio && !recordings.has(audio)) {
        problems.push({
          ...at,
          card: index,
          field: 'audio',
          code: 'recording-missing',
          params: { file: audio },
          message: `the card names the recording "${audio}", but the studio holds no such recording`,
        });
      }
    });
    const errors = problems.some((p) => p.severity === 'error');
    return { ...(check.deck && !errors ? { deck: check.deck } : {}), yaml: check.yaml, problems };
  }

  async function load(id: string): Promise<{ row: StudioDraftRow; recordings: RecordingRow[] }> {
    const row = await getStudioDraft(db, id);
    if (!row) throw new Error(`no studio draft ${id}`);
    return { row, recordings: await listStudioRecordings(db, id) };
  }

  async function checked(id: string): Promise<{ row: StudioDraftRow; recordings: RecordingRow[]; check: DraftFileCheck }> {
    const { row, recordings } = await load(id);
    return { row, recordings, check: fullCheck(row, new Set(recordings.map((r) => r.name)), await builtInIds()) };
  }

  async function copyFrom(
    source: Deck,
    options: { keepId: boolean; recordings: readonly StudioRecording[]; now: number },
  ): Promise<StudioDraftRow> {
    const input = deckToInput(source);
    const taken = options.keepId ? new Set<string>() : await takenIds();
    const id = options.keepId ? source.id : uniqueId(`${slugify(source.id)}-kopie`, (candidate) => taken.has(candidate));
    // A copy is a deck of its own beside the original: its title says so (Dutch, like the content).
    const title = options.keepId ? input.title : `${input.title} (kopie)`;
    const referenced = new Set(input.cards.map((c) => c.audio).filter((a): a is string => !!a));
    // A recording the copy cannot bring along is not named: the card falls back to a speech voice.
    const present = new Set(options.recordings.filter((r) => referenced.has(r.name)).map((r) => r.name));
    const cards = input.cards.map((c) => (c.audio && !present.has(c.audio) ? (({ audio: _audio, ...rest }) => rest)(c) : c));
    const row: StudioDraftRow = {
      id: newDraftId(options.now),
      deck: { ...input, id, title, cards } as unknown as Record<string, unknown>,
      copiedFrom: source.id,
      createdAt: options.now,
      updatedAt: options.now,
    };
    await createStudioDraft(
      db,
      row,
      options.recordings.filter((r) => present.has(r.name)),
    );
    return row;
  }

  return {
    list: (): Promise<StudioDraftRow[]> => listStudioDrafts(db),
    get: (id: string): Promise<StudioDraftRow | undefined> => getStudioDraft(db, id),
    /** Stores the draft unless a newer save of it is there already; returns whether it was written. */
    save: (row: StudioDraftRow): Promise<boolean> => saveStudioDraft(db, row),
    /** Deletes the draft and its recordings. An installed deck stays installed. */
    remove: (id: string): Promise<void> => deleteStudioDraft(db, id),

    /** Merges back the journal's copy after a crash (never over a newer save), then clears it. */
    async recover(journal: StudioJournal): Promise<StudioDraftRow | undefined> {
      const entry = journal.read();
      if (
        !entry ||
        typeof entry.id !== 'string' ||
        typeof entry.updatedAt !== 'number' ||
        entry.deck === null ||
        typeof entry.deck !== 'object'
      )
        return undefined;
      await saveStudioDraft(db, entry);
      journal.clear(entry.id);
      return entry;
    },

    /** A new deck: an id no other deck or draft uses, and one empty card. */
    async create(now = Date.now()): Promise<StudioDraftRow> {
      const taken = await takenIds();
      const row: StudioDraftRow = {
        id: newDraftId(now),
        deck: { id: uniqueId(NEW_DECK_ID, (id) => taken.has(id)), cards: [{}] },
        createdAt: now,
        updatedAt: now,
      };
      await createStudioDraft(db, row);
      return row;
    },

    /**
     * A copy of a built-in or imported deck to change and share as a deck of her own, under an id
     * no deck uses. A built-in deck's recordings are files of the app: the caller fetches them.
     */
    async copy(source: Deck, recordings: readonly StudioRecording[] = [], now = Date.now()): Promise<StudioDraftRow> {
      return copyFrom(source, { keepId: false, recordings, now });
    },

    /**
     * A deck added on this device, opened for editing under its own id: practising the draft later
     * updates it, keeping the progress of every card whose id remains. An open draft of it is reused.
     */
    async edit(source: Deck, recordings: readonly StudioRecording[] = [], now = Date.now()): Promise<StudioDraftRow> {
      const open = (await listStudioDrafts(db)).find((d) => d.copiedFrom === source.id && d.deck.id === source.id);
      return open ?? copyFrom(source, { keepId: true, recordings, now });
    },

    recordings: {
      put: (draftId: string, recording: StudioRecording): Promise<void> => putStudioRecording(db, draftId, recording),
      get: async (draftId: string, name: string): Promise<StudioRecording | undefined> => {
        const row = await getStudioRecording(db, draftId, name);
        return row ? { name: row.name, type: row.type, bytes: row.bytes } : undefined;
      },
      remove: (draftId: string, name: string): Promise<void> => deleteStudioRecording(db, draftId, name),
      names: async (draftId: string): Promise<string[]> => (await listStudioRecordings(db, draftId)).map((r) => r.name),
    },

    /** The decisive check of the stored draft (what practising and exporting go by). */
    async check(id: string): Promise<DraftFileCheck> {
      return (await checked(id)).check;
    },

    /**
     * "Practise on this device": the checked deck is stored like an in-app import, with the
     * recordings its cards name (under the deck's own id). Refused whole while it has errors.
     */
    async install(id: string, now = Date.now()): Promise<InstallOutcome> {
      const { recordings, check } = await checked(id);
      if (!check.deck) return { ok: false, problems: check.problems.filter((p) => p.severity === 'error') };
      const referenced = new Set(check.deck.cards.map((c) => c.audio).filter((a): a is string => !!a));
      const own: DeckRecording[] = recordings
        .filter((r) => referenced.has(r.name))
        .map((r) => ({ name: r.name, type: r.type, bytes: r.bytes }));
      const before = await decks.importDeck(check.deck, `${check.deck.id}.deck.yaml`, own, now);
      return { ok: true, deck: check.deck, replaced: !!before };
    },

    /** The `.deck.yaml` the repository would hold, laid out as the authoring guide shows. */
    async exportYaml(id: string): Promise<FileExport> {
      const { check } = await checked(id);
      if (!check.deck) return { ok: false, problems: check.problems.filter((p) => p.severity === 'error') };
      return { ok: true, fileName: `${check.deck.id}.deck.yaml`, text: deckToYaml(deckToInput(check.deck)) };
    },

    /** The deck as a spreadsheet (`.csv`) and the `.meta.yaml` beside it. */
    async exportCsv(id: string): Promise<CsvFileExport> {
      const { check } = await checked(id);
      if (!check.deck) return { ok: false, problems: check.problems.filter((p) => p.severity === 'error') };
      const csv = deckToCsv(deckToInput(check.deck));
      if (!csv.ok) return { ok: false, csvProblems: csv.problems };
      return {
        ok: true,
        csv: { fileName: `${check.deck.id}.csv`, text: csv.csv },
        meta: { fileName: `${check.deck.id}.meta.yaml`, text: csv.meta },
      };
    },

    /** One file with the deck and its recordings, for the trainees' import screen. */
    async exportPackage(id: string, now = Date.now()): Promise<PackageExport> {
      const { recordings, check } = await checked(id);
      if (!check.deck) return { ok: false, problems: check.problems.filter((p) => p.severity === 'error') };
      try {
        const bytes = writeDeckPackage({
          deck: deckToInput(check.deck),
          audio: new Map(recordings.map((r) => [r.name, r.bytes])),
          createdAt: new Date(now),
        });
        return { ok: true, fileName: `${check.deck.id}${DECK_PACKAGE_EXTENSION}`, bytes };
      } catch (error) {
        if (!(error instanceof DeckPackageError)) throw error;
        return { ok: false, problems: error.problems.map((p) => ({ ...p, field: p.code === 'package-missing-audio' ? 'audio' : 'id' })) };
      }
    },
  };
}

export type StudioService = ReturnType<typeof createStudioService>;
