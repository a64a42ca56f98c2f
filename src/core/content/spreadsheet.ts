import Papa from 'papaparse';
import { problem, type CellRef, type Position, type Problem, type ProblemCode } from './problems.ts';
import { CARD_FIELDS, cardSchema, type CardInput, type CardType } from './schema.ts';
import { isLanguageCode, LANGUAGE_CODES } from './languages.ts';
import { nearest } from './suggest.ts';
import { fold } from './text.ts';
import { validateDeck, type Locator, type Path } from './validate.ts';

/**
 * Rows from a spreadsheet: a CSV file, or cells copied from Excel, LibreOffice or Google Sheets
 * (tab-separated on the clipboard). Columns are recognised by their header in Dutch or English
 * ("Lidwoord", "Betekenis", "Vertaling Engels"), and every problem names the place the way the
 * spreadsheet shows it: row 5, column B (Lidwoord). The CSV deck importer (csvDeck.ts) and the
 * studio's "paste from a spreadsheet" both read through here.
 */

/** Every card field except `translations`, which a spreadsheet spreads over one column per language. */
export const SHEET_FIELDS = CARD_FIELDS.filter((f) => f !== 'translations');
export const REQUIRED_FIELDS = ['term', 'definition'] as const;

/** What a column holds: a card field, a translation (`translations.en`), or nothing the app uses. */
export type ColumnTarget = string;
export const IGNORE: ColumnTarget = 'ignore';
/** Column index (0 = column A) → target. A column left out is ignored. Plain data, so the studio can show and change it. */
export type ColumnMapping = Record<number, ColumnTarget>;

export const translationTarget = (lang: string): ColumnTarget => `translations.${lang}`;
export function languageOf(target: ColumnTarget): string | undefined {
  return target.startsWith('translations.') ? target.slice('translations.'.length) : undefined;
}
export function isColumnTarget(target: string): boolean {
  if (target === IGNORE || SHEET_FIELDS.includes(target)) return true;
  const lang = languageOf(target);
  return lang !== undefined && isLanguageCode(lang);
}

// ---------------------------------------------------------------------------------------------
// Reading the table

export interface TableRow {
  /** The row number the spreadsheet shows (1 = first row), also when a cell spans several lines. */
  number: number;
  cells: string[];
  /** Where the row starts, and each cell (its quote, if quoted), in the text. */
  start: Position;
  starts: Position[];
}

