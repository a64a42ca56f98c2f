import { checkDeckFile, type DeckFileCheck } from '../../core/content/deckFile.ts';
import { checkDeckPackage, DECK_PACKAGE_EXTENSION, packageTooLarge } from '../../core/content/deckPackage.ts';
import { DECK_PACKAGE_MAX_BYTES } from '../../core/files/limits.ts';
import { titleFromName } from '../../core/content/csvDeck.ts';
import { metaPathFor } from '../../core/content/parseDeckFile.ts';
import type { Problem } from '../../core/content/problems.ts';
import type { Level } from '../../core/content/schema.ts';
import type { ConvertErrorCode, ConvertProgress, FieldRole, QuizletOptions, SkipCode, SkippedNote } from '../../core/convert/index.ts';
import { sizeError } from '../../core/convert/errors.ts';
import { mapFromRoles, repeatedRoles, rolesFromMap } from '../../core/convert/mapping.ts';
import { QUIZLET_SEPARATORS, separatorFromText } from '../../core/convert/separators.ts';
import { isBuiltInDeck } from '../app.svelte.ts';
import type { ConvertClient } from '../convertClient.ts';
import type { MappedView, SourceView, WireConvertError } from '../convert.worker.ts';
import { readText } from '../files.ts';
import { screenTexts, t } from '../i18n.svelte.ts';
import { services } from '../services.ts';
import { importedDecks } from './importedDecks.svelte.ts';

/**
 * The import screen's files beyond a single deck file: deck packages (.vaktaal) from a coach,
 * a CSV deck picked without its meta file (the importer names it in a small form), and Anki
 * packages, Anki text exports and Quizlet exports (converted in a worker, with a mapping step).
 * Everything is checked whole before anything is stored, and a refused file stores nothing.
 */

export type FileKind = 'package' | 'convert' | 'csv';

const CONVERTIBLE = /\.(apkg|colpkg|txt|tsv)$/i;

/** What this controller does with a picked file, given the names picked with it; undefined: the screen's own deck-file import. */
export function kindOf(name: string, pickedNames: ReadonlySet<string>): FileKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(DECK_PACKAGE_EXTENSION)) return 'package';
  if (CONVERTIBLE.test(lower)) return 'convert';
  if (lower.endsWith('.csv')) {
    const meta = metaPathFor(lower);
    return pickedNames.has(meta) || pickedNames.has(meta.replace(/\.yaml$/, '.yml')) ? undefined : 'csv';
  }
  return undefined;
}

/** Deck fields as a form holds them; empty means "from the file". */
export interface DeckFields {
  title: string;
  department: string;
  level: Level | '';
}

export interface FileResult {
  file: string;
  ok: boolean;
  /** What happened, in the UI language, one paragraph each. */
  lines: string[];
  problems: Problem[];
  /** The problems' place is in a file the importer never sees (a converted deck): show the text only. */
  placeless?: boolean;
  skipped?: SkippedNote[];
}

export interface NoteTypeMapping {
  /** One role per field of the note type (index = field). */
  roles: FieldRole[];
}

/**
 * How a text file is laid out. Anki's text export says so itself (or its separator is found in
 * the first row); a Quizlet export looks the same but has no quoting and may use the separators
 * the coach chose in Quizlet's export dialog, so she says which one it is.
 */
export interface TextLayout {
  format: 'anki-text' | 'quizlet';
  term: 'tab' | 'comma' | 'custom';
  termCustom: string;
  row: 'newline' | 'semicolon' | 'custom';
  rowCustom: string;
}

const ANKI_TEXT: TextLayout = { format: 'anki-text', term: 'tab', termCustom: '', row: 'newline', rowCustom: '' };

/** The separators a layout gives the converter. */
export function quizletOptions(layout: TextLayout): QuizletOptions {
  const termSeparator = layout.term === 'custom' ? separatorFromText(layout.termCustom) : QUIZLET_SEPARATORS[layout.term];
  const rowSeparator = layout.row === 'custom' ? separatorFromText(layout.rowCustom) : QUIZLET_SEPARATORS[layout.row];
  return { ...(termSeparator ? { termSeparator } : {}), ...(rowSeparator ? { rowSeparator } : {}) };
}

interface Conversion {
  file: string;
  client: ConvertClient;
}

