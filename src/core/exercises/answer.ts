/**
 * Checking a typed answer against a card's expected answer (and its alternatives).
 *
 * Rules, in short (see checkAnswer):
 * - correct/exact: equal after normalizeAnswer (trim, collapse whitespace, ignore case,
 *   ignore one final full stop, ’ = ').
 * - almost: every word is exact, differs only in diacritics (accent), or is within its own
 *   typo budget (typo). Words are aligned by position; the word count must match.
 * - wrong: an article error (de/het wrong, missing or extra), a d/t/dt ending error, or anything else.
 *
 * Interpretations chosen where the product issue left room:
 * - Punctuation inside the answer is significant and is part of the word it is attached to; each
 *   punctuation mark counts as one character in the edit distance, while the typo budget depends only
 *   on the number of letters of the expected word. So "email" for "e-mail" (5 letters, one deletion)
 *   is a typo, but "e mail" is two words for one and therefore wrong: the word count must match and
 *   we don't guess at splits and joins.
 * - Diacritics never use up typo budget: the distance is measured on diacritic-free forms, because an
 *   accent slip is forgiven on its own anyway.
 * - The d/t/dt rule is structural (we have no part-of-speech data): a word whose maximal d/t/dt ending
 *   differs from the expected one while the rest of the word (the stem) matches is a dt error. The stem
 *   may differ by accents or by a typo within the word's budget: like the article rule, the ending
 *   error wins over a slip elsewhere in the word. Nouns like raad/raat are caught too; that is the same
 *   final-devoicing confusion, and it is wrong either way.
 * - Articles are de, het and the indefinite een. An article is read as belonging to the word that
 *   follows it, so "de aanvraag" and "aanvraag" both count as one word and an article that is
 *   missing, extra or different is an article error, provided that word itself matches (exact,
 *   accent, typo or dt). A trailing article with no word after it is an ordinary word (so an answer
 *   of just "de" vs "het" is still an article error, via the word comparison).
 * - "een aanvraag" for "de aanvraag" is an article error of its own kind ('indefinite'): the learner
 *   avoided the article the word must be learnt with, and the feedback says so. That holds with an
 *   adjective too ("een openbare procedure"), where before a het-word the adjective rightly loses
 *   its -e ("een groot plan" for "het grote plan"), and for a plural word ("een notulen").
 * - Reason priority inside one answer: article > dt > other > typo > accent > exact; the outcome is
 *   wrong for the first three, almost for typo/accent.
 */

import { gapMatchesTerm } from '../content/inflection.ts';
import { alignmentTable, editDistance, INVISIBLE, straightenApostrophes, stripDiacritics } from '../content/text.ts';

export type Outcome = 'correct' | 'almost' | 'wrong';
export type Reason = 'exact' | 'accent' | 'typo' | 'article' | 'dt' | 'other';

/**
 * One piece of the given-vs-expected diff.
 * - same: in both; `text` is the learner's spelling (case may differ from the expected one).
 * - missing: only in the expected answer; `text` is what should have been there.
 * - extra: only in the given answer.
 * - changed: `text` (given) stands where `expected` should have been.
 * Concatenating same/extra/changed `text` gives the (cleaned) given answer; concatenating
 * same/missing `text` and changed `expected` gives the (cleaned) expected answer.
 */
export interface DiffPart {
  kind: 'same' | 'missing' | 'extra' | 'changed';
  text: string;
  expected?: string;
}

export interface AnswerCheck {
  outcome: Outcome;
  reason: Reason;
  /** The answer or alternative this result was computed against, exactly as passed in. */
  matched: string;
  /** i18n key: `feedback.reason.<reason>`, or `feedback.reason.article_indefinite` for een instead of de/het. */
  explanationKey: string;
  /**
   * Always has `expected` (the cleaned matched answer). Per reason:
   * accent/typo/dt: `word` (expected word), `given` (learner's word);
   * dt also `ending`, `givenEnding`; article: `article` (expected article, '' if none),
   * `givenArticle` ('' if none), `noun`, `phrase` (expected article + noun), `given`,
   * `kind` ('wrong' | 'missing' | 'extra' | 'indefinite': een where de or het belongs).
   */
  explanationParams: Record<string, string>;
  diff: DiffPart[];
}