export interface Table {
  delimiter: string;
  /** All rows, empty ones too (they keep their number); the first is the header when there is one. */
  rows: TableRow[];
  problems: Problem[];
  /** The text could not be split into rows at all (empty, or a quote never closed): the rows are not to be trusted. */
  fatal: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function positionOf(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Where each cell of a row starts. Papaparse tells where rows end; cells only need quote-aware scanning. */
function cellOffsets(text: string, start: number, end: number, delimiter: string): number[] {
  const starts = [start];
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (atFieldStart && ch === '"') {
      inQuotes = true;
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (text.startsWith(delimiter, i)) {
      starts.push(i + delimiter.length);
      atFieldStart = true;
      i += delimiter.length - 1;
    }
  }
  return starts;
}

/**
 * The separator, from the first row: a tab when there is one (what spreadsheets put on the
 * clipboard; text cells rarely hold tabs), else whichever of `;` (Excel in Belgium) and `,` occurs more.
 */
function detectDelimiter(text: string, from: number): string {
  const counts = new Map([
    ['\t', 0],
    [';', 0],
    [',', 0],
  ]);
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  if (counts.get('\t')! > 0) return '\t';
  const semicolons = counts.get(';')!;
  const commas = counts.get(',')!;
  return semicolons === 0 && commas === 0 ? ',' : semicolons >= commas ? ';' : ',';
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/** Column letters as spreadsheets name them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface ReadTableOptions {
  /** Force a separator; otherwise it is recognised from the first row (or an Excel `sep=` line). */
  delimiter?: string;
}

/** Splits spreadsheet text into rows and cells, with the place of each cell. Never throws. */
export function readTable(input: string, file: string, options: ReadTableOptions = {}): Table {
  const text = input.replace(/^\uFEFF/, '');
  const starts = lineStarts(text);
  const pos = (offset: number) => positionOf(starts, offset);
  const problems: Problem[] = [];
  if (!text.trim()) {
    return { delimiter: ',', rows: [], fatal: true, problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };
  }
  // Excel understands a first line "sep=;" naming the separator, and does not show it as a row.
  const sepLine = text.match(/^sep=(.)\r?\n/i);
  const bodyStart = sepLine ? sepLine[0].length : 0;
  const delimiter = options.delimiter ?? (sepLine ? sepLine[1]! : detectDelimiter(text, bodyStart));

  const rows: TableRow[] = [];
  let previous = bodyStart;
  let fatal = false;
  Papa.parse<string[]>(text.slice(bodyStart), {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = bodyStart + result.meta.cursor;
      const start = previous;
      previous = end;
      const number = rows.length + 1;
      for (const e of result.errors) {
        // Papaparse gives the offset just after an unclosed quote; point at the quote itself.
        let offset = bodyStart + (e.index ?? start - bodyStart);
        if (e.code === 'MissingQuotes' && text[offset - 1] === '"') offset--;
        const message =
          e.code === 'MissingQuotes'
            ? 'a double quote (") opens a value here but is never closed — close it, or write "" for a quote inside a quoted value'
            : e.code === 'InvalidQuotes'
              ? 'a quoted value must end right after its closing quote — write "" for a quote inside it'
              : `CSV: ${e.message}`;
        problems.push(problem(file, { ...pos(offset), cell: { row: number } }, 'error', 'csv-syntax', message, { detail: e.message }));
        if (e.code === 'MissingQuotes') {
          fatal = true;
          parser.abort();
          return;
        }
      }
      rows.push({ number, cells: result.data, start: pos(start), starts: cellOffsets(text, start, end, delimiter).map(pos) });
    },
  });
  return { delimiter, rows, problems, fatal };
}

export const isEmptyRow = (row: TableRow) => row.cells.every((c) => c.trim() === '');

// ---------------------------------------------------------------------------------------------
// Column names

/**
 * Header names coaches and departments write, in Dutch or English, compared after folding
 * (case, accents, spaces and punctuation do not count). Language columns are recognised by code
 * or by the language's name (Engels, Arabic, Oekraïens, …), also as "Vertaling Engels".
 */
const FIELD_NAMES: Record<string, readonly string[]> = {
  term: ['term', 'woord', 'begrip', 'vakterm', 'vakwoord', 'word', 'nederlands', 'dutch', 'nl', 'nederlandswoord', 'dutchword'],
  article: ['article', 'artikel', 'lidwoord', 'dehet', 'lidwoorddehet'],
  type: ['type', 'woordsoort', 'soort', 'woordtype', 'wordtype', 'partofspeech', 'soortwoord'],
  definition: ['definition', 'definitie', 'betekenis', 'omschrijving', 'uitleg', 'verklaring', 'meaning', 'description', 'beschrijving'],
  example: ['example', 'voorbeeld', 'voorbeeldzin', 'zin', 'examplesentence', 'sentence', 'voorbeeldzinnen'],
  plain: ['plain', 'klaretaal', 'inklaretaal', 'eenvoudig', 'eenvoudigwoord', 'eenvoudiger', 'plainlanguage', 'plaindutch', 'simple', 'simpleword', 'klaretaalalternatief'],
  alternatives: ['alternatives', 'alternatieven', 'alternatief', 'synoniemen', 'synoniem', 'synonyms', 'ookjuist', 'andereantwoorden', 'otheranswers'],
  audio: ['audio', 'geluid', 'geluidsbestand', 'opname', 'uitspraak', 'sound', 'recording', 'pronunciation'],
  id: ['id', 'kaartid', 'cardid'],
  sharedTerm: ['sharedterm', 'gedeeldeterm', 'gedeeld', 'shared'],
};

/** Words around a language name that say "translation": "Vertaling Engels", "English translation", "Vertaling (EN)". */
const TRANSLATION_WORDS = new Set(['vertaling', 'vertalingen', 'translation', 'translations', 'vertaald', 'in', 'het', 'naar', 'into', 'to']);

/** A header that names no column but shows what was meant: only for the hint. */
const HINTS = new Map<string, string>([
  ['vertaling', 'en, fr, … (one column per language)'],
  ['vertalingen', 'en, fr, … (one column per language)'],
  ['translation', 'en, fr, … (one column per language)'],
  ['translations', 'en, fr, … (one column per language)'],
]);

/** Folded, and only letters and digits: "Klare taal", "klare-taal" and "KlareTaal" are one name. */
export function headerKey(header: string): string {
  return fold(header).replace(/[^\p{L}\p{N}]+/gu, '');
}

let languageNames: Map<string, string> | undefined;
/** Language names in Dutch, English and French → code, for every code a column may carry (two-letter codes first). */
function languageByName(): Map<string, string> {
  if (languageNames) return languageNames;
  const names = new Map<string, string>();
  const displays = ['nl', 'en', 'fr'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
  for (const code of LANGUAGE_CODES) {
    if (!isLanguageCode(code)) continue;
    for (const display of displays) {
      const name = display.of(code);
      if (!name) continue;
      const key = headerKey(name);
      if (key && !names.has(key)) names.set(key, code);
    }
  }
  languageNames = names;
  return names;
}

const BY_FIELD_NAME = new Map<string, string>(Object.entries(FIELD_NAMES).flatMap(([field, names]) => names.map((n) => [n, field] as const)));
/** Names long enough that a near miss is a typo of them ("a" is not a typo of "nl"). */
const HINTABLE_NAMES = [...BY_FIELD_NAME.keys()].filter((n) => n.length >= 4);

function languageOfWords(words: readonly string[]): string | undefined {
  const joined = words.join('');
  if (!joined) return undefined;
  if (isLanguageCode(joined)) return joined;
  const byName = languageByName();
  // "Engelse vertaling": the adjective ends in -e.
  return byName.get(joined) ?? (joined.endsWith('e') ? byName.get(joined.slice(0, -1)) : undefined);
}

/** What a header names, or undefined when it names nothing the app knows. */
export function columnTargetOf(header: string): ColumnTarget | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  const field = BY_FIELD_NAME.get(key);
  if (field) return field;
  const words = fold(header).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const lang = languageOfWords(words);
  if (lang) return translationTarget(lang);
  const rest = words.filter((w) => !TRANSLATION_WORDS.has(w));
  if (rest.length > 0 && rest.length < words.length) {
    const translated = languageOfWords(rest);
    if (translated) return translationTarget(translated);
  }
  return undefined;
}

/** The column a header probably meant, for "did you mean …?". */
export function headerHint(header: string): string | undefined {
  const key = headerKey(header);
  const hint = HINTS.get(key);
  if (hint) return hint;
  if (key.length < 3) return undefined;
  const near = nearest(key, HINTABLE_NAMES);
  return near ? BY_FIELD_NAME.get(near) : undefined;
}

/** The mapping the headers suggest: each recognised column to its target, the first of two the same, the rest ignored. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  header.forEach((name, index) => {
    const target = columnTargetOf(name);
    if (target && !taken.has(target)) {
      taken.add(target);
      mapping[index] = target;
    } else mapping[index] = IGNORE;
  });
  return mapping;
}

/** A first row is a header when it names the term or the definition column. */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((c) => {
    const t = columnTargetOf(c);
    return t === 'term' || t === 'definition';
  });
}

