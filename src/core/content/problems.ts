/**
 * A problem found in a content file. `code` + `params` let the app show the message in the
 * trainee's UI language (i18n key `problems.<code>`); `message` is the English text the CLI and
 * the build print.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  /** Line and character column in the text, for editors and CI logs. */
  line: number;
  column: number;
  /** For a spreadsheet (CSV, pasted rows): the row and column letter the spreadsheet shows. */
  cell?: CellRef;
  severity: Severity;
  code: ProblemCode;
  params: Record<string, string>;
  message: string;
}

/**
 * Problem codes by kind of content file. Deck codes are listed here; other file kinds register
 * theirs by augmenting this interface (drills/drillProblems.ts does), so this bottom layer never
 * imports the layers above it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface ProblemCodeRegistry {}

export type ProblemCode = DeckProblemCode | ProblemCodeRegistry[keyof ProblemCodeRegistry];

export type DeckProblemCode =
  | 'yaml-syntax'
  | 'csv-syntax'
  | 'empty-file'
  | 'not-a-mapping'
  | 'missing-field'
  | 'wrong-type'
  | 'invalid-value'
  | 'invalid-id'
  | 'unknown-field'
  | 'empty-value'
  | 'duplicate-card-id'
  | 'duplicate-term'
  | 'duplicate-deck-id'
  | 'gap-missing'
  | 'gap-count'
  | 'gap-mismatch'
  | 'article-missing'
  | 'article-on-non-noun'
  | 'article-mismatch'
  | 'spelling'
  | 'translation-missing'
  | 'term-in-other-deck'
  | 'shared-term-alone'
  | 'deck-size'
  | 'definition-has-term'
  | 'allowlist'
  | 'article-review'
  | 'unknown-column'
  | 'missing-column'
  | 'duplicate-column'
  | 'unnamed-column'
  | 'unsupported-file'
  | 'invisible-character'
  // Deck packages (deckPackage.ts).
  | 'package-corrupt'
  | 'package-not-a-package'
  | 'package-newer-version'
  | 'package-too-large'
  | 'package-invalid-manifest'
  | 'package-missing-deck'
  | 'package-missing-audio'
  | 'package-unexpected-file'
  | 'package-unsafe-path'
  | 'package-deck-mismatch';

export interface Position {
  line: number;
  column: number;
  cell?: CellRef;
}

/** A place in a spreadsheet: row 5, column B (Lidwoord). */
export interface CellRef {
  /** The row number the spreadsheet shows (1 = the first row). */
  row: number;
  /** Column letter (A, B, …, AA); absent when the problem concerns the whole row. */
  column?: string;
  /** The column's name in the first row, when it has one. */
  header?: string;
}

/** "row 5, column B (article)", the way a spreadsheet names the place. */
export function formatCell(cell: CellRef): string {
  return `row ${cell.row}${cell.column ? `, column ${cell.column}` : ''}${cell.column && cell.header ? ` (${cell.header})` : ''}`;
}

export function problem(
  file: string,
  pos: Position,
  severity: Severity,
  code: ProblemCode,
  message: string,
  params: Record<string, string> = {},
): Problem {
  return { file, line: pos.line, column: pos.column, ...(pos.cell ? { cell: pos.cell } : {}), severity, code, params, message };
}

/** `path:line:column severity message`, the format editors and CI logs make clickable; a spreadsheet's cell leads the message. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity}: ${p.cell ? `${formatCell(p.cell)}: ` : ''}${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Thrown where a caller needs an exception (the build); carries every problem, not just the first. */
export class ContentError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
  }
}
