/**
 * Does the text in an example's {gap} match the card's term, or an inflected form of it?
 *
 * A heuristic built on the regular rules of Dutch spelling, not a word list, so that it works for
 * words no list has (municipal jargon, new compounds):
 * - nouns: plural (-en, -s, -'s, -ën, -heden, Latin -um → -a, a few irregular heads such as
 *   lid → leden), diminutive (-je, -tje, -pje, -kje, -etje) and genitive -s;
 * - verbs: present (stem, stem+t), past (-te/-de, -ten/-den), participle (ge-…-d/-t; no ge- after
 *   be-, ge-, her-, ont-, ver-, er-), present participle (-end), separable verbs (aan|ge|vraagd,
 *   "door te verwijzen", and the split main clause "verwijst … door"), strong verbs (a vowel
 *   change in the last syllable: verwijzen → verwees, verwezen) and a short table of the truly
 *   irregular ones (brengen → bracht);
 * - adjectives: -e, comparative -er, superlative -st(e), partitive -s;
 * - spelling changes on the way: long vowels written single in an open syllable (maak → maken),
 *   short vowels doubling the consonant (zak → zakken), f/s becoming v/z (brief → brieven).
 * Both the doubled and the single spelling are accepted where stress would decide, so the check
 * errs on the side of accepting a real form. Multi-word terms match word by word, in order.
 */
import type { CardType } from './schema.ts';
import { fold } from './text.ts';

type WordClass = 'noun' | 'verb' | 'adjective' | 'any';

const VOWEL = /[aeiouy]/;
const ARTICLES = new Set(['de', 'het', 'een']);
/** Particles of separable verbs (aan|vragen, door|verwijzen, goed|keuren). */
const PARTICLES = [
  'aan', 'achter', 'af', 'bij', 'binnen', 'buiten', 'dicht', 'door', 'goed', 'in', 'los', 'mee', 'na', 'neer', 'om',
  'onder', 'op', 'open', 'over', 'plat', 'rond', 'samen', 'schoon', 'stop', 'tegen', 'terug', 'thuis', 'toe', 'uit',
  'vast', 'voor', 'vrij', 'weg',
].sort((a, b) => b.length - a.length);
/** Prefixes after which a participle takes no ge- (bezorgd, verwezen, ontvangen). */
const INSEPARABLE = /^(be|ge|her|ont|ver|er)/;

/** Verbs whose forms no spelling rule derives. The participle is given with ge-. */
const IRREGULAR = new Map<string, string[]>(
  [
    'zijn: ben bent is was waren geweest',
    'hebben: heb hebt heeft had hadden gehad',
    'gaan: ga gaat ging gingen gegaan',
    'staan: sta staat stond stonden gestaan',
    'slaan: sla slaat sloeg sloegen geslagen',
    'doen: doe doet deed deden gedaan',
    'zien: zie ziet zag zagen gezien',
    'komen: kom komt kwam kwamen gekomen',
    'kunnen: kan kunt kon konden gekund',
    'mogen: mag moogt mocht mochten gemogen',
    'willen: wil wilt wou wilde wilden gewild',
    'zullen: zal zult zou zouden',
    'weten: weet wist wisten geweten',
    'brengen: breng brengt bracht brachten gebracht',
    'denken: denk denkt dacht dachten gedacht',
    'kopen: koop koopt kocht kochten gekocht',
    'zoeken: zoek zoekt zocht zochten gezocht',
    'vragen: vraag vraagt vroeg vroegen gevraagd',
    'zeggen: zeg zegt zei zeiden zegde zegden gezegd',
    'liggen: lig ligt lag lagen gelegen',
    'zitten: zit zat zaten gezeten',
    'eten: eet at aten gegeten',
    'worden: word wordt werd werden geworden',
    'houden: houd houdt hield hielden gehouden',
    'vangen: vang vangt ving vingen gevangen',
    'hangen: hang hangt hing hingen gehangen',
    'werven: werf werft wierf wierven geworven',
  ].map((line) => {
    const [verb, forms] = line.split(': ') as [string, string];
    return [verb, forms.split(' ')];
  }),
);

/** Nouns whose plural changes the vowel or adds -er-: the last part of a compound decides. */
const IRREGULAR_PLURALS: [string, string][] = [
  ['lid', 'leden'],
  ['stad', 'steden'],
  ['schip', 'schepen'],
  ['gebed', 'gebeden'],
  ['kind', 'kinderen'],
  ['blad', 'bladeren'],
  ['ei', 'eieren'],
  ['goed', 'goederen'],
  ['volk', 'volkeren'],
  ['man', 'lieden'],
  ['man', 'lui'],
  ['heid', 'heden'],
  ['um', 'a'],
];

/**
 * The spellings a word-final syllable can take before a suffix that starts with a vowel
 * (-e, -en, -er, -end): maak → mak-, zak → zakk-, brief → briev-, huis → huiz-.
 */