// ---------------------------------------------------------------------------------------------
// Rows to cards

const TRUE_WORDS = new Set(['true', 'ja', 'yes', 'waar', '1', 'x', 'oui', 'vrai']);
const FALSE_WORDS = new Set(['false', 'nee', 'no', 'onwaar', '0', 'non', 'faux']);

/** Word classes as a Dutch or English sheet names them → the format's types. */
const TYPE_NAMES = new Map<string, CardType>(
  (
    [
      ['noun', ['noun', 'zelfstandignaamwoord', 'znw', 'zn', 'naamwoord', 'substantief', 'nom']],
      ['verb', ['verb', 'werkwoord', 'ww', 'verbe']],
      ['adjective', ['adjective', 'bijvoeglijknaamwoord', 'bn', 'bnw', 'adjectief', 'adjectif']],
      ['adverb', ['adverb', 'bijwoord', 'bw', 'adverbe']],
      ['phrase', ['phrase', 'uitdrukking', 'vasteuitdrukking', 'zegswijze', 'woordgroep', 'expression', 'uitdrukkingen']],
      ['abbreviation', ['abbreviation', 'afkorting', 'acroniem', 'acronym', 'abreviation', 'abreviatio']],
    ] as const
  ).flatMap(([type, names]) => names.map((n) => [n, type] as const)),
);