/** Articles read as part of the word after them: the definite de and het, and the indefinite een. */
const ARTICLES: ReadonlySet<string> = new Set(['de', 'het', 'een']);
const INDEFINITE = 'een';
const DEFINITE: ReadonlySet<string> = new Set(['de', 'het']);

const OUTCOME_RANK: Record<Outcome, number> = { correct: 2, almost: 1, wrong: 0 };
// Higher = reported in preference when several words of one answer disagree.
const REASON_PRIORITY: Record<Reason, number> = { exact: 0, accent: 1, typo: 2, other: 3, dt: 4, article: 5 };

function outcomeOf(reason: Reason): Outcome {
  switch (reason) {
    case 'exact':
      return 'correct';
    case 'accent':
    case 'typo':
      return 'almost';
    default:
      return 'wrong';
  }
}

/** Cleaned form that keeps the learner's letter case, for display and diffs. */
function cleanAnswer(s: string): string {
  // Typographic apostrophes and the accents people type for them: ’s middags = 's middags.
  return (
    straightenApostrophes(s)
      .normalize('NFC')
      // Invisible characters that sneak in from copy-paste, mobile and right-to-left keyboards.
      .replace(INVISIBLE, '')
      // The ĳ ligature is the digraph ij.
      .replace(/ĳ/g, 'ij')
      .replace(/Ĳ/g, 'IJ')
      .replace(/\s+/g, ' ')
      .trim()
      // Only one final full stop is ignored; ! and ? stay significant.
      .replace(/\.$/, '')
      .trimEnd()
  );
}

/** The form used for exact comparison: cleaned and lowercased. */
export function normalizeAnswer(s: string): string {
  return cleanAnswer(s).toLowerCase();
}

