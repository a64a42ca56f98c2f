/**
 * Text files: Anki's text exports ("Notes in Plain Text", "Cards in Plain Text") and Quizlet's
 * export.
 *
 * Anki (manual "Importing → Text files"; rslib/src/import_export/text/csv): optional header lines
 * at the top, each `#key:value` — `separator` (tab, comma, semicolon, space, pipe, colon or the
 * character itself), `html` (true/false), `tags`, `columns` (column names, in the separator),
 * `notetype`, `deck`, and `guid column`, `notetype column`, `deck column`, `tags column` (1-based).
 * Then CSV rows (quotes around fields that hold the separator, a quote or a line break). Without a
 * `#separator:` the separator is the first of tab, pipe, semicolon, comma, colon, space found in
 * the first row (Anki's order, except that colon comes after comma: a definition often holds
 * "Let op: …").
 *
 * Quizlet: term and definition separated by a tab (or `termSeparator`), rows by a newline (or
 * `rowSeparator`); no quoting, so a definition may hold a line break when rows are separated by
 * something else.
 */
import Papa from 'papaparse';
import { ConvertError } from './errors.ts';
import type { Run } from './run.ts';
import type { Source, SourceDeck, SourceNote, SourceNoteType } from './source.ts';
import { NO_MEDIA } from './source.ts';

export interface QuizletOptions {
  /** Between term and definition; Quizlet's default is a tab. */
  termSeparator?: string;
  /** Between rows; Quizlet's default is a newline. */
  rowSeparator?: string;
}

const SEPARATOR_NAMES = new Map([
  ['tab', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
  ['space', ' '],
  ['pipe', '|'],
  ['colon', ':'],
]);
const DETECT_ORDER = ['\t', '|', ';', ',', ':', ' '];
/** The note type of a text file's rows when no `#notetype:` names one. */
const TEXT_NOTE_TYPE = 'Text file';

const CLOZE = /\{\{c\d+::/;
/** Tags and entities as Anki's own `is_html` check finds them: only then is a header-less file HTML. */
const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM; Windows-1252 as a last resort. */
export function decodeText(bytes: Uint8Array, warnings: string[]): string {
  const head = bytes.subarray(0, 8192);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let control = 0;
  for (const byte of head) {
    if (byte === 0)
      throw new ConvertError('not-text', 'this is not a text file (it holds binary data): an Anki package must be named .apkg');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > head.length / 20)
    throw new ConvertError('not-text', 'this is not a text file (it holds binary data): an Anki package must be named .apkg');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    warnings.push('the file is not UTF-8: it was read as Windows-1252 (Western European); check accented letters');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface Header {
  separator?: string;
  html?: boolean;
  columns?: string;
  noteType?: string;
  deck?: string;
  guidColumn?: number;
  noteTypeColumn?: number;
  deckColumn?: number;
  tagsColumn?: number;
}

/** The header lines at the top (`tags:` on the first line is Anki's oldest form). Returns where the rows start. */
function readHeader(text: string): { header: Header; bodyStart: number; bodyLine: number } {
  const header: Header = {};
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const next = end < 0 ? text.length : end + 1;
    const raw = text.slice(pos, end < 0 ? text.length : end).replace(/\r$/, '');
    if (!(raw.startsWith('#') || (line === 1 && raw.startsWith('tags:')))) break;
    const colon = raw.indexOf(':');
    if (raw.startsWith('#') && colon > 0) {
      const key = raw.slice(1, colon).trim().toLowerCase();
      const value = raw.slice(colon + 1);
      const column = Number.parseInt(value.trim(), 10);
      switch (key) {
        case 'separator': {
          const named = SEPARATOR_NAMES.get(value.trim().toLowerCase());
          if (named) header.separator = named;
          else if (value.length === 1) header.separator = value;
          break;
        }
        case 'html':
          if (/^\s*(true|false)\s*$/i.test(value)) header.html = value.trim().toLowerCase() === 'true';
          break;
        case 'columns':
          header.columns = value;
          break;
        case 'notetype':
          header.noteType = value.trim();
          break;
        case 'deck':
          header.deck = value.trim();
          break;
        case 'guid column':
          if (column > 0) header.guidColumn = column;
          break;
        case 'notetype column':
          if (column > 0) header.noteTypeColumn = column;
          break;
        case 'deck column':
          if (column > 0) header.deckColumn = column;
          break;
        case 'tags column':
          if (column > 0) header.tagsColumn = column;
          break;
      }
    }
    pos = next;
    line++;
  }
  return { header, bodyStart: pos, bodyLine: line };
}

/** The first separator found in the first row, outside quotes. */
function detectSeparator(body: string): string {
  let inQuotes = false;
  const found = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && DETECT_ORDER.includes(ch)) found.add(ch);
  }
  return DETECT_ORDER.find((d) => found.has(d)) ?? '\t';
}

interface Row {
  cells: string[];
  line: number;
}

function readRows(body: string, separator: string, firstLine: number): Row[] {
  const rows: Row[] = [];
  let previous = 0;
  let line = firstLine;
  let failure: { line: number; message: string } | undefined;
  Papa.parse<string[]>(body, {
    delimiter: separator,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = previous;
      previous = result.meta.cursor;
      const rowLine = line;
      for (let i = start; i < previous; i++) if (body.charCodeAt(i) === 10) line++;
      const missing = result.errors.find((e) => e.code === 'MissingQuotes');
      if (missing) {
        failure = { line: rowLine, message: 'a double quote (") opens a field here but is never closed' };
        parser.abort();
        return;
      }
      if (result.data.some((cell) => cell.trim() !== '')) rows.push({ cells: result.data, line: rowLine });
    },
  });
  if (failure) throw new ConvertError('bad-text', `line ${failure.line}: ${failure.message}`, { line: String(failure.line) });
  return rows;
}

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '') || 'deck';
}