export type Step =
  | { kind: 'idle' }
  | { kind: 'csv'; file: string; text: string; fields: DeckFields; problems: Problem[]; blocked: boolean; reason: string }
  | { kind: 'reading'; file: string; progress: ConvertProgress | undefined }
  | {
      kind: 'mapping';
      file: string;
      source: SourceView;
      mappings: NoteTypeMapping[];
      error: string;
      skipped: SkippedNote[];
      /** Text files only: how the file is read. */
      layout?: TextLayout;
    }
  | {
      kind: 'converting';
      file: string;
      source: SourceView;
      mappings: NoteTypeMapping[];
      progress: ConvertProgress | undefined;
      layout?: TextLayout;
    }
  | {
      kind: 'review';
      file: string;
      source: SourceView;
      mappings: NoteTypeMapping[];
      mapped: MappedView;
      fields: DeckFields[];
      problems: Problem[];
      error: string;
      layout?: TextLayout;
    }
  | { kind: 'storing'; file: string };

const ERROR_TEXT: ReadonlyMap<ConvertErrorCode | 'engine', string> = new Map<ConvertErrorCode | 'engine', string>([
  ['corrupt-zip', 'deckFiles.convertError.corruptZip'],
  ['no-collection', 'deckFiles.convertError.noCollection'],
  ['unknown-version', 'deckFiles.convertError.unknownVersion'],
  ['corrupt-collection', 'deckFiles.convertError.corruptCollection'],
  ['not-text', 'deckFiles.convertError.notText'],
  ['empty', 'deckFiles.convertError.empty'],
  ['bad-text', 'deckFiles.convertError.badText'],
  ['too-large', 'deckFiles.convertError.tooLarge'],
  ['bad-option', 'deckFiles.convertError.badOption'],
  ['no-cards', 'deckFiles.convertError.noCards'],
  ['cancelled', 'deckFiles.convertError.cancelled'],
  ['engine', 'deckFiles.convertError.engine'],
]);

const SKIP_TEXT: ReadonlyMap<SkipCode, string> = new Map<SkipCode, string>([
  ['unsupported-note-type', 'deckFiles.skip.unsupportedNoteType'],
  ['empty-term', 'deckFiles.skip.emptyTerm'],
  ['empty-definition', 'deckFiles.skip.emptyDefinition'],
  ['no-cloze', 'deckFiles.skip.noCloze'],
  ['cloze-gaps', 'deckFiles.skip.clozeGaps'],
  ['empty-answer', 'deckFiles.skip.emptyAnswer'],
  ['duplicate', 'deckFiles.skip.duplicate'],
]);

/** What to do, for the errors whose message does not already say it. */
const ADVICE: ReadonlyMap<ConvertErrorCode | 'engine', string> = new Map<ConvertErrorCode | 'engine', string>([
  ['empty', 'deckFiles.convertAdvice.empty'],
  ['too-large', 'deckFiles.convertAdvice.tooLarge'],
]);

/** The converter's error in the UI language, with what to do about it. */
export function convertErrorText(error: Pick<WireConvertError, 'code' | 'params'>): string {
  const text = t(ERROR_TEXT.get(error.code) ?? 'deckFiles.convertError.corruptCollection', { ...error.params });
  const advice = ADVICE.get(error.code);
  return advice ? `${text} ${t(advice)}` : text;
}

/** Why a note did not become a card, in the UI language. */
export function skipText(note: Pick<SkippedNote, 'code'>): string {
  return t(SKIP_TEXT.get(note.code) ?? 'deckFiles.skip.unsupportedNoteType');
}

/** Where a skipped note is: the converter says "note 1404529280070" (packages) or "line 12" (text files). */
export function skipPlace(note: Pick<SkippedNote, 'where'>): string {
  const id = /^note (\S+)$/.exec(note.where);
  if (id) return t('deckFiles.whereNote', { id: id[1] });
  const line = /^line (\d+)$/.exec(note.where);
  return line ? t('deckFiles.whereLine', { line: line[1] }) : note.where;
}

const defaultMappings = (source: SourceView): NoteTypeMapping[] =>
  source.noteTypes.map((type) => ({ roles: rolesFromMap(type.defaultMap, type.fields.length) }));
const baseName = (file: string) => file.replace(/\.[^.]+$/, '');
const given = (fields: DeckFields) => ({
  ...(fields.title.trim() ? { title: fields.title.trim() } : {}),
  ...(fields.department.trim() ? { department: fields.department.trim() } : {}),
  ...(fields.level ? { level: fields.level } : {}),
});
const builtIns = { has: isBuiltInDeck };

