/**
 * Forms that are equally right in a gap or fix answer, from one reviewed list
 * (`content/drills/equivalents.yaml`): "u hebt" = "u heeft", "hebt u" = "heeft u", "zij" → "ze".
 * The drill compiler applies the list to every item, so no item has to repeat it: a gap item gets
 * the equivalent answers as alternatives, a fix item gets the places in its corrected text where
 * another form may stand (checkFix tries them).
 *
 * Forms are lowercase words; a form matches whole words, in any case, and a capital at its start
 * is carried over to the form put in its place ("Hebt u" → "Heeft u"). Context words make a form
 * safe: "hebt u" is always "heeft u", while "hebt" alone is not (jij hebt, never jij heeft).
 */
export interface Equivalence {
  /** Lowercase forms; with `oneWay` only the first may be replaced (by the others). */
  forms: string[];
  oneWay: boolean;
  /** Phrases in which the forms are no forms of this entry ("het zij zo"). */
  except: string[];
  /** 1-based line in the list, for messages. */
  line: number;
}

export interface EquivalentsTable {
  entries: Equivalence[];
}

export const NO_EQUIVALENTS: EquivalentsTable = { entries: [] };

/** A place in a text where another form may stand: [start, end) and what may replace it. */
export interface Variant {
  start: number;
  end: number;
  alternatives: string[];
}

/** A form as a pattern: whole words, any spacing between them, ’ = '. */
function formPattern(form: string): RegExp {
  const words = form
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])${words.join('\\s+')}(?![\\p{L}\\p{N}'’-])`, 'giu');
}

/** The replacing form in the case of the text it replaces: a capital at the start, or all capitals. */
function inCaseOf(found: string, form: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return form.toUpperCase();
  const first = found.charAt(0);
  return first !== first.toLowerCase() ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}

interface Match {
  start: number;
  end: number;
  text: string;
  targets: string[];
}

/**
 * Every place in `text` where the table lets another form stand, leftmost-longest and never
 * overlapping. Forms inside one of their entry's `except` phrases are left alone.
 */
export function findVariants(text: string, table: EquivalentsTable): Variant[] {
  const matches: Match[] = [];
  for (const entry of table.entries) {
    const blocked = entry.except.flatMap((phrase) =>
      [...text.matchAll(formPattern(phrase))].map((m) => [m.index, m.index + m[0].length] as const),
    );
    const sources = entry.oneWay ? entry.forms.slice(0, 1) : entry.forms;
    for (const source of sources) {
      const targets = entry.forms.filter((f) => f !== source);
      for (const m of text.matchAll(formPattern(source))) {
        const start = m.index;
        const end = start + m[0].length;
        if (blocked.some(([s, e]) => start >= s && end <= e)) continue;
        matches.push({ start, end, text: m[0], targets });
      }
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const variants: Variant[] = [];
  let reached = 0;
  for (const m of matches) {
    if (m.start < reached) continue;
    variants.push({ start: m.start, end: m.end, alternatives: m.targets.map((t) => inCaseOf(m.text, t)) });
    reached = m.end;
  }
  return variants;
}

/** `text` with `variant` replaced by its alternative number `k`. */
export function replaceVariant(text: string, variant: Variant, k: number): string {
  return text.slice(0, variant.start) + (variant.alternatives[k] ?? '') + text.slice(variant.end);
}

/**
 * The other answers a gap accepts: for each answer (and alternative), the sentence is filled in and
 * every place where the table allows another form across the gap is tried; what then stands in the
 * gap, with the rest of the sentence unchanged, is an equivalent answer. ("___ u nog vragen?" with
 * "Hebt": "hebt u" = "heeft u", so "Heeft".) Returns only answers not already listed (case aside).
 */
export function equivalentGapAnswers(sentence: string, gap: RegExp, answers: readonly string[], table: EquivalentsTable): string[] {
  const known = new Set(answers.map((a) => a.trim().toLowerCase()));
  const found: string[] = [];
  const queue = [...answers];
  // Derived answers are tried in turn too (a chain of entries), but each form only once.
  const mark = new RegExp(gap.source, gap.flags.replace('g', ''));
  const at = sentence.search(mark);
  if (at < 0) return found;
  for (let i = 0; i < queue.length && i < 50; i++) {
    const answer = queue[i]!;
    const filled = sentence.replace(mark, () => answer);
    const prefix = filled.slice(0, at);
    const suffix = filled.slice(at + answer.length);
    for (const v of findVariants(filled, table)) {
      if (v.end <= at || v.start >= at + answer.length) continue;
      v.alternatives.forEach((_, k) => {
        const changed = replaceVariant(filled, v, k);
        if (changed.length < prefix.length + suffix.length || !changed.startsWith(prefix) || !changed.endsWith(suffix)) return;
        const candidate = changed.slice(prefix.length, changed.length - suffix.length).trim();
        const key = candidate.toLowerCase();
        if (!candidate || known.has(key)) return;
        known.add(key);
        found.push(candidate);
        queue.push(candidate);
      });
    }
  }
  return found;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Applies chosen variants (choice[k] = alternative index, or -1 to keep the text) and moves the
 * given spans along; a span that overlaps a replaced variant grows to cover the replacement, so an
 * error at "Hebt" in "Hebt u" covers "Heeft u" once that stands there.
 */
export function applyVariants<S extends Span>(
  text: string,
  variants: readonly Variant[],
  choice: readonly number[],
  spans: readonly S[],
): { text: string; spans: S[] } {
  let out = text;
  let shift = 0;
  let moved = spans.map((s) => ({ ...s }));
  variants.forEach((v, k) => {
    const pick = choice[k] ?? -1;
    if (pick < 0) return;
    const start = v.start + shift;
    const end = v.end + shift;
    const alt = v.alternatives[pick] ?? '';
    const delta = alt.length - (end - start);
    out = out.slice(0, start) + alt + out.slice(end);
    moved = moved.map((s) => {
      if (s.end <= start) return s;
      if (s.start >= end) return { ...s, start: s.start + delta, end: s.end + delta };
      return { ...s, start: Math.min(s.start, start), end: s.end >= end ? s.end + delta : end + delta };
    });
    shift += delta;
  });
  return { text: out, spans: moved };
}