/** One note type per name found in the file; cloze when its notes carry cloze deletions. */
function noteTypesOf(notes: SourceNote[], names: Map<string, string[]>, unnamed: string | undefined): SourceNoteType[] {
  return [...names].map(([name, labels]) => {
    const own = notes.filter((n) => n.noteTypeId === name);
    const width = Math.max(labels.length, ...own.map((n) => n.fields.length));
    // No name of its own: '' (the app says "column 2" in the user's language, messages "field 2").
    const fields = Array.from({ length: width }, (_, i) => labels[i]?.trim() ?? '');
    const clozeFields = fields.map((_, i) => i).filter((i) => own.some((n) => CLOZE.test(n.fields[i] ?? '')));
    return {
      id: name,
      name,
      kind: clozeFields.length ? 'cloze' : 'basic',
      fields,
      clozeFields,
      noteCount: own.length,
      ...(name === unnamed ? { unnamed: true } : {}),
    };
  });
}

export async function readAnkiText(text: string, fileName: string, warnings: string[], run: Run): Promise<Source> {
  const { header, bodyStart, bodyLine } = readHeader(text);
  const body = text.slice(bodyStart);
  if (!body.trim()) throw new ConvertError('empty', 'the file has no rows to convert');
  const separator = header.separator ?? detectSeparator(body);
  const rows = readRows(body, separator, bodyLine);
  if (!rows.length) throw new ConvertError('empty', 'the file has no rows to convert');
  const meta = new Set(
    [header.guidColumn, header.noteTypeColumn, header.deckColumn, header.tagsColumn].filter((c): c is number => c !== undefined),
  );
  const labels = header.columns !== undefined ? (readRows(header.columns, separator, 1)[0]?.cells ?? []) : [];
  const fieldLabels = labels.filter((_, i) => !meta.has(i + 1));
  const html = header.html ?? rows.some((r) => r.cells.some((c) => LOOKS_LIKE_HTML.test(c)));
  const defaultType = header.noteType || TEXT_NOTE_TYPE;
  const defaultDeck = header.deck || baseName(fileName);
  const typeNames = new Map<string, string[]>();
  const deckNames = new Map<string, SourceDeck>();
  const notes: SourceNote[] = [];
  const cell = (row: Row, column: number | undefined) => (column ? (row.cells[column - 1] ?? '').trim() : '');
  for (const row of rows) {
    const noteType = cell(row, header.noteTypeColumn) || defaultType;
    const deckName = cell(row, header.deckColumn) || defaultDeck;
    if (!typeNames.has(noteType)) typeNames.set(noteType, noteType === defaultType ? fieldLabels : []);
    const deckId = `text:${deckName}`;
    if (!deckNames.has(deckId))
      deckNames.set(deckId, { id: deckId, name: deckName, ...(deckName === defaultDeck && !header.deck ? { isDefault: true } : {}) });
    const guid = cell(row, header.guidColumn);
    notes.push({
      ...(guid ? { guid } : {}),
      noteTypeId: noteType,
      fields: row.cells.filter((_, i) => !meta.has(i + 1)),
      deckId,
      where: `line ${row.line}`,
    });
    if (run.due()) await run.pause('read', notes.length, rows.length);
  }
  run.report('read', notes.length, rows.length);
  return {
    format: 'anki-text',
    fileName,
    html,
    noteTypes: noteTypesOf(notes, typeNames, header.noteType ? undefined : TEXT_NOTE_TYPE),
    notes,
    decks: [...deckNames.values()],
    media: NO_MEDIA,
    warnings,
  };
}

export async function readQuizlet(text: string, fileName: string, options: QuizletOptions, warnings: string[], run: Run): Promise<Source> {
  const termSeparator = options.termSeparator || '\t';
  const rowSeparator = options.rowSeparator || '\n';
  if (termSeparator === rowSeparator) throw new ConvertError('bad-option', 'the term separator and the row separator must differ');
  // Line ends from Windows: a newline separator also ends rows at \r\n, and a \r never belongs to a field.
  const normalized = rowSeparator.includes('\n') || termSeparator.includes('\n') ? text.replace(/\r\n/g, '\n') : text;
  if (!normalized.trim()) throw new ConvertError('empty', 'the file has no rows to convert');
  const deck: SourceDeck = { id: 'quizlet', name: baseName(fileName), isDefault: true };
  const notes: SourceNote[] = [];
  const parts = normalized.split(rowSeparator);
  let line = 1;
  for (const part of parts) {
    const where = `line ${line}`;
    for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) === 10) line++;
    for (let i = 0; i < rowSeparator.length; i++) if (rowSeparator.charCodeAt(i) === 10) line++;
    if (!part.trim()) continue;
    const at = part.indexOf(termSeparator);
    const fields = at < 0 ? [part] : [part.slice(0, at), part.slice(at + termSeparator.length)];
    notes.push({ noteTypeId: 'quizlet', fields, deckId: deck.id, where });
    if (run.due()) await run.pause('read', notes.length, parts.length);
  }
  if (!notes.length) throw new ConvertError('empty', 'the file has no rows to convert');
  run.report('read', notes.length, notes.length);
  return {
    format: 'quizlet',
    fileName,
    html: false,
    noteTypes: [
      // Quizlet's export names no columns: term and definition are its first and second.
      { id: 'quizlet', name: 'Quizlet', kind: 'basic', fields: ['', ''], clozeFields: [], noteCount: notes.length, unnamed: true },
    ],
    notes,
    decks: [deck],
    media: NO_MEDIA,
    warnings,
  };
}
