/**
 * One thing a live check noticed in a text. `code` + `params` become a sentence in the UI
 * language (i18n key `writing.finding.<code>`), so every finding explains itself.
 */
export type CheckKind = 'spelling' | 'dt' | 'register' | 'klareTaal';

export interface Finding {
  check: CheckKind;
  code: string;
  /** Offsets into the checked text; start === end for something missing (e.g. no greeting). */
  start: number;
  end: number;
  /** The text at [start, end). */
  text: string;
  /** Replacements to offer, best first. */
  suggestions: string[];
  params: Record<string, string>;
}

export function finding(
  check: CheckKind,
  code: string,
  source: string,
  start: number,
  end: number,
  params: Record<string, string> = {},
  suggestions: string[] = [],
): Finding {
  return { check, code, start, end, text: source.slice(start, end), suggestions, params };
}

/** The suggestion with the capital of the word it replaces ("Wordt" → "Word"). */
export function matchCase(original: string, replacement: string): string {
  if (!original || !replacement) return replacement;
  const first = original.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}
