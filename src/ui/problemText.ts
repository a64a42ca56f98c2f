import type { Problem } from '../core/content/problems.ts';
import { t } from './i18n.svelte.ts';

/**
 * A content problem in the UI language: `problems.<code>` with the problem's params. Some codes
 * have a variant for when a param is empty (no suggestion, no list of allowed values).
 */
export function problemKey(p: Pick<Problem, 'code' | 'params' | 'file'>): string {
  if (p.code === 'invalid-value' && !p.params.allowed) return 'problems.invalid-value-any';
  if (p.code === 'invalid-id' && !p.params.suggestion) return 'problems.invalid-id-derive';
  if (p.code === 'unknown-field' && !p.params.suggestion) return 'problems.unknown-field-known';
  if (p.code === 'unknown-column' && !p.params.suggestion) return 'problems.unknown-column-any';
  if (p.code === 'unsupported-file' && /\.meta\.ya?ml$/i.test(p.file)) return 'problems.unsupported-file-meta';
  return `problems.${p.code}`;
}

export function problemText(p: Pick<Problem, 'code' | 'params' | 'file'>): string {
  const key = problemKey(p);
  const text = t(key, { ...p.params });
  // A code added later without a translation yet: say there is a problem rather than show a key.
  return text === key ? t('problems.unknown') : text;
}

/** Where a problem is: "Rij 5, kolom B (Lidwoord)" in a spreadsheet, "Regel 8, kolom 14" in a text file. */
export function problemPlace(p: Pick<Problem, 'line' | 'column' | 'cell'>): string {
  const cell = p.cell;
  if (!cell) return t('deckImport.at', { line: p.line, column: p.column });
  if (!cell.column) return t('deckImport.atRow', { row: cell.row });
  if (!cell.header) return t('deckImport.atCellNoHeader', { row: cell.row, column: cell.column });
  return t('deckImport.atCell', { row: cell.row, column: cell.column, header: cell.header });
}