class DeckFilesController {
  /** This part's Dutch texts come with the screen, not in the first load: shown once they are there. */
  textsReady = $state(false);
  step = $state<Step>({ kind: 'idle' });
  results = $state<FileResult[]>([]);
  /** Files picked while another one is being imported: they follow in turn. */
  waiting = $state<string[]>([]);
  /** Called after decks were stored, so the screen's list follows. */
  onStored: (() => Promise<void>) | undefined;

  private queue: { file: File; kind: FileKind }[] = [];
  private conversion: Conversion | undefined;
  private working = false;

  /** Takes the files this controller imports and returns the others (for the screen's deck-file import). */
  take(files: readonly File[]): File[] {
    const names = new Set(files.map((f) => f.name.toLowerCase()));
    const rest: File[] = [];
    const mine: { file: File; kind: FileKind }[] = [];
    for (const file of files) {
      const kind = kindOf(file.name, names);
      if (kind) mine.push({ file, kind });
      else rest.push(file);
    }
    if (mine.length) {
      if (this.step.kind === 'idle' && !this.working) this.results = [];
      this.queue.push(...mine);
      this.waiting = this.queue.map((q) => q.file.name);
      void this.next();
    }
    return rest;
  }

  /** Starts the next file when nothing is in progress. */
  private async next(): Promise<void> {
    if (this.working || this.step.kind !== 'idle') return;
    const item = this.queue.shift();
    this.waiting = this.queue.map((q) => q.file.name);
    if (!item) return;
    this.working = true;
    try {
      if (item.kind === 'package') await this.importPackage(item.file);
      else if (item.kind === 'csv') await this.openCsv(item.file);
      else await this.openConversion(item.file);
    } finally {
      this.working = false;
    }
    void this.next();
  }

  private report(result: FileResult) {
    this.results = [...this.results, result];
  }

  private refused(file: string, lines: string[], problems: Problem[] = [], extra: Partial<FileResult> = {}) {
    this.report({ file, ok: false, lines, problems, ...extra });
  }

  private async stored() {
    await importedDecks.reload();
    await this.onStored?.();
  }

  // --- deck packages ---------------------------------------------------------------------------

