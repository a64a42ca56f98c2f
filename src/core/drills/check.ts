/**
 * Checking the answers to drill items. Pure functions: the drill screen and the content QA both
 * use them. Gap items go through checkAnswer (so a d/t slip gets the dt explanation); the other
 * kinds have their own rules, written down at each function.
 */
import { checkAnswer, ratingFor, type AnswerCheck } from '../exercises/answer.ts';
import type { ChoiceItem, FixItem, GapItem, OrderItem, RewriteItem } from './drillModel.ts';
import { applyVariants } from './equivalents.ts';
import { foldInPlace, removeInvisible, shuffle, straightenApostrophes } from '../content/text.ts';

export type DrillRating = 1 | 2 | 3;

/** Same text for comparing sentences: typographic quotes, spaces, case and a final . ? ! do not count. */
export function normalizeSentence(s: string): string {
  // Invisible marks (soft hyphen, zero-width, bidi) that keyboards and copy-paste insert do not count either.
  return straightenApostrophes(removeInvisible(s))
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[.?!]+$/, '')
    .toLowerCase();
}

// ---- gap ---------------------------------------------------------------------------------------

export function checkGap(item: Pick<GapItem, 'answer' | 'alternatives'>, given: string): AnswerCheck {
  return checkAnswer(given, { answer: item.answer, alternatives: item.alternatives });
}

/** The gap sentence with the gap filled, for showing the whole sentence after answering. */
export function fillGap(sentence: string, answer: string): string {
  return sentence.replace(/_{3,}/, answer);
}

// ---- choice ------------------------------------------------------------------------------------

export function checkChoice(item: Pick<ChoiceItem, 'answer'>, chosen: string): boolean {
  return chosen === item.answer;
}

// ---- order -------------------------------------------------------------------------------------

/**
 * An order of the tiles (indices) that spells `sentence`, or null when the tiles cannot form it.
 * Each tile is used exactly once; tiles may hold several words. Backtracking is fine: an item has
 * at most 14 tiles and nearly every branch dies at once.
 */
export function tileOrderFor(tiles: readonly string[], sentence: string): number[] | null {
  const target = normalizeSentence(sentence);
  const norm = tiles.map((t) => normalizeSentence(t));
  const used = new Array<boolean>(tiles.length).fill(false);
  const order: number[] = [];
  const search = (pos: number): boolean => {
    if (order.length === tiles.length) return pos === target.length;
    for (let i = 0; i < norm.length; i++) {
      const tile = norm[i]!;
      if (used[i] || !tile || !target.startsWith(tile, pos)) continue;
      const end = pos + tile.length;
      const last = order.length === tiles.length - 1;
      if (last ? end !== target.length : target[end] !== ' ') continue;
      used[i] = true;
      order.push(i);
      if (search(last ? end : end + 1)) return true;
      order.pop();
      used[i] = false;
    }
    return false;
  };
  return search(0) ? order : null;
}

/** The sentence a trainee built: tiles joined, a capital at the start, the answer's end mark. */
export function buildSentence(tiles: readonly string[], answer: string): string {
  const joined = tiles.join(' ').trim();
  if (!joined) return '';
  const end = /[.?!]+$/.exec(answer.trim())?.[0] ?? '';
  return joined.charAt(0).toUpperCase() + joined.slice(1) + end;
}

/** Tiles as the pool shows them: the first word loses its capital, so it gives nothing away. */
export function tileLabel(tile: string, answer: string): string {
  const first = normalizeSentence(answer).split(' ')[0] ?? '';
  const word = tile.split(' ')[0] ?? '';
  // Only the sentence-initial word is lowered, and only when the rest of it is lowercase (not "OCMW").
  if (word.toLowerCase() === first && word.slice(1) === word.slice(1).toLowerCase()) {
    return tile.charAt(0).toLowerCase() + tile.slice(1);
  }
  return tile;
}

/** Tile indices in the order the pool shows them: shuffled, and never already a right answer. */
export function poolOrder(item: Pick<OrderItem, 'id' | 'tiles' | 'answer' | 'alternatives'>): number[] {
  const indices = item.tiles.map((_, i) => i);
  const accepted = new Set([item.answer, ...item.alternatives].map(normalizeSentence));
  for (let attempt = 0; attempt < 20; attempt++) {
    const order = shuffle(indices, `${item.id}#${attempt}`);
    if (!accepted.has(normalizeSentence(order.map((i) => item.tiles[i]).join(' ')))) return order;
  }
  return [...indices].reverse();
}