export interface Column {
  index: number;
  letter: string;
  /** The header as written ('' without a header row). */
  header: string;
  target: ColumnTarget;
}

/** The place of a cell, as the spreadsheet and the text editor show it. */
function cellPosition(row: TableRow, index: number, header: string): Position {
  const at = row.starts[index] ?? row.start;
  const cell: CellRef = { row: row.number, column: columnLetter(index), ...(header ? { header } : {}) };
  return { line: at.line, column: at.column, cell };
}

export interface SheetCards {
  /** Raw card objects, one per data row, as a YAML deck holds them (for validateDeck). */
  cards: Record<string, unknown>[];
  /** The table row of each card. */
  rows: TableRow[];
  /** Problems of single cells that the schema does not see (sharedTerm words, a row longer than the header). */
  problems: Problem[];
  locate: Locator;
}

/**
 * Turns data rows into the card objects a YAML deck holds, through the mapping: empty cells are
 * "not set", article and type lowercased (Dutch word classes understood), alternatives split on
 * "|", sharedTerm from ja/nee, true/false. The locator points validateDeck's problems at the cell.
 */
export function rowsToCards(
  dataRows: readonly TableRow[],
  columns: readonly Column[],
  options: { file: string; delimiter: string; header?: TableRow },
): SheetCards {
  const { file, header } = options;
  const problems: Problem[] = [];
  const width = header ? header.cells.length : Math.max(0, ...columns.map((c) => c.index + 1));
  const cards = dataRows.map((row) => {
    const card: Record<string, unknown> = {};
    if (header && row.cells.length > width && row.cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push(
        problem(
          file,
          cellPosition(row, width, ''),
          'error',
          'csv-syntax',
          `this row has ${row.cells.length} values but the first row names ${width} columns — a value that contains ${delimiterName(options.delimiter)} must be between double quotes`,
          { detail: 'too many fields' },
        ),
      );
    }
    for (const column of columns) {
      const { target, index } = column;
      if (target === IGNORE) continue;
      const value = (row.cells[index] ?? '').trim();
      const lang = languageOf(target);
      if (lang) {
        if (value) ((card.translations ??= {}) as Record<string, string>)[lang] = value;
        continue;
      }
      if (target === 'term' || target === 'definition') card[target] = value;
      else if (!value) continue;
      else if (target === 'article') card.article = value.toLowerCase();
      else if (target === 'type') card.type = TYPE_NAMES.get(headerKey(value)) ?? value.toLowerCase();
      else if (target === 'alternatives') {
        const list = value.split('|').map((v) => v.trim()).filter(Boolean);
        if (list.length) card.alternatives = list;
      } else if (target === 'sharedTerm') {
        const v = value.toLowerCase();
        if (TRUE_WORDS.has(v)) card.sharedTerm = true;
        else if (!FALSE_WORDS.has(v)) {
          problems.push(
            problem(file, cellPosition(row, index, column.header), 'error', 'invalid-value', `"sharedTerm: ${value}" is not allowed — use one of: true, false (or leave it empty)`, {
              field: 'sharedTerm',
              value,
              allowed: 'true, false',
            }),
          );
        }
      } else card[target] = value;
    }
    return card;
  });

  const columnOf = new Map<string, Column>();
  for (const c of columns) if (c.target !== IGNORE) columnOf.set(c.target, c);
  const top: Position = header ? cellPosition(header, 0, '') : { line: 1, column: 1 };
  const locate: Locator = {
    at(path: Path, asKey = false): Position {
      if (path[0] !== 'cards' || typeof path[1] !== 'number') return top;
      const row = dataRows[path[1]];
      if (!row) return top;
      const field = path[2];
      const key = field === 'translations' && typeof path[3] === 'string' ? translationTarget(path[3]) : field;
      const column = typeof key === 'string' ? columnOf.get(key) : undefined;
      if (!column) return { ...row.start, cell: { row: row.number } };
      return asKey && header ? cellPosition(header, column.index, column.header) : cellPosition(row, column.index, column.header);
    },
  };
  return { cards, rows: [...dataRows], problems, locate };
}

