/**
 * Text rules used everywhere Dutch text is compared or shuffled: written once (issue 11 "one of
 * each rule"). Answer checking, drills, the glossary, the desk, the QA and import all call these.
 */

/**
 * Characters a reader cannot see that keyboards and copy-paste insert: the soft hyphen, zero-width
 * space/joiners, word joiner, byte-order mark, and the bidirectional marks right-to-left keyboards
 * add (LRM, RLM, ALM, the embeddings and overrides LRE…RLO, the isolates LRI…PDI).
 */
export const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Whether a text holds an invisible character (content validation warns about them). */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text);
}

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Typographic apostrophes and the accents people type for them: ’s middags = 's middags. */
const APOSTROPHES = /[’‘ʼ´`]/g;

export function straightenApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

/** Removes diacritics (NFD, drop combining marks, back to NFC): ë → e, é → e. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Lowercase, no diacritics, no invisible characters, apostrophes straightened, spaces collapsed: Dutch text compared loosely. */
export function fold(text: string): string {
  return straightenApostrophes(stripDiacritics(removeInvisible(text)))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `fold` that keeps every character where it is, for finding a match and pointing back into the
 * original text (a rubric word, a highlight): lowercase, no diacritics, apostrophes straightened;
 * nothing removed or collapsed. (Input from a text field is NFC, so stripping marks keeps length.)
 */
export function foldInPlace(text: string): string {
  return straightenApostrophes(text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
}

/** The optimal-string-alignment (restricted Damerau–Levenshtein) table over code points; the distance is its last cell. */
export function alignmentTable(x: readonly string[], y: readonly string[]): number[][] {
  const d: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    row[0] = i;
    d.push(row);
  }
  for (let j = 0; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    const row = d[i]!;
    const prev = d[i - 1]!;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      row[j] = v;
    }
  }
  return d;
}

/** Edit distance (insert, delete, substitute, swap two neighbours) over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  return alignmentTable(x, y)[x.length]![y.length]!;
}

/** Whether x from xFrom to its end equals y[yFrom, yTo): the rest after the one difference. */
function sameRest(x: readonly string[], xFrom: number, y: readonly string[], yFrom: number, yTo: number): boolean {
  if (x.length - xFrom !== yTo - yFrom) return false;
  for (let i = 0; xFrom + i < x.length; i++) if (x[xFrom + i] !== y[yFrom + i]) return false;
  return true;
}

/**
 * `editDistance(x, y.slice(0, yLength)) <= 1` over code points, without the table: walk to the
 * first difference, then the rest must match after one insert, delete, substitution or swap of two
 * neighbours. Linear, so a search can try it on every term as the trainee types.
 */
export function withinOneEdit(x: readonly string[], y: readonly string[], yLength = y.length): boolean {
  const m = Math.min(yLength, y.length);
  if (Math.abs(x.length - m) > 1) return false;
  let i = 0;
  while (i < x.length && i < m && x[i] === y[i]) i++;
  if (i === x.length && i === m) return true;
  if (x.length === m) {
    if (sameRest(x, i + 1, y, i + 1, m)) return true;
    return i + 1 < m && x[i] === y[i + 1] && x[i + 1] === y[i] && sameRest(x, i + 2, y, i + 2, m);
  }
  // One letter more on one side: skip it there.
  return x.length > m ? sameRest(x, i + 1, y, i, m) : sameRest(x, i, y, i + 1, m);
}

function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small seeded generator (FNV-1a seed, mulberry32): the same seed always gives the same numbers, so a reload shows the same order. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, driven by a seed (or a generator made by seededRandom). */
export function shuffle<T>(list: readonly T[], seed: string | (() => number)): T[] {
  const random = typeof seed === 'string' ? seededRandom(seed) : seed;
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
