/**
 * The markup of a fix item: the text as the trainee should end up writing it, with every error
 * written in place as `{wrong|right}` or `{wrong|right|why}`. `{|,}` adds what is missing (here a
 * comma); the right side may not be empty (take a neighbouring word along: `{de de|de}`).
 */
export interface FixError {
  wrong: string;
  right: string;
  note?: string;
  /** Where `right` sits in the corrected text. */
  start: number;
  end: number;
  /** Where `wrong` sits in the faulty text. */
  faultyStart: number;
  faultyEnd: number;
}

export type FixParse = { ok: true; faulty: string; correct: string; errors: FixError[] } | { ok: false; message: string; offset: number };

export function parseFixText(markup: string): FixParse {
  let faulty = '';
  let correct = '';
  const errors: FixError[] = [];
  let i = 0;
  while (i < markup.length) {
    const ch = markup[i]!;
    if (ch === '}') return { ok: false, message: 'a "}" without its "{"', offset: i };
    if (ch !== '{') {
      faulty += ch;
      correct += ch;
      i++;
      continue;
    }
    const close = markup.indexOf('}', i + 1);
    const nested = markup.indexOf('{', i + 1);
    if (close < 0) return { ok: false, message: 'a "{" without its "}"', offset: i };
    if (nested >= 0 && nested < close) return { ok: false, message: 'a "{" inside another {…}', offset: nested };
    const parts = markup.slice(i + 1, close).split('|');
    if (parts.length < 2 || parts.length > 3) {
      return { ok: false, message: 'write each error as {wrong|right} or {wrong|right|why}', offset: i };
    }
    const [wrong = '', right = '', note] = parts;
    if (!right.trim()) {
      return { ok: false, message: 'the correction after "|" is empty: take a neighbouring word along, e.g. {de de|de}', offset: i };
    }
    if (wrong === right) return { ok: false, message: `"${wrong}" is the same on both sides of "|"`, offset: i };
    errors.push({
      wrong,
      right,
      ...(note?.trim() ? { note: note.trim() } : {}),
      start: correct.length,
      end: correct.length + right.length,
      faultyStart: faulty.length,
      faultyEnd: faulty.length + wrong.length,
    });
    faulty += wrong;
    correct += right;
    i = close + 1;
  }
  return { ok: true, faulty, correct, errors };
}
