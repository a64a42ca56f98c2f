/**
 * Stadhuistaal: the stiff administrative words a plain-language guide tells you to avoid
 * ("teneinde", "gelieve", "dienen te"), each with the plain word(s) to write instead. The list is
 * content (`content/stadhuistaal.yaml`, coaches extend it), compiled at build time to
 * `writing/stadhuistaal.json`, which the writing desk loads when it opens.
 *
 * A phrase is one or more words; `…` between words stands for up to MAX_GAP other words in the
 * same sentence ("dient … te" finds "U dient het formulier terug te sturen"). Matching is on whole
 * words, folded like all Dutch text here (case, diacritics, invisible and bidi marks do not count),
 * through a Map keyed by the first word, so a typed word is never an object property.
 */
import { fold, INVISIBLE, removeInvisible } from '../content/text.ts';
import { finding, matchCase, type Finding } from './findings.ts';
import { sentences } from './text.ts';

export const STADHUISTAAL_FORMAT = 'vaktaal-stadhuistaal/1';
/** Where the build puts the compiled list, and where the desk fetches it. */
export const STADHUISTAAL_ASSET = 'writing/stadhuistaal.json';

/** How many words `…` may stand for. */
export const MAX_GAP = 8;
/** The gap mark; three dots are read as one. */
export const GAP = '…';

export interface StadhuistaalEntry {
  /** The word or phrase as the list names it: "teneinde", "dienen … te", "ten behoeve van". */
  term: string;
  /** Other forms that are flagged too (dient … te, dienden … te; tracht, trachtte). */
  forms: string[];
  /** The plain word(s), best first: "om … te", "als". */
  plain: string[];
  /** Why, in a sentence or two of Dutch. */
  why: string;
  /**
   * Whether a plain word can simply take the place of the term (indien → als). A form other than
   * the term, a phrase with a gap and a plain word with `…` never can: the sentence needs rewriting.
   */
  replace: boolean;
  /** 1-based line in the list, for messages. */
  line: number;
}

export interface StadhuistaalList {
  format: typeof STADHUISTAAL_FORMAT;
  entries: StadhuistaalEntry[];
}

export const NO_STADHUISTAAL: StadhuistaalList = { format: STADHUISTAAL_FORMAT, entries: [] };

/** A phrase as folded words per part; parts are separated by a gap. */
export type PhraseParts = string[][];

/** Three dots typed for the gap mark become the mark itself. */
export const withGapMark = (value: string): string => value.replace(/\.\.\./g, GAP);

/** "dient … te" → [["dient"], ["te"]]; words folded. Empty parts (a gap at an end, two gaps) are kept empty, for the validator. */
export function phraseParts(phrase: string): PhraseParts {
  return withGapMark(phrase)
    .split(GAP)
    .map((part) => fold(part).split(' ').filter(Boolean));
}

/** The one way a phrase is written, for telling duplicates apart: "dient … te". */
export function phraseKey(phrase: string): string {
  return phraseParts(phrase)
    .map((p) => p.join(' '))
    .join(` ${GAP} `);
}

interface Pattern {
  parts: PhraseParts;
  entry: StadhuistaalEntry;
  /** The term itself, written without gaps: a plain word may take its place. */
  replaceable: boolean;
  words: number;
}

export interface StadhuistaalMatcher {
  /** First folded word → the patterns that start with it, longest first. */
  byFirst: Map<string, Pattern[]>;
  size: number;
}