function openSyllableBases(base: string): string[] {
  const out = new Set([base]);
  const long = base.match(/^(.*?)([aeou])\2([^aeiouj])$/);
  if (long) out.add(long[1]! + long[2]! + long[3]!);
  const short = base.match(/^(.*[^aeiou]|)([aeiou])([bdfgklmnprst])$/);
  if (short) out.add(base + short[3]!);
  for (const b of [...out]) {
    if (b.endsWith('f')) out.add(b.slice(0, -1) + 'v');
    if (b.endsWith('s')) out.add(b.slice(0, -1) + 'z');
  }
  return [...out];
}

function nounForms(t: string): Set<string> {
  const forms = new Set([t, `${t}s`, `${t}'s`, `${t}en`]);
  if (t.endsWith('e')) forms.add(`${t}n`);
  for (const b of openSyllableBases(t)) forms.add(`${b}en`);
  for (const [from, to] of IRREGULAR_PLURALS) if (t.endsWith(from)) forms.add(t.slice(0, -from.length) + to);
  const last = t[t.length - 1] ?? '';
  const diminutives = [`${t}je`, `${t}tje`, `${t}pje`, `${t}kje`, `${t}etje`, `${t}${last}etje`];
  if (VOWEL.test(last)) diminutives.push(`${t}${last}tje`);
  for (const d of diminutives) forms.add(d).add(`${d}s`);
  return forms;
}

function adjectiveForms(t: string): Set<string> {
  const forms = new Set([t, `${t}s`, `${t}st`, `${t}ste`]);
  for (const b of t.endsWith('e') ? [t.slice(0, -1)] : openSyllableBases(t)) {
    forms.add(`${b}e`).add(`${b}er`).add(`${b}ere`);
  }
  if (t.endsWith('r')) forms.add(`${t}der`).add(`${t}dere`);
  return forms;
}

/** Stems of an infinitive: plannen → plan, maken → maak, leven → leef, gaan → ga. */
function verbStems(inf: string): string[] {
  // gaan → ga, zien → zie, doen → doe (but bloeien → bloei).
  if (/aan$/.test(inf)) return [inf.slice(0, -2)];
  if (/(^|[^aeiou])(ie|oe)n$/.test(inf)) return [inf.slice(0, -1)];
  if (!inf.endsWith('en')) return [];
  let base = inf.slice(0, -2);
  if (!base) return [];
  const stems = new Set<string>();
  const doubled = base.match(/([bdfgklmnprst])\1$/);
  if (doubled) base = base.slice(0, -1);
  stems.add(base);
  // An open syllable's single vowel is written double once the syllable closes: mak(en) → maak.
  if (!doubled) {
    const open = base.match(/^(.*[^aeiou])([aeou])([^aeiouj])$/);
    if (open) stems.add(open[1]! + open[2]! + open[2]! + open[3]!);
  }
  for (const s of [...stems]) {
    if (s.endsWith('v')) stems.add(s.slice(0, -1) + 'f');
    if (s.endsWith('z')) stems.add(s.slice(0, -1) + 's');
  }
  return [...stems];
}

/** ij counts as one vowel; the last vowel group is where strong verbs change. */
function splitLastSyllable(word: string): { head: string; vowel: string; coda: string } | undefined {
  const w = word.replace(/ij/g, 'ÿ');
  const m = w.match(/^(.*?)([aeiouyÿ]+)([^aeiouyÿ]*)$/);
  if (!m) return undefined;
  return { head: m[1]!, vowel: m[2]!, coda: m[3]! };
}

function normaliseCoda(coda: string): string {
  return coda.replace(/([^aeiou])\1/g, '$1').replace(/v$/, 'f').replace(/z$/, 's');
}

/** Strong verbs change the vowel of the last syllable and keep the consonants around it. */
function ablautMatches(inf: string, form: string): boolean {
  if (!inf.endsWith('en')) return false;
  const root = splitLastSyllable(inf.slice(0, -2));
  if (!root || !root.coda) return false;
  for (const ending of ['en', '']) {
    if (!form.endsWith(ending)) continue;
    const rest = form.slice(0, form.length - ending.length);
    const other = splitLastSyllable(rest);
    if (other && other.head === root.head && normaliseCoda(other.coda) === normaliseCoda(root.coda)) return true;
  }
  return false;
}