// ---------------------------------------------------------------------------------------------
// Checking the columns

export interface ColumnCheck {
  columns: Column[];
  problems: Problem[];
  /** Required fields no column holds. */
  missing: string[];
}

/**
 * Checks a mapping: every required field has a column, no field has two. With `strict` (a deck
 * file), a named column the app does not know is an error too, with the column it probably meant;
 * pasted rows just leave such a column out.
 */
export function checkColumns(
  header: TableRow | undefined,
  mapping: ColumnMapping,
  options: { file: string; strict: boolean; dataRows: readonly TableRow[]; delimiter: string },
): ColumnCheck {
  const { file } = options;
  const problems: Problem[] = [];
  // A deck file's columns are those its first row names (longer rows are reported by rowsToCards); pasted rows may be mapped wider.
  const width =
    options.strict && header
      ? header.cells.length
      : Math.max(header?.cells.length ?? 0, ...options.dataRows.map((r) => r.cells.length), ...Object.keys(mapping).map((k) => Number(k) + 1));
  const columns: Column[] = [];
  const firstOf = new Map<string, Column>();
  const at = (index: number, name: string): Position =>
    header ? cellPosition(header, index, name) : { line: 1, column: 1, cell: { row: options.dataRows[0]?.number ?? 1, column: columnLetter(index) } };
  const hasValues = (index: number) => options.dataRows.some((r) => (r.cells[index] ?? '').trim() !== '');
  for (let index = 0; index < width; index++) {
    const name = (header?.cells[index] ?? '').trim();
    const mapped = mapping[index];
    let target = mapped !== undefined && isColumnTarget(mapped) ? mapped : IGNORE;
    const letter = columnLetter(index);
    if (mapped !== undefined && !isColumnTarget(mapped)) {
      problems.push(problem(file, at(index, name), 'error', 'unknown-column', `column ${letter} is mapped to "${mapped}", which is no card field`, { column: mapped, suggestion: '' }));
    }
    if (options.strict && header) {
      if (!name && hasValues(index)) {
        problems.push(
          problem(file, at(index, name), 'error', 'unnamed-column', `column ${letter} has values but no name in the first row — name it (term, definition, en, …)`, {
            column: letter,
          }),
        );
      } else if (name && target === IGNORE && !columnTargetOf(name)) {
        const hint = headerHint(name);
        const message = hint
          ? `unknown column "${name}" — did you mean ${hint}?`
          : `unknown column "${name}" — known columns: ${SHEET_FIELDS.join(', ')}, and one column per language (en, fr, ar, uk, tr, …)`;
        problems.push(problem(file, at(index, name), 'error', 'unknown-column', message, { column: name, suggestion: hint ?? '', known: SHEET_FIELDS.join(', ') }));
      }
    }
    // Two columns for one field: the first counts, the second is reported.
    const guessed = options.strict && header && target === IGNORE && name ? columnTargetOf(name) : undefined;
    const claimed = target !== IGNORE ? target : guessed;
    if (claimed !== undefined) {
      const first = firstOf.get(claimed);
      if (first) {
        problems.push(
          problem(file, at(index, name), 'error', 'duplicate-column', `column ${letter}${name ? ` ("${name}")` : ''} holds the same as column ${first.letter}${first.header ? ` ("${first.header}")` : ''} — remove or rename one`, {
            column: name || letter,
            other: first.letter,
            field: claimed,
          }),
        );
        target = IGNORE;
      } else if (target !== IGNORE) firstOf.set(target, { index, letter, header: name, target });
    }
    columns.push({ index, letter, header: name, target });
  }
  const missing = REQUIRED_FIELDS.filter((f) => !firstOf.has(f));
  for (const field of missing) {
    const example = ['term', 'article', 'definition', 'example', 'plain', 'alternatives', 'en', 'fr'].join(options.delimiter === '\t' ? ', ' : options.delimiter);
    problems.push(
      problem(
        file,
        header ? { ...header.start, cell: { row: header.number } } : { line: 1, column: 1 },
        'error',
        'missing-column',
        header
          ? `missing column "${field}" — the first row names the columns, e.g. ${example}`
          : `no column holds "${field}" — choose which column holds it`,
        { column: field },
      ),
    );
  }
  return { columns, problems, missing };
}