function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/** Typo budget from the expected word's letter count: <5 none, 5–9 one edit, 10+ two. */
export function typoBudget(expectedWord: string): number {
  const n = letterCount(expectedWord);
  if (n >= 10) return 2;
  if (n >= 5) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Word comparison

interface WordResult {
  reason: Reason;
  params: Record<string, string>;
}

/** Splits trailing punctuation off, so "wordt," is core "wordt" + tail ",". */
function splitTail(word: string): { core: string; tail: string } {
  const m = /^(.*?)(\P{L}*)$/u.exec(word);
  return { core: m?.[1] ?? word, tail: m?.[2] ?? '' };
}

/** The maximal d/t/dt ending of a word ('' if none). */
function dtEnding(core: string): '' | 'd' | 't' | 'dt' {
  if (core.endsWith('dt')) return 'dt';
  if (core.endsWith('d')) return 'd';
  if (core.endsWith('t')) return 't';
  return '';
}

/** Whether given/expected differ in their d/t/dt ending while the stems match (up to accents/typo budget). */
function dtConfusion(given: string, expected: string): { ending: string; givenEnding: string } | null {
  const g = splitTail(given);
  const e = splitTail(expected);
  if (g.tail !== e.tail) return null;
  const ge = dtEnding(g.core);
  const ee = dtEnding(e.core);
  if (ge === '' || ee === '' || ge === ee) return null;
  const gStem = stripDiacritics(g.core.slice(0, g.core.length - ge.length));
  const eStem = stripDiacritics(e.core.slice(0, e.core.length - ee.length));
  // A bare "d" vs "t" has no stem to share; that's not a verb ending.
  if (letterCount(eStem) === 0) return null;
  if (gStem !== eStem && editDistance(gStem, eStem) > typoBudget(expected)) return null;
  return { ending: ee, givenEnding: ge };
}

function compareWord(given: string, expected: string, gDisplay: string, eDisplay: string): WordResult {
  if (given === expected) return { reason: 'exact', params: {} };
  const pair = { word: eDisplay, given: gDisplay };
  if (ARTICLES.has(given) && ARTICLES.has(expected)) {
    // A lone article (e.g. a fill-in-the-article exercise): de vs het, or een for either.
    return {
      reason: 'article',
      params: {
        article: eDisplay,
        givenArticle: gDisplay,
        noun: '',
        phrase: eDisplay,
        given: gDisplay,
        kind: articleKind(given, expected),
      },
    };
  }
  const dt = dtConfusion(given, expected);
  if (dt) return { reason: 'dt', params: { ...pair, ...dt } };
  const gFold = stripDiacritics(given);
  const eFold = stripDiacritics(expected);
  if (gFold === eFold) return { reason: 'accent', params: pair };
  const budget = typoBudget(expected);
  if (budget > 0 && editDistance(gFold, eFold) <= budget) return { reason: 'typo', params: pair };
  return { reason: 'other', params: pair };
}

// ---------------------------------------------------------------------------------------------
// Units: an optional de/het plus the word it belongs to

interface Unit {
  article: string | null; // normalized (lowercase)
  word: string; // normalized (lowercase)
  articleDisplay: string;
  wordDisplay: string;
}

function toUnits(display: string, articles: ReadonlySet<string> = ARTICLES): Unit[] {
  const shown = display === '' ? [] : display.split(' ');
  const units: Unit[] = [];
  for (let i = 0; i < shown.length; i++) {
    const d = shown[i] as string;
    const n = d.toLowerCase();
    const next = shown[i + 1];
    // An article attaches to the next word, unless that is an article too or there is none.
    if (articles.has(n) && next !== undefined && !articles.has(next.toLowerCase())) {
      units.push({ article: n, articleDisplay: d, word: next.toLowerCase(), wordDisplay: next });
      i++;
    } else {
      units.push({ article: null, articleDisplay: '', word: n, wordDisplay: d });
    }
  }
  return units;
}

/** How a given article differs from the expected one (both may be null: no article). */
function articleKind(given: string | null, expected: string | null): 'missing' | 'extra' | 'indefinite' | 'wrong' {
  if (given === null) return 'missing';
  if (expected === null) return 'extra';
  return given === INDEFINITE && expected !== INDEFINITE ? 'indefinite' : 'wrong';
}

/** "groot" after een where the het-word has "grote": the adjective rightly without its -e. */
function bareAdjective(given: string, expected: string): boolean {
  return expected.endsWith('e') && !given.endsWith('e') && gapMatchesTerm({ term: given, type: 'adjective' }, expected);
}

function compareUnit(g: Unit, e: Unit): WordResult {
  let w = compareWord(g.word, e.word, g.wordDisplay, e.wordDisplay);
  if (g.article === e.article) return w;
  if (w.reason === 'other' && g.article === INDEFINITE && e.article === 'het' && bareAdjective(g.word, e.word))
    w = { reason: 'exact', params: {} };
  if (w.reason === 'other') return w;
  // The article is judged against the noun only when the noun itself is recognisably the right one.
  const kind = articleKind(g.article, e.article);
  return {
    reason: 'article',
    params: {
      article: e.articleDisplay.toLowerCase(),
      givenArticle: g.articleDisplay.toLowerCase(),
      noun: e.wordDisplay,
      phrase: e.article === null ? e.wordDisplay : `${e.articleDisplay} ${e.wordDisplay}`,
      given: g.article === null ? g.wordDisplay : `${g.articleDisplay} ${g.wordDisplay}`,
      kind,
    },
  };
}

interface CandidateResult {
  index: number;
  reason: Reason;
  params: Record<string, string>;
  distance: number;
}

function checkCandidate(givenClean: string, candidate: string, index: number): CandidateResult {
  const expClean = cleanAnswer(candidate);
  const gNorm = givenClean.toLowerCase();
  const eNorm = expClean.toLowerCase();
  const distance = editDistance(gNorm, eNorm);
  const base = { expected: expClean };
  if (gNorm === eNorm) return { index, reason: 'exact', params: base, distance };

  let gUnits = toUnits(givenClean);
  let eUnits = toUnits(expClean);
  if (gUnits.length !== eUnits.length) {
    // "een" may be the numeral één written without accents ("Een cafe" for "één café"): then it is a word.
    gUnits = toUnits(givenClean, DEFINITE);
    eUnits = toUnits(expClean, DEFINITE);
  }
  if (gNorm === '' || gUnits.length !== eUnits.length) {
    return { index, reason: 'other', params: { ...base, given: givenClean }, distance };
  }
  let best: WordResult = { reason: 'exact', params: {} };
  for (let i = 0; i < eUnits.length; i++) {
    const r = compareUnit(gUnits[i] as Unit, eUnits[i] as Unit);
    // Strict '>' keeps the first word with the winning reason for the explanation.
    if (REASON_PRIORITY[r.reason] > REASON_PRIORITY[best.reason]) best = r;
  }
  return { index, reason: best.reason, params: { ...base, ...best.params }, distance };
}

// Among almost results, an accent slip is milder than a typo.
const ALMOST_RANK: Partial<Record<Reason, number>> = { accent: 1, typo: 0 };

/** True if a is a better result to report than b. */
function better(a: CandidateResult, b: CandidateResult): boolean {
  const oa = outcomeOf(a.reason);
  const ob = outcomeOf(b.reason);
  if (oa !== ob) return OUTCOME_RANK[oa] > OUTCOME_RANK[ob];
  if (oa === 'almost') {
    const ra = ALMOST_RANK[a.reason] ?? 0;
    const rb = ALMOST_RANK[b.reason] ?? 0;
    if (ra !== rb) return ra > rb;
  }
  if (oa === 'wrong' && a.reason !== b.reason) {
    // The most specific diagnosis helps the learner most: article, then dt, then other.
    return REASON_PRIORITY[a.reason] > REASON_PRIORITY[b.reason];
  }
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.index < b.index;
}

/**
 * Checks a typed answer against the expected answer and its alternatives; the best result wins
 * (correct > almost > wrong; among wrong results article > dt > other; then the closest candidate).
 */
export function checkAnswer(given: string, expected: { answer: string; alternatives?: string[] }): AnswerCheck {
  const candidates = [expected.answer, ...(expected.alternatives ?? [])];
  const givenClean = cleanAnswer(given);
  let best: CandidateResult | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const r = checkCandidate(givenClean, candidates[i] as string, i);
    if (best === null || better(r, best)) best = r;
  }
  // candidates always has at least expected.answer.
  const result = best as CandidateResult;
  const matched = candidates[result.index] as string;
  const indefinite = result.reason === 'article' && result.params.kind === 'indefinite';
  return {
    outcome: outcomeOf(result.reason),
    reason: result.reason,
    matched,
    explanationKey: indefinite ? 'feedback.reason.article_indefinite' : `feedback.reason.${result.reason}`,
    explanationParams: result.params,
    diff: diffAnswers(givenClean, cleanAnswer(matched)),
  };
}

