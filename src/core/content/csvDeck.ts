import { problem, type Problem } from './problems.ts';
import type { DeckMetaInput } from './schema.ts';
import { slugify } from './slug.ts';
import { checkColumns, guessMapping, isEmptyRow, readTable, rowsToCards, SHEET_FIELDS } from './spreadsheet.ts';
import { validateDeck, validateDeckMeta, type DeckResult } from './validate.ts';
import { readYamlSource } from './yamlDeck.ts';

/** The optional `<name>.meta.yaml` beside a CSV deck. */
export interface MetaSource {
  path: string;
  text: string;
}

export interface CsvOptions {
  /** Used when neither the caller nor the meta file names a department (the folder the file sits in). */
  department?: string;
  meta?: MetaSource;
  /** Deck fields the importer chose (the import screen's small form); they win over the meta file and the names. */
  deck?: DeckMetaInput;
}

/** Every card field except `translations`, which CSV spreads over one column per language. */
export const CSV_COLUMNS = SHEET_FIELDS;

/** "afval-en-netheid" → "Afval en netheid". */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.csv$/i, '');
}

function readMeta(meta: MetaSource | undefined): { meta: DeckMetaInput; problems: Problem[] } {
  if (!meta) return { meta: {}, problems: [] };
  const source = readYamlSource(meta.text, meta.path);
  // An empty meta file says nothing, which is allowed: the names fill in everything.
  if (source.problems) return { meta: {}, problems: source.problems.filter((p) => p.code !== 'empty-file') };
  const result = validateDeckMeta(source.raw, { file: meta.path, locate: source.locate });
  return { meta: result.meta ?? {}, problems: [...result.problems].sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** Deck fields set by the caller, without the empty ones a form leaves. */
export function givenDeckFields(deck: DeckMetaInput | undefined): DeckMetaInput {
  return Object.fromEntries(Object.entries(deck ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as DeckMetaInput;
}

/**
 * Parses and validates one CSV deck (a spreadsheet export): a header row naming the columns (in
 * English or Dutch: term/woord, lidwoord, betekenis, …, one column per language), one card per
 * row. Deck fields come from the caller, else the meta file, else the file and folder names. The
 * cards go through the same validateDeck as YAML decks; every problem of the file (header and rows)
 * is reported at once, at its line and column and at its spreadsheet cell ("row 5, column B").
 * Never throws.
 */
export function parseDeckCsv(input: string, file: string, options: CsvOptions = {}): DeckResult {
  const table = readTable(input, file);
  if (table.fatal) return { problems: table.problems };
  const problems: Problem[] = [...table.problems];
  const header = table.rows.find((r) => !isEmptyRow(r));
  if (!header) return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };
  const dataRows = table.rows.filter((r) => r.number > header.number && !isEmptyRow(r));

  const check = checkColumns(header, guessMapping(header.cells), { file, strict: true, dataRows, delimiter: table.delimiter });
  problems.push(...check.problems);
  if (dataRows.length === 0) {
    problems.push(problem(file, header.start, 'error', 'empty-file', 'the file names its columns but has no rows with words below them', {}));
    return { problems };
  }
  const sheet = rowsToCards(dataRows, check.columns, { file, delimiter: table.delimiter, header });
  problems.push(...sheet.problems);

  const { meta, problems: metaProblems } = readMeta(options.meta);
  problems.push(...metaProblems);
  const fields = { ...meta, ...givenDeckFields(options.deck) };
  const name = baseName(file);
  const department = fields.department ?? options.department;
  const raw = {
    id: fields.id ?? slugify(name),
    title: fields.title ?? titleFromName(name),
    ...(fields.level ? { level: fields.level } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    cards: sheet.cards,
  };
  const result = validateDeck(raw, { file, locate: sheet.locate, ...(department ? { defaults: { department } } : {}) });
  // A required column that is missing was reported once for the header, not on every row.
  const rowProblems = result.problems.filter((p) => !(p.code === 'missing-field' && check.missing.includes(p.params.field ?? '')));
  const all = [...problems, ...rowProblems];
  // Without a term or definition column no row can be read: there is no deck.
  if (check.missing.length) return { problems: all };
  return { ...result, problems: all };
}
