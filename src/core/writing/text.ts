/**
 * Splitting a trainee's text into words, sentences and clauses, with offsets into the original
 * text so every finding can point at (and the UI can highlight) exactly what it is about.
 */
export interface Word {
  /** As written. */
  text: string;
  /** Lowercase, typographic apostrophe straightened. */
  lower: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  words: Word[];
}

// Letters with inner hyphens or apostrophes (e-mail, zo’n, collega’s), or ’s as in ’s morgens.
const WORD = /['’]s(?=\s)|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;

export function lowerWord(s: string): string {
  return s.replace(/’/g, "'").toLowerCase();
}

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], lower: lowerWord(m[0]), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'bv',
  'bijv',
  'enz',
  'o.a',
  'nr',
  'tel',
  'dhr',
  'mevr',
  'd.w.z',
  'm.a.w',
  'i.v.m',
  'a.u.b',
  'p.s',
  'ca',
  'vb',
  'incl',
  'excl',
  'max',
  'min',
  'blz',
  'art',
]);

/**
 * Sentences: text up to . ! ? (not after a known abbreviation or between digits) or a line break.
 * In an e-mail every line counts on its own, so "Geachte mevrouw Peeters," is a sentence.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const s = start + lead;
      out.push({ start: s, end: s + body.length, text: body, words: words(body, s) });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (ch === '.') {
      if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 3.5, 12.30
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(before)) continue;
    }
    let end = i + 1;
    while (end < text.length && /[.!?"”’)]/.test(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue; // e.g. a URL or "e.g." glued to text
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return out;
}

/**
 * Relative and question words: they open a subordinate clause (die hij stuurt), but at the start of a
 * sentence they ask or point (Wat vindt u?). Both lists below take them from here, so they stay alike.
 */
const RELATIVE_AND_QUESTION_WORDS: readonly string[] = [
  'die',
  'wat',
  'wie',
  'waar',
  'waarin',
  'waarop',
  'waarmee',
  'waarover',
  'waardoor',
  'waarvoor',
  'hoe',
  'waarom',
  'hoeveel',
  'hoelang',
  'waarvan',
  'waaraan',
  'waaruit',
  'waarbij',
  'waartoe',
];

/** Words that start a subordinate clause: the finite verb moves to its end. */
export const SUBORDINATORS = new Set([
  'dat',
  'omdat',
  'als',
  'wanneer',
  'zodat',
  'nadat',
  'voordat',
  'terwijl',
  'indien',
  'zodra',
  'of',
  'hoewel',
  'totdat',
  'tot',
  'sinds',
  'doordat',
  'opdat',
  'alsof',
  'zoals',
  'mits',
  'tenzij',
  'aangezien',
  'vooraleer',
  'eer',
  // Relative and question words start a clause with the verb at its end too (die hij stuurt).
  ...RELATIVE_AND_QUESTION_WORDS,
]);
/** At the start of a sentence these are questions or demonstratives (Wat vindt u? Dat klopt.), not subordinators. */
const NOT_AT_START = new Set(['dat', ...RELATIVE_AND_QUESTION_WORDS, 'wanneer', 'of', 'tot']);
/** Words that start a clause only before its subject: "tot hij komt", "als u wil" — not "tot 31 december", "als bijlage". */
const NEED_SUBJECT = new Set(['tot', 'als']);
/** Possessive determiners (mijn, uw, hun…): clause openers here, and determiners in the dt check. */
export const POSSESSIVES: readonly string[] = ['uw', 'mijn', 'jouw', 'zijn', 'haar', 'ons', 'onze', 'hun'];
export const COORDINATORS = new Set(['en', 'maar', 'want', 'dus']);
/** Pronouns that can open a clause as its subject (after "tot"). */
const CLAUSE_SUBJECTS = new Set([
  'ik',
  'jij',
  'je',
  'u',
  'hij',
  'zij',
  'ze',
  'het',
  'we',
  'wij',
  'jullie',
  'men',
  'er',
  'iemand',
  'iedereen',
  'niemand',
  'dat',
  'dit',
  'alles',
  'niets',
]);
const CLAUSE_DETERMINERS = new Set(['de', 'een', ...POSSESSIVES, 'deze', 'die', 'elke', 'iedere', 'alle', 'geen']);

export interface Clause {
  words: Word[];
  /** The clause starts with a subordinator (its first word). */
  subordinate: boolean;
  /** Index in its sentence's word list of the clause's first word. */
  from: number;
}

/**
 * Clauses of a sentence, cut at , ; : and before subordinators and coordinators. Rough, but
 * enough to tell "Het is gisteren gebeurd" (one clause) from "Het is duidelijk | dat hij verhuist".
 */
export function clauses(sentence: Sentence): Clause[] {
  const out: Clause[] = [];
  let current: Word[] = [];
  let from = 0;
  let subordinate = false;
  const flush = (next: number) => {
    if (current.length) out.push({ words: current, subordinate, from });
    current = [];
    from = next;
  };
  sentence.words.forEach((w, i) => {
    const prev = sentence.words[i - 1];
    const gap = prev ? sentence.text.slice(prev.end - sentence.start, w.start - sentence.start) : '';
    if (/[,;:()]/.test(gap)) {
      flush(i);
      subordinate = false;
    }
    // "tot" and "als" start a clause only before its subject (wacht tot hij komt, als de aanvraag …), not in
    // "tot 31 december", "aanvraag tot verlenging", "als bijlage", "als eerste".
    const next = sentence.words[i + 1];
    const subjectNext = !!next && (CLAUSE_SUBJECTS.has(next.lower) || CLAUSE_DETERMINERS.has(next.lower) || /^\p{Lu}/u.test(next.text));
    const subordinator = SUBORDINATORS.has(w.lower) && !(NEED_SUBJECT.has(w.lower) && !subjectNext);
    if (i > 0 && (subordinator || COORDINATORS.has(w.lower)) && current.length) {
      flush(i);
      subordinate = subordinator;
    } else if (current.length === 0) {
      subordinate = subordinator && !(i === 0 && NOT_AT_START.has(w.lower));
    }
    current.push(w);
  });
  flush(sentence.words.length);
  return out;
}

/** Whether only spaces separate two neighbouring words (no comma, full stop, quote…). */
export function adjacent(text: string, a: Word, b: Word, base = 0): boolean {
  return /^\s+$/.test(text.slice(a.end - base, b.start - base));
}