/** FSRS rating for an outcome: wrong = Again (1), almost = Hard (2), correct = Good (3). */
export function ratingFor(outcome: Outcome): 1 | 2 | 3 {
  switch (outcome) {
    case 'wrong':
      return 1;
    case 'almost':
      return 2;
    case 'correct':
      return 3;
  }
}

// ---------------------------------------------------------------------------------------------
// Diff for highlighting: align words, then characters inside words that look related.

type WordOp = { op: 'same' | 'pair'; g: string; e: string } | { op: 'missing'; e: string } | { op: 'extra'; g: string };

/** Whether two words are close enough that a character-level diff reads well. */
function related(g: string, e: string): boolean {
  const gl = stripDiacritics(g.toLowerCase());
  const el = stripDiacritics(e.toLowerCase());
  const len = Math.max(Array.from(gl).length, Array.from(el).length);
  return editDistance(gl, el) <= Math.max(1, Math.floor(len / 2));
}

function alignWords(gw: readonly string[], ew: readonly string[]): WordOp[] {
  // Edit-distance alignment over words: equal = 0, related = 0.5, unrelated swap = 1.5, gap = 1.
  // An unrelated pair (1.5) still beats missing + extra (2) but loses to skipping a word.
  const pairCost = (g: string, e: string): number => (g.toLowerCase() === e.toLowerCase() ? 0 : related(g, e) ? 0.5 : 1.5);
  const n = gw.length;
  const m = ew.length;
  const c: number[][] = [];
  for (let i = 0; i <= n; i++) c.push(new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => (c[i] as number[])[j] as number;
  for (let i = 0; i <= n; i++) (c[i] as number[])[0] = i;
  for (let j = 0; j <= m; j++) (c[0] as number[])[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      (c[i] as number[])[j] = Math.min(
        at(i - 1, j - 1) + pairCost(gw[i - 1] as string, ew[j - 1] as string),
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
      );
    }
  }
  const ops: WordOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const g = gw[i - 1];
    const e = ew[j - 1];
    if (i > 0 && j > 0 && g !== undefined && e !== undefined && at(i, j) === at(i - 1, j - 1) + pairCost(g, e)) {
      ops.push({ op: g.toLowerCase() === e.toLowerCase() ? 'same' : 'pair', g, e });
      i--;
      j--;
    } else if (j > 0 && e !== undefined && at(i, j) === at(i, j - 1) + 1) {
      ops.push({ op: 'missing', e });
      j--;
    } else if (g !== undefined) {
      ops.push({ op: 'extra', g });
      i--;
    } else {
      break; // unreachable; keeps the loop provably finite
    }
  }
  return ops.reverse();
}

