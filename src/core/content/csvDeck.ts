import Papa from 'papaparse';
import { problem, type Position, type Problem } from './problems.ts';
import { CARD_FIELDS, type DeckMetaInput } from './schema.ts';
import { isLanguageCode } from './languages.ts';
import { nearest } from './suggest.ts';
import { slugify } from './slug.ts';
import { validateDeck, validateDeckMeta, type DeckResult, type Locator, type Path } from './validate.ts';
import { readYamlSource } from './yamlDeck.ts';

/** The optional `<name>.meta.yaml` beside a CSV deck. */
export interface MetaSource {
  path: string;
  text: string;
}

export interface CsvOptions {
  /** Used when the meta file names no department (the folder the file sits in). */
  department?: string;
  meta?: MetaSource;
}

/** Every card field except `translations`, which CSV spreads over one column per language. */
export const CSV_COLUMNS = CARD_FIELDS.filter((f) => f !== 'translations');
const REQUIRED_COLUMNS = ['term', 'definition'] as const;
const BY_LOWERCASE = new Map(CSV_COLUMNS.map((f) => [f.toLowerCase(), f]));

/** Column names coaches write in a Dutch (or English) spreadsheet: only for the "did you mean" hint. */
const HINTS: Record<string, string> = {
  woord: 'term',
  begrip: 'term',
  lidwoord: 'article',
  woordsoort: 'type',
  soort: 'type',
  definitie: 'definition',
  betekenis: 'definition',
  uitleg: 'definition',
  voorbeeld: 'example',
  voorbeeldzin: 'example',
  zin: 'example',
  'klare taal': 'plain',
  klaretaal: 'plain',
  eenvoudig: 'plain',
  alternatieven: 'alternatives',
  synoniemen: 'alternatives',
  geluid: 'audio',
  engels: 'en',
  english: 'en',
  frans: 'fr',
  french: 'fr',
  arabisch: 'ar',
  oekraïens: 'uk',
  turks: 'tr',
  translation: 'en, fr, … (one column per language)',
  translations: 'en, fr, … (one column per language)',
  vertaling: 'en, fr, … (one column per language)',
  nl: 'term (the Dutch word goes in "term")',
};

const TRUE_WORDS = new Set(['true', 'ja', 'yes', 'waar', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'nee', 'no', 'onwaar', '0']);

type Column =
  | { kind: 'field'; field: string; header: string }
  | { kind: 'translation'; lang: string; header: string }
  | { kind: 'ignored'; header: string };

interface Row {
  cells: string[];
  /** Offset of the row's first character, and of each cell's first character (its quote, if quoted). */
  start: number;
  cellStarts: number[];
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
function cellStartsOf(text: string, start: number, end: number, delimiter: string): number[] {
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
 * The separator of the header row: Excel in Belgium writes `;`, most other tools `,`, some `\t`.
 * Column names never contain any of them, so the one that occurs most in the first row wins.
 */
function detectDelimiter(text: string, from: number): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/** "afval-en-netheid" → "Afval en netheid". */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.csv$/i, '');
}

type HeaderKind =
  | { kind: 'field'; field: string; header: string }
  | { kind: 'translation'; lang: string; header: string }
  | { kind: 'unknown'; hint?: string }
  | { kind: 'empty' };

function classifyHeader(header: string): HeaderKind {
  const name = header.trim();
  const lower = name.toLowerCase();
  if (!name) return { kind: 'empty' };
  const field = BY_LOWERCASE.get(lower);
  if (field) return { kind: 'field', field, header: name };
  if (isLanguageCode(lower)) return { kind: 'translation', lang: lower, header: name };
  const hint = HINTS[lower] ?? nearest(lower, CSV_COLUMNS);
  return hint ? { kind: 'unknown', hint } : { kind: 'unknown' };
}

