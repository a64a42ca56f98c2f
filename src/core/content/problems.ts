import type { DrillProblemCode } from './drillProblems.ts';

/**
 * A problem found in a content file. `code` + `params` let the app show the message in the
 * trainee's UI language (i18n key `problems.<code>`); `message` is the English text the CLI and
 * the build print.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: ProblemCode;
  params: Record<string, string>;
  message: string;
}

export type ProblemCode =
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
  | 'unsupported-file'
  // Drill and writing-prompt files (drillProblems.ts).
  | DrillProblemCode;

export interface Position {
  line: number;
  column: number;
}

export function problem(
  file: string,
  pos: Position,
  severity: Severity,
  code: ProblemCode,
  message: string,
  params: Record<string, string> = {},
): Problem {
  return { file, line: pos.line, column: pos.column, severity, code, params, message };
}

/** `path:line:column severity message`, the format editors and CI logs make clickable. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`;
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