/** Character-level diff of two related words (OSA alignment, case-insensitive). */
function diffChars(g: string, e: string): DiffPart[] {
  const x = Array.from(g);
  const y = Array.from(e);
  const xl = x.map((ch) => ch.toLowerCase());
  const yl = y.map((ch) => ch.toLowerCase());
  const d = alignmentTable(xl, yl);
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  const parts: DiffPart[] = [];
  let i = x.length;
  let j = y.length;
  while (i > 0 || j > 0) {
    const xi = x[i - 1] ?? '';
    const yj = y[j - 1] ?? '';
    if (i > 0 && j > 0 && xl[i - 1] === yl[j - 1] && at(i, j) === at(i - 1, j - 1)) {
      parts.push({ kind: 'same', text: xi });
      i--;
      j--;
    } else if (i > 0 && j > 0 && at(i, j) === at(i - 1, j - 1) + 1) {
      parts.push({ kind: 'changed', text: xi, expected: yj });
      i--;
      j--;
    } else if (i > 1 && j > 1 && xl[i - 1] === yl[j - 2] && xl[i - 2] === yl[j - 1] && at(i, j) === at(i - 2, j - 2) + 1) {
      // Swapped neighbours: one changed pair.
      parts.push({ kind: 'changed', text: `${x[i - 2] ?? ''}${xi}`, expected: `${y[j - 2] ?? ''}${yj}` });
      i -= 2;
      j -= 2;
    } else if (j > 0 && at(i, j) === at(i, j - 1) + 1) {
      parts.push({ kind: 'missing', text: yj });
      j--;
    } else {
      parts.push({ kind: 'extra', text: xi });
      i--;
    }
  }
  return parts.reverse();
}

function pushPart(parts: DiffPart[], part: DiffPart): void {
  if (part.text === '' && (part.expected ?? '') === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === part.kind) {
    last.text += part.text;
    if (part.kind === 'changed') last.expected = (last.expected ?? '') + (part.expected ?? '');
    return;
  }
  parts.push(part.kind === 'changed' ? { ...part } : { kind: part.kind, text: part.text });
}

/** Diff of two cleaned answers; spaces are attributed to whichever side actually has them. */
function diffAnswers(given: string, expected: string): DiffPart[] {
  const gw = given === '' ? [] : given.split(' ');
  const ew = expected === '' ? [] : expected.split(' ');
  const parts: DiffPart[] = [];
  let gPrev = false;
  let ePrev = false;
  for (const op of alignWords(gw, ew)) {
    const gHas = op.op !== 'missing';
    const eHas = op.op !== 'extra';
    const gSep = gHas && gPrev;
    const eSep = eHas && ePrev;
    if (gSep && eSep) pushPart(parts, { kind: 'same', text: ' ' });
    else if (gSep) pushPart(parts, { kind: 'extra', text: ' ' });
    else if (eSep) pushPart(parts, { kind: 'missing', text: ' ' });

    if (op.op === 'same') pushPart(parts, { kind: 'same', text: op.g });
    else if (op.op === 'missing') pushPart(parts, { kind: 'missing', text: op.e });
    else if (op.op === 'extra') pushPart(parts, { kind: 'extra', text: op.g });
    else if (related(op.g, op.e)) for (const p of diffChars(op.g, op.e)) pushPart(parts, p);
    else pushPart(parts, { kind: 'changed', text: op.g, expected: op.e });

    gPrev ||= gHas;
    ePrev ||= eHas;
  }
  return parts;
}