export interface OrderCheck {
  correct: boolean;
  /** The trainee's sentence, with capital and end mark. */
  given: string;
  /** The accepted sentence closest to what was given (the answer unless an alternative matched). */
  expected: string;
}

/** Right when the built sentence is the answer or one of the alternatives (case and final mark aside). */
export function checkOrder(item: Pick<OrderItem, 'tiles' | 'answer' | 'alternatives'>, chosen: readonly number[]): OrderCheck {
  const given = buildSentence(
    chosen.map((i) => item.tiles[i] ?? ''),
    item.answer,
  );
  const norm = normalizeSentence(given);
  const match = [item.answer, ...item.alternatives].find((s) => normalizeSentence(s) === norm);
  return { correct: match !== undefined && chosen.length === item.tiles.length, given, expected: match ?? item.answer };
}

// ---- fix ---------------------------------------------------------------------------------------

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/\S+/g)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const same = (a: string, b: string) => a.normalize('NFC').replace(/[’‘]/g, "'") === b.normalize('NFC').replace(/[’‘]/g, "'");

/** Longest common subsequence of two token lists: the pairs (i in a, j in b) that stay the same. */
function lcsPairs(a: readonly Token[], b: readonly Token[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i]![j] = same(a[i]!.text, b[j]!.text) ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!.text, b[j]!.text) && L[i]![j] === L[i + 1]![j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export interface FixErrorResult {
  wrong: string;
  right: string;
  note?: string;
  found: boolean;
  /** What the trainee has at that place (their tokens between the nearest unchanged words). */
  given: string;
}

export interface FixChange {
  /** What the corrected text has there ('' when the trainee added words). */
  expected: string;
  /** What the trainee wrote there ('' when they removed words). */
  given: string;
}

export interface FixCheck {
  errors: FixErrorResult[];
  found: number;
  /** Places where the trainee changed text that was right. */
  changes: FixChange[];
  rating: DrillRating;
}

/**
 * Compares the trainee's text with the corrected text, word by word (case and punctuation count:
 * capitals and commas are what these items practise). An error counts as found when the words
 * between the nearest unchanged neighbours are exactly the corrected ones. Anything else that
 * differs is a change to text that was right. Rating: every error found and nothing else broken =
 * Good; every error found but something else changed = Hard; an error missed = Again.
 *
 * Where the list of equivalent forms lets another form stand (`variants`: "Heeft u" for "Hebt u",
 * "Beste mevrouw" for "Geachte mevrouw"), the corrected text with that form counts as right too:
 * each place is tried in turn and kept when it explains more of the trainee's text.
 */
export function checkFix(item: Pick<FixItem, 'correct' | 'errors'> & Partial<Pick<FixItem, 'variants'>>, given: string): FixCheck {
  const variants = item.variants ?? [];
  const run = (choice: readonly number[]) => {
    const { text, spans } = applyVariants(item.correct, variants, choice, item.errors);
    return compareFix(text, spans, given);
  };
  const choice = variants.map(() => -1);
  let best = run(choice);
  // Places are independent (they never overlap), so trying each in turn finds the best mix.
  variants.forEach((v, k) => {
    v.alternatives.forEach((_, a) => {
      const trial = [...choice];
      trial[k] = a;
      const result = run(trial);
      if (result.found > best.found || (result.found === best.found && result.changes.length < best.changes.length)) {
        best = result;
        choice[k] = a;
      }
    });
  });
  return best;
}

function compareFix(correct: string, errorsIn: FixItem['errors'], given: string): FixCheck {
  const item = { correct, errors: errorsIn };
  const c = tokens(item.correct);
  const t = tokens(given);
  const pairs = lcsPairs(c, t);
  // Each error covers the corrected-text tokens that overlap its span.
  const regions = item.errors.map((e) => {
    const idx = c.flatMap((tok, i) => (tok.end > e.start && tok.start < e.end ? [i] : []));
    return { first: idx[0] ?? 0, last: idx[idx.length - 1] ?? 0 };
  });
  const anchorBefore = (ci: number): [number, number] => {
    for (let k = pairs.length - 1; k >= 0; k--) if (pairs[k]![0] < ci) return pairs[k]!;
    return [-1, -1];
  };
  const anchorAfter = (ci: number): [number, number] => {
    for (const p of pairs) if (p[0] > ci) return p;
    return [c.length, t.length];
  };
  const text = (list: readonly Token[], from: number, to: number) =>
    list
      .slice(from, to)
      .map((x) => x.text)
      .join(' ');

  const matchedC = new Set(pairs.map(([ci]) => ci));
  const anchors: [number, number][] = [[-1, -1], ...pairs, [c.length, t.length]];
  // Hunks: runs of differing tokens between two unchanged ones.
  const hunks = anchors.slice(0, -1).flatMap(([c0, t0], k) => {
    const [c1, t1] = anchors[k + 1]!;
    return c1 - c0 <= 1 && t1 - t0 <= 1 ? [] : [{ c0, t0, c1, t1, insertion: c1 - c0 === 1 }];
  });
  // A pure insertion right next to an error belongs to it ("de de" left for "de").
  const insertedAt = (r: { first: number; last: number }) => hunks.some((h) => h.insertion && h.c1 >= r.first && h.c0 <= r.last);

  const errors = item.errors.map((e, k): FixErrorResult => {
    const r = regions[k]!;
    const [, ta] = anchorBefore(r.first);
    const [, tb] = anchorAfter(r.last);
    let found = !insertedAt(r);
    for (let i = r.first; i <= r.last; i++) if (!matchedC.has(i)) found = false;
    return { wrong: e.wrong, right: e.right, ...(e.note ? { note: e.note } : {}), found, given: text(t, ta + 1, tb) };
  });

  // Hunks that touch no error are changes to text that was right.
  const changes: FixChange[] = [];
  for (const h of hunks) {
    const touches = regions.some((r) => (h.insertion ? h.c1 >= r.first && h.c0 <= r.last : h.c0 + 1 <= r.last && h.c1 - 1 >= r.first));
    if (!touches) changes.push({ expected: text(c, h.c0 + 1, h.c1), given: text(t, h.t0 + 1, h.t1) });
  }
  const found = errors.filter((e) => e.found).length;
  const rating: DrillRating = found < errors.length ? 1 : changes.length ? 2 : 3;
  return { errors, found, changes, rating };
}

// ---- rewrite -----------------------------------------------------------------------------------

/** A rubric entry as a pattern: whole words, `*` at the end of a word = any ending. */
function rubricPattern(entry: string): RegExp {
  const words = foldInPlace(entry.trim())
    .split(/\s+/)
    .map((w) => {
      const star = w.endsWith('*');
      const core = (star ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return star ? `${core}[\\p{L}\\p{N}'-]*` : core;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
}

export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

export interface RubricResult {
  avoid: { entry: string; ok: boolean; found?: string }[];
  include: { entry: string; ok: boolean }[];
  words: number;
  maxWords?: number;
  lengthOk: boolean;
  ok: boolean;
}

/**
 * The rubric of a rewrite item: none of `avoid` (whole words; `*` = any ending), every `include`
 * (each entry may list options as a|b), and at most `maxWords` words. The trainee then compares
 * with the model answer and grades themself: the rubric catches the obvious, not style.
 */
export function checkRubric(item: Pick<RewriteItem, 'avoid' | 'include' | 'maxWords'>, given: string): RubricResult {
  const folded = foldInPlace(given);
  const avoid = item.avoid.map((entry) => {
    const m = rubricPattern(entry).exec(folded);
    return m ? { entry, ok: false, found: given.slice(m.index, m.index + m[0].length) } : { entry, ok: true };
  });
  const include = item.include.map((entry) => ({
    entry,
    ok: entry.split('|').some((option) => option.trim() !== '' && rubricPattern(option).test(folded)),
  }));
  const words = wordCount(given);
  const lengthOk = item.maxWords === undefined || words <= item.maxWords;
  return {
    avoid,
    include,
    words,
    ...(item.maxWords !== undefined ? { maxWords: item.maxWords } : {}),
    lengthOk,
    ok: lengthOk && avoid.every((a) => a.ok) && include.every((i) => i.ok),
  };
}

export { ratingFor };
