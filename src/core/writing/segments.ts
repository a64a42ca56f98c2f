import { byPosition, type Finding } from './findings.ts';

/** A piece of the text for the marked preview: plain, or the text one finding is about. */
export interface Segment {
  text: string;
  finding?: Finding;
}

/**
 * The text cut into plain and marked pieces, in order; joined they give the text back exactly.
 * A finding is marked only when it still fits the text (findings from an older version of the
 * text, e.g. a spelling result that arrives after more typing, are left out), covers at least one
 * character (a missing greeting has no place to mark), and does not overlap a piece marked
 * before it: one character belongs to one mark, the first by position.
 */
export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const f of [...findings].sort(byPosition)) {
    if (f.end <= f.start || f.start < at || f.end > text.length || text.slice(f.start, f.end) !== f.text) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: f.text, finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