/** Forms of a verb without a separable particle. `noGe`: the participle may lack ge-. */
function simpleVerbMatches(inf: string, form: string, noGe: boolean): boolean {
  if (form === inf || form === `${inf}d` || form === `${inf}de`) return true;
  const allowNoGe = noGe || INSEPARABLE.test(inf);
  for (const [key, forms] of IRREGULAR) {
    if (!inf.endsWith(key)) continue;
    const prefix = inf.slice(0, -key.length);
    for (const f of forms) {
      if (form === prefix + f) return true;
      if (f.startsWith('ge') && allowNoGe && form === prefix + f.slice(2)) return true;
      if (f.startsWith('ge') && form === `${prefix + f}e`) return true;
    }
  }
  for (const stem of verbStems(inf)) {
    const finite = [stem, `${stem}t`, `${stem}te`, `${stem}ten`, `${stem}de`, `${stem}den`];
    if (finite.includes(form)) return true;
    const participles = [`${stem}d`, `${stem}t`];
    for (const p of participles) {
      for (const candidate of allowNoGe ? [p, `ge${p}`] : [`ge${p}`]) {
        if (form === candidate || form === `${candidate}e`) return true;
      }
    }
  }
  if (ablautMatches(inf, form)) return true;
  if (form.startsWith('ge') && ablautMatches(inf, form.slice(2))) return true;
  return false;
}

function splitSeparable(inf: string): { particle: string; base: string } | undefined {
  for (const particle of PARTICLES) {
    const base = inf.slice(particle.length);
    if (inf.startsWith(particle) && base.length >= 3 && /n$/.test(base) && VOWEL.test(base)) return { particle, base };
  }
  return undefined;
}

/** Only the finite forms stand apart from their particle (ik verwijs u door). */
function finiteMatches(inf: string, form: string): boolean {
  if (verbStems(inf).some((s) => [s, `${s}t`, `${s}te`, `${s}ten`, `${s}de`, `${s}den`].includes(form))) return true;
  for (const [key, forms] of IRREGULAR) {
    if (inf === key && forms.some((f) => f === form && !f.startsWith('ge'))) return true;
  }
  return ablautMatches(inf, form) && !form.endsWith('en');
}

function verbMatches(inf: string, form: string, after: readonly string[]): boolean {
  if (simpleVerbMatches(inf, form, false)) return true;
  const sep = splitSeparable(inf);
  if (!sep) return false;
  if (form.startsWith(sep.particle)) {
    const rest = form.slice(sep.particle.length);
    // aan|ge|vraagd, and also the inseparable reading (overlegd, onderzocht).
    if (simpleVerbMatches(sep.base, rest, true)) return true;
  }
  // Main clause: the particle stands later in the sentence (ik verwijs u door naar …).
  return after.includes(sep.particle) && finiteMatches(sep.base, form);
}

function wordMatches(term: string, form: string, cls: WordClass, after: readonly string[]): boolean {
  if (term === form) return true;
  const noun = () => nounForms(term).has(form);
  const verb = () => verbMatches(term, form, after);
  const adjective = () => adjectiveForms(term).has(form);
  switch (cls) {
    case 'noun':
      return noun();
    case 'verb':
      return verb();
    case 'adjective':
      return adjective();
    default:
      return noun() || verb() || adjective();
  }
}

function classOf(type: CardType | undefined, hasArticle: boolean): WordClass {
  if (type === 'noun' || type === 'abbreviation' || (!type && hasArticle)) return 'noun';
  if (type === 'verb') return 'verb';
  if (type === 'adjective' || type === 'adverb') return 'adjective';
  return 'any';
}

function words(text: string): string[] {
  return fold(text)
    .replace(/[.,;:!?()"“”„]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export interface GapCard {
  term: string;
  type?: CardType | undefined;
  article?: string | undefined;
}

/**
 * True when `gap` (the text between { and }) is the card's term or an inflected form of it.
 * `after` is the rest of the sentence, where the particle of a split separable verb stands.
 */
export function gapMatchesTerm(card: GapCard, gap: string, after = ''): boolean {
  const termWords = words(card.term);
  let gapWords = words(gap);
  if (!termWords.length || !gapWords.length) return false;
  if (termWords.join(' ') === gapWords.join(' ')) return true;
  const cls = classOf(card.type, Boolean(card.article));
  // The article may sit inside the gap ({het loket}); "te" before an infinitive too.
  if (gapWords.length === termWords.length + 1 && !ARTICLES.has(termWords[0]!) && (ARTICLES.has(gapWords[0]!) || gapWords[0] === 'te')) {
    gapWords = gapWords.slice(1);
  }
  const rest = words(after);
  if (termWords.length === 1) {
    const term = termWords[0]!;
    if (gapWords.length === 1) return wordMatches(term, gapWords[0]!, cls, rest);
    // Separable verb as a te-infinitive: "door te verwijzen".
    const sep = cls === 'noun' || cls === 'adjective' ? undefined : splitSeparable(term);
    return Boolean(sep && gapWords.length === 3 && gapWords[0] === sep.particle && gapWords[1] === 'te' && gapWords[2] === sep.base);
  }
  if (gapWords.length !== termWords.length) return false;
  return termWords.every((t, i) => wordMatches(t, gapWords[i]!, 'any', rest));
}