/** Compiles the list once: every term and form, indexed by its first word. */
export function stadhuistaalMatcher(list: StadhuistaalList): StadhuistaalMatcher {
  const byFirst = new Map<string, Pattern[]>();
  const seen = new Set<string>();
  for (const entry of list.entries) {
    for (const phrase of [entry.term, ...entry.forms]) {
      const parts = phraseParts(phrase);
      const key = phraseKey(phrase);
      const first = parts[0]?.[0];
      // The validator refuses these; a list made by hand may still have them.
      if (!first || parts.some((p) => !p.length) || seen.has(key)) continue;
      seen.add(key);
      const pattern: Pattern = { parts, entry, replaceable: phrase === entry.term && parts.length === 1, words: parts.flat().length };
      const list = byFirst.get(first);
      if (list) list.push(pattern);
      else byFirst.set(first, [pattern]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words - a.words);
  return { byFirst, size: seen.size };
}

/** Checks the compiled list's shape (it is fetched, so it may be stale or damaged). */
export function readStadhuistaalList(input: unknown): StadhuistaalList {
  const data = input as Partial<StadhuistaalList> | null;
  if (!data || data.format !== STADHUISTAAL_FORMAT || !Array.isArray(data.entries)) {
    throw new Error(`stadhuistaal list: expected format "${STADHUISTAAL_FORMAT}" with entries; rebuild the app.`);
  }
  const text = (v: unknown) => typeof v === 'string';
  for (const e of data.entries) {
    if (
      !e ||
      !text(e.term) ||
      !Array.isArray(e.forms) ||
      !e.forms.every(text) ||
      !Array.isArray(e.plain) ||
      !e.plain.every(text) ||
      !text(e.why)
    ) {
      throw new Error(`stadhuistaal list: a damaged entry (${JSON.stringify(e)?.slice(0, 80)}); rebuild the app.`);
    }
  }
  return data as StadhuistaalList;
}

interface Token {
  key: string;
  start: number;
  end: number;
  sentence: number;
}

// Letters, with inner apostrophes or hyphens and the invisible marks a keyboard slips into a word
// (te\u200Bneinde); never part of a longer word or a code ("reedsheid", "reeds2").
const INNER = `[\\p{L}\\p{M}${INVISIBLE.source.slice(1, -1)}]`;
const PART = `\\p{L}(?:${INNER}*[\\p{L}\\p{M}])?`;
const EDGE = '[\\p{L}\\p{M}\\p{N}_]';
const TOKEN = new RegExp(`(?<!${EDGE})${PART}(?:['’-]${PART})*(?!${EDGE})`, 'gu');
/** A gap ends at "om": in "Ik dien het in om tijd te winnen" the te belongs to om. */
const GAP_STOP = new Set(['om']);

function tokens(text: string): Token[] {
  const bounds = sentences(text);
  const out: Token[] = [];
  let s = 0;
  for (const m of text.matchAll(TOKEN)) {
    const key = fold(m[0]);
    if (!key) continue;
    while (s < bounds.length - 1 && m.index >= bounds[s]!.end) s++;
    out.push({ key, start: m.index, end: m.index + m[0].length, sentence: s });
  }
  return out;
}

/** Whether only spaces (and invisible marks) stand between two tokens: no comma, no full stop. */
function adjacent(text: string, a: Token, b: Token): boolean {
  return a.sentence === b.sentence && /^\s+$/.test(removeInvisible(text.slice(a.end, b.start)));
}

/** Tokens from `at` spell `words`, one next to the other; returns the index after them, or -1. */
function spells(text: string, ts: readonly Token[], at: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) {
    const t = ts[at + k];
    if (!t || t.key !== words[k] || (k > 0 && !adjacent(text, ts[at + k - 1]!, t))) return -1;
  }
  return at + words.length;
}

/** Where a pattern matches from token `i`: the index after its last token, or -1. */
function matchAt(text: string, ts: readonly Token[], i: number, parts: PhraseParts): number {
  let next = spells(text, ts, i, parts[0]!);
  for (let p = 1; p < parts.length && next >= 0; p++) {
    const sentence = ts[i]!.sentence;
    let found = -1;
    for (let j = next; j <= next + MAX_GAP && j < ts.length && ts[j]!.sentence === sentence; j++) {
      found = spells(text, ts, j, parts[p]!);
      if (found >= 0 || GAP_STOP.has(ts[j]!.key)) break;
    }
    next = found;
  }
  return next;
}

/** Every stadhuistaal word or phrase in the text, with the plain word(s) and why. */
export function checkStadhuistaal(text: string, matcher: StadhuistaalMatcher | undefined): Finding[] {
  if (!matcher?.size) return [];
  const ts = tokens(text);
  const out: Finding[] = [];
  for (let i = 0; i < ts.length; i++) {
    const candidates = matcher.byFirst.get(ts[i]!.key);
    if (!candidates) continue;
    for (const pattern of candidates) {
      const after = matchAt(text, ts, i, pattern.parts);
      if (after < 0) continue;
      const { entry } = pattern;
      const start = ts[i]!.start;
      const end = ts[after - 1]!.end;
      const written = text.slice(start, end);
      const swaps = pattern.replaceable && entry.replace ? entry.plain.filter((p) => !p.includes(GAP)) : [];
      out.push(
        finding(
          'klareTaal',
          'stadhuistaal',
          text,
          start,
          end,
          { word: written, term: entry.term, plain: entry.plain.join(' / '), why: entry.why },
          swaps.map((p) => matchCase(written, p)),
        ),
      );
      // The words of the first part are taken; a gap's words may hold another finding.
      i += pattern.parts[0]!.length - 1;
      break;
    }
  }
  return out;
}
