/**
 * Quizlet's separators, as the CLI (`--term-sep`, `--row-sep`) and the app's import screen take
 * them. A module of its own, without the readers, so the import screen can use it without loading
 * the converter.
 */

/** Quizlet's named separators (its export dialog: tab or comma between term and definition, new line or semicolon between rows). */
export const QUIZLET_SEPARATORS = { tab: '\t', comma: ',', newline: '\n', semicolon: ';' } as const;

export type QuizletSeparatorName = keyof typeof QUIZLET_SEPARATORS;

/** A separator as a person types it: `\t`, `\n`, `\r` and `\\` stand for a tab, a newline, a return and a backslash. */
export function separatorFromText(value: string): string {
  return value.replace(/\\([tnr\\])/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]!);
}