  private async importPackage(file: File): Promise<void> {
    if (file.size > DECK_PACKAGE_MAX_BYTES) return this.refused(file.name, [], [packageTooLarge(file.name, file.size)]);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return this.refused(file.name, [t('deckImport.unreadable')]);
    }
    const check = checkDeckPackage(bytes, file.name, builtIns);
    if (!check.ok) {
      if (check.reason === 'built-in-id') return this.refused(file.name, [t('deckImport.builtInId', { id: check.id })]);
      return this.refused(file.name, [], check.problems);
    }
    try {
      const before = await services().decks.importDeck(check.deck, file.name, check.recordings);
      const params = { title: check.deck.title, count: check.deck.cardCount, department: check.deck.department };
      const recordings = check.recordings.length ? [t('deckFiles.recordings', { n: check.recordings.length })] : [];
      this.report({
        file: file.name,
        ok: true,
        lines: [before ? t('deckImport.updated', params) : t('deckImport.added', params), ...recordings],
        problems: check.warnings,
      });
      await this.stored();
    } catch (error) {
      console.error(error);
      this.refused(file.name, [t('deckImport.storeFailed')]);
    }
  }

  // --- a CSV deck without its meta file --------------------------------------------------------

  private checkCsv(file: string, text: string, fields: DeckFields): { check: DeckFileCheck; problems: Problem[]; reason: string } {
    const check = checkDeckFile(file, text, builtIns, undefined, given(fields));
    if (check.ok) return { check, problems: check.warnings, reason: '' };
    if (check.reason === 'problems') return { check, problems: check.problems, reason: '' };
    if (check.reason === 'built-in-id') return { check, problems: [], reason: t('deckFiles.csvBuiltInId', { id: check.id }) };
    return { check, problems: [], reason: t('deckImport.tooBig') };
  }

  private async openCsv(file: File): Promise<void> {
    let text: string;
    try {
      text = await readText(file);
    } catch {
      return this.refused(file.name, [t('deckImport.unreadable')]);
    }
    const fields: DeckFields = { title: titleFromName(baseName(file.name)), department: '', level: '' };
    const { check, problems, reason } = this.checkCsv(file.name, text, fields);
    this.step = { kind: 'csv', file: file.name, text, fields, problems, blocked: !check.ok, reason };
  }

  /** Adds the CSV deck with the fields of the form, checked again with them. */
  async addCsv(): Promise<void> {
    const step = this.step;
    if (step.kind !== 'csv') return;
    const fields = { ...step.fields };
    const { check, problems, reason } = this.checkCsv(step.file, step.text, fields);
    if (!check.ok) {
      this.step = { ...step, problems, reason, blocked: true };
      return;
    }
    this.step = { kind: 'storing', file: step.file };
    try {
      const before = await importedDecks.store(check.deck, step.file);
      const params = { title: check.deck.title, count: check.deck.cardCount, department: check.deck.department };
      this.report({
        file: step.file,
        ok: true,
        lines: [before ? t('deckImport.updated', params) : t('deckImport.added', params)],
        problems: check.warnings,
      });
      this.step = { kind: 'idle' };
      await this.stored();
    } catch (error) {
      console.error(error);
      this.step = { kind: 'idle' };
      this.refused(step.file, [t('deckImport.storeFailed')]);
    }
    void this.next();
  }

  // --- Anki and Quizlet ------------------------------------------------------------------------

  private async openConversion(file: File): Promise<void> {
    // Before a byte is read: holding a file over the limit in memory is what the limit prevents.
    const tooLarge = sizeError(file.size);
    if (tooLarge) return this.refused(file.name, [convertErrorText(tooLarge)]);
    const { ConvertClient } = await import('../convertClient.ts');
    const client = new ConvertClient((progress) => {
      const step = this.step;
      if (step.kind === 'reading' || step.kind === 'converting') this.step = { ...step, progress };
    });
    this.conversion = { file: file.name, client };
    this.step = { kind: 'reading', file: file.name, progress: undefined };
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      this.endConversion();
      return this.refused(file.name, [t('deckImport.unreadable')]);
    }
    try {
      // The converter refuses files over 1 GB itself.
      const source = await client.read(bytes, file.name);
      const layout = source.format === 'apkg' ? undefined : { ...ANKI_TEXT };
      this.step = {
        kind: 'mapping',
        file: file.name,
        source,
        mappings: defaultMappings(source),
        error: '',
        skipped: [],
        ...(layout ? { layout } : {}),
      };
    } catch (error) {
      this.endConversion();
      this.refused(file.name, [this.errorText(error)]);
    }
  }

  /** The mapping step of a text file: how it is laid out (read again with `reread`). */
  setLayout(patch: Partial<TextLayout>): void {
    const step = this.step;
    if (step.kind !== 'mapping' || !step.layout) return;
    this.step = { ...step, layout: { ...step.layout, ...patch }, error: '' };
  }

  /** Reads the text file again with the chosen layout; on failure the mapping of the last good read stays, with the reason. */
  async reread(): Promise<void> {
    const step = this.step;
    const conversion = this.conversion;
    if (step.kind !== 'mapping' || !step.layout || !conversion) return;
    const layout = step.layout;
    this.step = { kind: 'reading', file: step.file, progress: undefined };
    try {
      const source = await conversion.client.reread(step.file, layout.format, layout.format === 'quizlet' ? quizletOptions(layout) : {});
      if (this.conversion !== conversion) return;
      this.step = { kind: 'mapping', file: step.file, source, mappings: defaultMappings(source), error: '', skipped: [], layout };
    } catch (error) {
      if (this.conversion !== conversion) return;
      const cancelled = (error as { error?: WireConvertError }).error?.code === 'cancelled';
      this.step = { ...step, layout, error: cancelled ? '' : this.errorText(error) };
    }
  }

  private errorText(error: unknown): string {
    const wire = (error as { error?: WireConvertError }).error;
    if (wire?.code) return convertErrorText(wire);
    console.error(error);
    return t('deckFiles.convertError.corruptCollection');
  }

  /** The mapping step: field `index` of note type `type` gets `role`; a role chosen twice is shown, and blocks "Convert". */
  setRole(type: number, index: number, role: FieldRole): void {
    const step = this.step;
    if (step.kind !== 'mapping') return;
    const mappings = step.mappings.map((m, i) => (i === type ? { roles: m.roles.map((r, f) => (f === index ? role : r)) } : m));
    this.step = { ...step, mappings, error: '', skipped: [] };
  }

  /** Applies the mapping in the worker; shows the decks it makes and the notes it skips. */
  async convert(): Promise<void> {
    const step = this.step;
    const conversion = this.conversion;
    if (step.kind !== 'mapping' || !conversion) return;
    if (step.mappings.some((m) => repeatedRoles(m.roles).length)) {
      this.step = { ...step, error: t('deckFiles.mapping.fixRepeated'), skipped: [] };
      return;
    }
    const { source, mappings } = step;
    const layout = step.layout ? { layout: step.layout } : {};
    this.step = { kind: 'converting', file: step.file, source, mappings, progress: undefined, ...layout };
    try {
      const maps = new Map(source.noteTypes.map((type, i) => [type.id, mapFromRoles(mappings[i]?.roles ?? [])]));
      const mapped = await conversion.client.map(maps);
      const fields = mapped.decks.map((d): DeckFields => ({ title: d.title, department: '', level: '' }));
      this.step = { kind: 'review', file: step.file, source, mappings, mapped, fields, problems: [], error: '', ...layout };
    } catch (error) {
      if (this.conversion !== conversion) return;
      const wire = (error as { error?: WireConvertError }).error;
      const cancelled = wire?.code === 'cancelled';
      this.step = {
        kind: 'mapping',
        file: step.file,
        source,
        mappings,
        error: cancelled ? '' : this.errorText(error),
        skipped: wire?.skipped ? [...wire.skipped] : [],
        ...layout,
      };
    }
  }

  /** From the review back to the mapping. */
  backToMapping(): void {
    const step = this.step;
    if (step.kind === 'review')
      this.step = {
        kind: 'mapping',
        file: step.file,
        source: step.source,
        mappings: step.mappings,
        error: '',
        skipped: [],
        ...(step.layout ? { layout: step.layout } : {}),
      };
  }

  /** Checks the converted decks with the deck validator and stores them all, with their recordings, or none. */
  async addConverted(): Promise<void> {
    const step = this.step;
    const conversion = this.conversion;
    if (step.kind !== 'review' || !conversion) return;
    const chosen = new Map(step.mapped.decks.map((d, i) => [d.id, given(step.fields[i] ?? { title: '', department: '', level: '' })]));
    this.step = { kind: 'storing', file: step.file };
    let check;
    try {
      check = await conversion.client.check(chosen);
    } catch (error) {
      this.step = { ...step, error: this.errorText(error) };
      return;
    }
    if (!check.ok) {
      this.step = { ...step, problems: check.problems, error: t('deckFiles.convertedInvalid') };
      return;
    }
    const taken = check.decks.find((d) => isBuiltInDeck(d.deck.id));
    if (taken) {
      this.step = { ...step, problems: [], error: t('deckFiles.convertedBuiltInId', { id: taken.deck.id, title: taken.deck.title }) };
      return;
    }
    try {
      const replaced = await services().decks.importDecks(
        check.decks.map((d) => ({ deck: d.deck, fileName: step.file, recordings: d.recordings })),
      );
      const lines = check.decks.map(({ deck, recordings }, i) => {
        const params = { title: deck.title, count: deck.cardCount, department: deck.department };
        const line = replaced[i] ? t('deckImport.updated', params) : t('deckImport.added', params);
        return recordings.length ? `${line} ${t('deckFiles.recordings', { n: recordings.length })}` : line;
      });
      if (step.source.format === 'apkg') lines.push(t('deckFiles.noHistory'));
      this.report({
        file: step.file,
        ok: true,
        lines,
        problems: check.decks.flatMap((d) => d.warnings),
        placeless: true,
        skipped: step.mapped.skipped,
      });
      this.endConversion();
      await this.stored();
    } catch (error) {
      console.error(error);
      this.step = { ...step, error: t('deckImport.storeFailed') };
      return;
    }
    void this.next();
  }

  /** Cancel: a running step stops in the worker (back to the mapping, or nothing when first reading); otherwise the file is put aside. */
  cancel(): void {
    const step = this.step;
    const conversion = this.conversion;
    if (step.kind === 'converting' && conversion) {
      conversion.client.cancel();
      return;
    }
    if (step.kind === 'reading' && conversion) {
      conversion.client.cancel();
      return;
    }
    if (step.kind === 'idle' || step.kind === 'storing') return;
    this.endConversion();
    this.refused(step.file, [t('deckFiles.cancelled')]);
    void this.next();
  }

  private endConversion(): void {
    this.conversion?.client.dispose();
    this.conversion = undefined;
    this.step = { kind: 'idle' };
  }
}

export const deckFiles = new DeckFilesController();
void screenTexts()
  .catch((error: unknown) => console.error(error))
  .finally(() => (deckFiles.textsReady = true));