// ---------------------------------------------------------------------------------------------
// Preview of pasted rows

export interface RowPreview {
  /** The row number the spreadsheet shows. */
  row: number;
  /** The card this row becomes, when it has no error. */
  card?: CardInput;
  problems: Problem[];
}

export interface SheetPreview {
  delimiter: string;
  hasHeader: boolean;
  columns: Column[];
  mapping: ColumnMapping;
  /** Problems of the whole paste: its form, and the mapping (a required field without column, a field twice). */
  problems: Problem[];
  rows: RowPreview[];
}

export interface PreviewOptions {
  /** Start from this mapping instead of the one the headers suggest. */
  mapping?: ColumnMapping;
  /** Whether the first row names the columns; recognised by default. */
  hasHeader?: boolean;
  /** Name used in messages. */
  file?: string;
  delimiter?: string;
}

const problemCodeIs = (codes: readonly ProblemCode[]) => (p: Problem) => codes.includes(p.code);

/**
 * What pasted rows (or a dropped CSV) become, row by row: the card, or the problems that keep the
 * row out, with the same checks as a deck file. The mapping comes back so the studio can show it
 * and pass a changed one in.
 */
export function previewSheet(text: string, options: PreviewOptions = {}): SheetPreview {
  const file = options.file ?? 'spreadsheet';
  const table = readTable(text, file, options.delimiter ? { delimiter: options.delimiter } : {});
  const empty = { delimiter: table.delimiter, hasHeader: false, columns: [], mapping: {}, rows: [] };
  if (table.fatal) return { ...empty, problems: table.problems };
  const first = table.rows.find((r) => !isEmptyRow(r));
  const hasHeader = options.hasHeader ?? (first ? isHeaderRow(first.cells) : false);
  const header = hasHeader ? first : undefined;
  const dataRows = table.rows.filter((r) => r !== header && !isEmptyRow(r) && (!header || r.number > header.number));
  const mapping = options.mapping ?? (header ? guessMapping(header.cells) : {});
  const check = checkColumns(header, mapping, { file, strict: false, dataRows, delimiter: table.delimiter });
  const sheet = rowsToCards(dataRows, check.columns, { file, delimiter: table.delimiter, ...(header ? { header } : {}) });
  const byRow = new Map<number, Problem[]>(dataRows.map((r) => [r.number, []]));
  for (const p of sheet.problems) byRow.get(p.cell?.row ?? -1)?.push(p);
  if (sheet.cards.length) {
    const result = validateDeck({ id: 'preview', title: 'preview', cards: sheet.cards }, { file, locate: sheet.locate });
    // A field without a column is reported once, for the paste, not on every row.
    const skip = problemCodeIs(['missing-field']);
    for (const p of result.problems) {
      if (skip(p) && check.missing.includes(p.params.field ?? '')) continue;
      byRow.get(p.cell?.row ?? -1)?.push(p);
    }
  }
  const rows = dataRows.map((row, i) => {
    const problems = byRow.get(row.number) ?? [];
    const parsed = problems.some((p) => p.severity === 'error') || check.missing.length ? undefined : cardSchema.safeParse(sheet.cards[i]);
    return { row: row.number, ...(parsed?.success ? { card: parsed.data } : {}), problems };
  });
  const used: ColumnMapping = {};
  for (const c of check.columns) used[c.index] = c.target;
  return { delimiter: table.delimiter, hasHeader, columns: check.columns, mapping: options.mapping ?? used, problems: [...table.problems, ...check.problems], rows };
}