function readMeta(meta: MetaSource | undefined): { meta: DeckMetaInput; problems: Problem[] } {
  if (!meta) return { meta: {}, problems: [] };
  const source = readYamlSource(meta.text, meta.path);
  // An empty meta file says nothing, which is allowed: the names fill in everything.
  if (source.problems) return { meta: {}, problems: source.problems.filter((p) => p.code !== 'empty-file') };
  const result = validateDeckMeta(source.raw, { file: meta.path, locate: source.locate });
  return { meta: result.meta ?? {}, problems: [...result.problems].sort((a, b) => a.line - b.line || a.column - b.column) };
}

/**
 * Parses and validates one CSV deck (a spreadsheet export): header row with column names, one card
 * per row. Deck fields come from the optional meta file, else from the file and folder names.
 * The cards go through the same validateDeck as YAML decks, with positions pointing at the real
 * line and column of each cell. Never throws: every problem is returned.
 */
export function parseDeckCsv(input: string, file: string, options: CsvOptions = {}): DeckResult {
  const text = input.replace(/^\uFEFF/, '');
  const problems: Problem[] = [];
  const starts = lineStarts(text);
  const pos = (offset: number) => positionOf(starts, offset);
  if (!text.trim()) return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };

  // Excel understands a first line "sep=;" naming the separator; honour it when present.
  const sepLine = text.match(/^sep=(.)\r?\n/i);
  const bodyStart = sepLine ? sepLine[0].length : 0;
  const delimiter = sepLine ? sepLine[1]! : detectDelimiter(text, bodyStart);

  const rows: Row[] = [];
  let previous = bodyStart;
  let stopped = false;
  Papa.parse<string[]>(text.slice(bodyStart), {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = bodyStart + result.meta.cursor;
      const start = previous;
      previous = end;
      for (const e of result.errors) {
        // Papaparse gives the offset just after an unclosed quote; point at the quote itself.
        let offset = bodyStart + (e.index ?? start - bodyStart);
        if (e.code === 'MissingQuotes' && text[offset - 1] === '"') offset--;
        const at = pos(offset);
        const message =
          e.code === 'MissingQuotes'
            ? 'a double quote (") opens a value here but is never closed — close it, or write "" for a quote inside a quoted value'
            : e.code === 'InvalidQuotes'
              ? 'a quoted value must end right after its closing quote — write "" for a quote inside it'
              : `CSV: ${e.message}`;
        problems.push(problem(file, at, 'error', 'csv-syntax', message, { detail: e.message }));
        if (e.code === 'MissingQuotes') {
          stopped = true;
          parser.abort();
          return;
        }
      }
      rows.push({ cells: result.data, start, cellStarts: cellStartsOf(text, start, end, delimiter) });
    },
  });
  if (stopped) return { problems };

  const header = rows[0];
  if (!header) return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };
  const dataRows = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const cellPos = (row: Row, index: number) => pos(row.cellStarts[index] ?? row.start);

  // Header: which column holds what.
  const columns: (Column | undefined)[] = [];
  const seen = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const c = classifyHeader(cell);
    const at = cellPos(header, index);
    if (c.kind === 'empty') {
      if (dataRows.some((r) => (r.cells[index] ?? '').trim() !== '')) {
        problems.push(
          problem(file, at, 'error', 'unknown-column', `column ${index + 1} has values but no name in the first row — name it (term, definition, en, …)`, {
            column: String(index + 1),
            suggestion: '',
          }),
        );
      }
      columns.push(undefined);
      return;
    }
    if (c.kind === 'unknown') {
      const name = cell.trim();
      const message = c.hint
        ? `unknown column "${name}" — did you mean ${c.hint}?`
        : `unknown column "${name}" — known columns: ${CSV_COLUMNS.join(', ')}, and one column per language (en, fr, ar, uk, tr, …)`;
      problems.push(problem(file, at, 'error', 'unknown-column', message, { column: name, suggestion: c.hint ?? '', known: CSV_COLUMNS.join(', ') }));
      columns.push({ kind: 'ignored', header: name });
      return;
    }
    const key = c.kind === 'field' ? c.field : `translation:${c.lang}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        problem(file, at, 'error', 'unknown-column', `column "${c.header}" appears twice (also column ${first + 1}) — remove or rename one`, {
          column: c.header,
          suggestion: '',
        }),
      );
      columns.push({ kind: 'ignored', header: c.header });
      return;
    }
    seen.set(key, index);
    columns.push(c);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) {
      problems.push(
        problem(
          file,
          pos(header.start),
          'error',
          'missing-column',
          `missing column "${required}" — the first row names the columns, e.g. term${delimiter}article${delimiter}definition${delimiter}example${delimiter}plain${delimiter}alternatives${delimiter}en${delimiter}fr`,
          { column: required },
        ),
      );
    }
  }
  if (REQUIRED_COLUMNS.some((c) => !seen.has(c))) return { problems };
  if (dataRows.length === 0) {
    problems.push(problem(file, pos(header.start), 'error', 'empty-file', 'the file names its columns but has no rows with words below them', {}));
    return { problems };
  }

  // Rows → the same card objects a YAML deck holds.
  const cards: Record<string, unknown>[] = dataRows.map((row) => {
    const card: Record<string, unknown> = {};
    if (row.cells.length > header.cells.length && row.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      problems.push(
        problem(
          file,
          cellPos(row, header.cells.length),
          'error',
          'csv-syntax',
          `this row has ${row.cells.length} values but the first row names ${header.cells.length} columns — a value that contains ${delimiterName(delimiter)} must be between double quotes`,
          { detail: 'too many fields' },
        ),
      );
    }
    columns.forEach((column, index) => {
      if (!column || column.kind === 'ignored') return;
      const value = (row.cells[index] ?? '').trim();
      if (column.kind === 'translation') {
        if (value) ((card.translations ??= {}) as Record<string, string>)[column.lang] = value;
        return;
      }
      const field = column.field;
      if (field === 'term' || field === 'definition') card[field] = value;
      else if (!value) return;
      else if (field === 'article' || field === 'type') card[field] = value.toLowerCase();
      else if (field === 'alternatives') {
        const list = value.split('|').map((v) => v.trim()).filter(Boolean);
        if (list.length) card.alternatives = list;
      } else if (field === 'sharedTerm') {
        const v = value.toLowerCase();
        if (TRUE_WORDS.has(v)) card.sharedTerm = true;
        else if (!FALSE_WORDS.has(v)) {
          problems.push(
            problem(file, cellPos(row, index), 'error', 'invalid-value', `"sharedTerm: ${value}" is not allowed — use one of: true, false (or leave it empty)`, {
              field,
              value,
              allowed: 'true, false',
            }),
          );
        }
      } else card[field] = value;
    });
    return card;
  });

  const columnOf = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c?.kind === 'field') columnOf.set(c.field, i);
    if (c?.kind === 'translation') columnOf.set(`translations.${c.lang}`, i);
  });
  const locate: Locator = {
    at(path: Path, asKey = false): Position {
      if (path[0] !== 'cards' || typeof path[1] !== 'number') return pos(header.start);
      const row = dataRows[path[1]];
      if (!row) return pos(header.start);
      const field = path[2];
      const key = field === 'translations' && typeof path[3] === 'string' ? `translations.${path[3]}` : field;
      const index = typeof key === 'string' ? columnOf.get(key) : undefined;
      if (index === undefined) return pos(row.start);
      return asKey ? cellPos(header, index) : cellPos(row, index);
    },
  };

  const { meta, problems: metaProblems } = readMeta(options.meta);
  problems.push(...metaProblems);
  const name = baseName(file);
  const department = meta.department ?? options.department;
  const raw = {
    id: meta.id ?? slugify(name),
    title: meta.title ?? titleFromName(name),
    ...(meta.level ? { level: meta.level } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    cards,
  };
  const result = validateDeck(raw, { file, locate, ...(department ? { defaults: { department } } : {}) });
  return { ...result, problems: [...problems, ...result.problems] };
}
