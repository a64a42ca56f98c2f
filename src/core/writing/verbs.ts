/**
 * A small lexicon of verbs that city staff write every day, with the forms the dt checks need.
 * Weak verbs are written compactly and their forms derived by the rules a trainee learns
 * (stem, stem + t, ’t kofschip); strong and irregular verbs list their forms.
 *
 * Notation of a weak entry: `infinitive/stem`, with
 * - `be~handelen`: an unstressed prefix (be-, ge-, ver-, ont-, her-, er-): no extra ge- in the participle;
 * - `in|vullen`: a separable prefix: only the participle (ingevuld) is derived, the other forms
 *   come from the base verb (vullen), since the prefix stands apart in a main clause;
 * - a trailing ` n`: the stem is also a common noun (het werk, het antwoord), so an ambiguous
 *   pronoun before it (het, u, je, ze) proves nothing.
 */
const WEAK = `
werken/werk n; be~antwoorden/beantwoord; antwoorden/antwoord n; ver~antwoorden/verantwoord; be~handelen/behandel;
ver~huizen/verhuis; ge~beuren/gebeur; ver~sturen/verstuur; sturen/stuur n; op|sturen/stuur; door|sturen/stuur;
terug|sturen/stuur; be~talen/betaal; be~zorgen/bezorg; ver~anderen/verander; ver~beteren/verbeter; ver~lengen/verleng;
melden/meld; ver~melden/vermeld; aan|melden/meld; af|melden/meld; bellen/bel n; op|bellen/bel; terug|bellen/bel;
plannen/plan n; regelen/regel n; wachten/wacht n; stoppen/stop n; fietsen/fiets n; mailen/mail n; printen/print n;
scannen/scan n; checken/check n; faxen/fax n; zetten/zet n; leven/leef; reizen/reis n; informeren/informeer;
organiseren/organiseer; controleren/controleer; registreren/registreer; reageren/reageer; reserveren/reserveer;
noteren/noteer; vullen/vul; in|vullen/vul; ver~werken/verwerk; ver~wachten/verwacht; be~reiken/bereik;
ont~moeten/ontmoet; praten/praat n; ge~bruiken/gebruik n; be~slissen/beslis; be~oordelen/beoordeel; af|ronden/rond;
leren/leer n; maken/maak; hopen/hoop n; wensen/wens n; danken/dank n; be~danken/bedank; volgen/volg; tellen/tel n;
be~stellen/bestel; stellen/stel n; ver~tellen/vertel; leggen/leg; uit|leggen/leg; huren/huur n; ver~huren/verhuur;
be~doelen/bedoel; ver~klaren/verklaar; be~waren/bewaar; delen/deel n; ver~delen/verdeel; voegen/voeg;
toe|voegen/voeg; be~vestigen/bevestig; ver~wijderen/verwijder; openen/open n; ver~plaatsen/verplaats;
ver~wittigen/verwittig; ver~ontschuldigen/verontschuldig; ver~gaderen/vergader; leiden/leid n;
be~geleiden/begeleid; ver~spreiden/verspreid; noemen/noem; bouwen/bouw n;
ver~bouwen/verbouw; be~loven/beloof; ge~loven/geloof n; wonen/woon; ver~zekeren/verzeker;
aan|vullen/vul; kloppen/klop n; duiden/duid; aan|duiden/duid; in|zetten/zet;
`;

/** Strong and irregular verbs: infinitive, stem, past singular, past plural, participle. */
const STRONG: [string, string, string, string, string][] = [
  ['worden', 'word', 'werd', 'werden', 'geworden'],
  ['vinden', 'vind', 'vond', 'vonden', 'gevonden'],
  ['houden', 'houd', 'hield', 'hielden', 'gehouden'],
  ['rijden', 'rijd', 'reed', 'reden', 'gereden'],
  ['zenden', 'zend', 'zond', 'zonden', 'gezonden'],
  ['verzenden', 'verzend', 'verzond', 'verzonden', 'verzonden'],
  ['bieden', 'bied', 'bood', 'boden', 'geboden'],
  ['ontvangen', 'ontvang', 'ontving', 'ontvingen', 'ontvangen'],
  ['schrijven', 'schrijf', 'schreef', 'schreven', 'geschreven'],
  ['krijgen', 'krijg', 'kreeg', 'kregen', 'gekregen'],
  ['blijven', 'blijf', 'bleef', 'bleven', 'gebleven'],
  ['lezen', 'lees', 'las', 'lazen', 'gelezen'],
  ['geven', 'geef', 'gaf', 'gaven', 'gegeven'],
  ['nemen', 'neem', 'nam', 'namen', 'genomen'],
  ['kijken', 'kijk', 'keek', 'keken', 'gekeken'],
  ['vragen', 'vraag', 'vroeg', 'vroegen', 'gevraagd'],
  ['verbieden', 'verbied', 'verbood', 'verboden', 'verboden'],
  ['snijden', 'snijd', 'sneed', 'sneden', 'gesneden'],
  ['treden', 'treed', 'trad', 'traden', 'getreden'],
  ['besluiten', 'besluit', 'besloot', 'besloten', 'besloten'],
  ['sluiten', 'sluit', 'sloot', 'sloten', 'gesloten'],
  ['helpen', 'help', 'hielp', 'hielpen', 'geholpen'],
  ['beginnen', 'begin', 'begon', 'begonnen', 'begonnen'],
  ['verliezen', 'verlies', 'verloor', 'verloren', 'verloren'],
  ['vergeten', 'vergeet', 'vergat', 'vergaten', 'vergeten'],
  ['laden', 'laad', 'laadde', 'laadden', 'geladen'],
  ['verwijzen', 'verwijs', 'verwees', 'verwezen', 'verwezen'],
  ['verlopen', 'verloop', 'verliep', 'verliepen', 'verlopen'],
];
/** Stems of strong verbs that are also common nouns. */
const STRONG_NOUNS = new Set(['vraag', 'begin', 'besluit', 'verloop']);

export type Role = 'stem' | 'stemT' | 'pastSg' | 'pastPl' | 'part' | 'inf';

export interface Verb {
  inf: string;
  stem: string;
  stemT: string;
  pastSg: string;
  pastPl: string;
  part: string;
  /** The stem is also a common noun. */
  noun: boolean;
  /** A separable verb: only its participle is a form of its own. */
  separable: boolean;
  weak: boolean;
}

const UNSTRESSED = /^(be|ge|ver|ont|her|er)$/;
const KOFSCHIP = /(t|k|f|s|ch|p|x)$/;

/** ge- + stem, with a diaeresis where ge meets e, i or u (geïnformeerd, geëvalueerd). */
function withGe(stem: string): string {
  const first = stem.charAt(0);
  const mark: Record<string, string> = { e: 'ë', i: 'ï', u: 'ü' };
  return mark[first] ? `ge${mark[first]}${stem.slice(1)}` : `ge${stem}`;
}

function parseWeak(entry: string): Verb | undefined {
  const m = /^(?:([a-z]+)\|)?(?:([a-z]+)~)?([a-z]+)\/([a-zë]+)( n)?$/.exec(entry.trim());
  if (!m) return undefined;
  const [, sep = '', prefix = '', rest = '', stem = '', noun] = m;
  const inf = `${sep}${prefix}${rest}`;
  // ’t kofschip looks at the sound before -en in the infinitive: leven → v (leefde), verhuizen → z.
  const base = inf.replace(/en$/, '');
  const kof = KOFSCHIP.test(base);
  const endsTD = /[td]$/.test(stem);
  const partCore = `${stem}${endsTD ? '' : kof ? 't' : 'd'}`;
  const unstressed = prefix !== '' && UNSTRESSED.test(prefix);
  const part = `${sep}${unstressed ? partCore : withGe(partCore)}`;
  const past = `${stem}${kof ? 'te' : 'de'}`;
  return {
    inf,
    stem,
    stemT: stem.endsWith('t') ? stem : `${stem}t`,
    pastSg: past,
    pastPl: `${past}n`,
    part,
    noun: noun !== undefined,
    separable: sep !== '',
    weak: true,
  };
}

export const VERBS: Verb[] = [
  ...WEAK.split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const v = parseWeak(e);
      if (!v) throw new Error(`bad verb entry: ${e}`);
      return v;
    }),
  ...STRONG.map(([inf, stem, pastSg, pastPl, part]) => ({
    inf,
    stem,
    stemT: stem.endsWith('t') ? stem : `${stem}t`,
    pastSg,
    pastPl,
    part,
    noun: STRONG_NOUNS.has(stem),
    separable: false,
    weak: false,
  })),
];

export interface FormUse {
  verb: Verb;
  role: Role;
}

/** Every valid written form → the verbs and roles it can be. */
export const FORMS = new Map<string, FormUse[]>();
function add(form: string, use: FormUse) {
  const list = FORMS.get(form);
  if (list) {
    if (!list.some((u) => u.verb.inf === use.verb.inf && u.role === use.role)) list.push(use);
  } else FORMS.set(form, [use]);
}
for (const verb of VERBS) {
  if (verb.separable) {
    add(verb.part, { verb, role: 'part' });
    continue;
  }
  add(verb.stem, { verb, role: 'stem' });
  add(verb.stemT, { verb, role: 'stemT' });
  add(verb.pastSg, { verb, role: 'pastSg' });
  add(verb.pastPl, { verb, role: 'pastPl' });
  add(verb.part, { verb, role: 'part' });
  add(verb.inf, { verb, role: 'inf' });
}

/**
 * Misspelled verb forms that are never right (gewerkd, verhuiste, antwoorde) → the right form.
 * Only weak verbs: a d/t swapped in the participle or the past, or the d or t of the stem
 * dropped in the past. A wrong form that happens to be another valid form (gebeurt) is left to
 * the checks that look at the sentence; real words of other verbs are listed in NOT_WRONG.
 */
export const WRONG_FORMS = new Map<string, { right: string; verb: Verb; role: Role }>();
// Real words that a rule would produce (unit test: every wrong form is rejected by Hunspell).
const NOT_WRONG = new Set(['plante', 'planten', 'melde', 'belten', 'geplant', 'ontmoete', 'stelten', 'geleidt']);
const swapTD = (s: string) => s.replace(/([td])(e?n?)$/, (_, c: string, tail: string) => `${c === 't' ? 'd' : 't'}${tail}`);
for (const verb of VERBS.filter((v) => v.weak)) {
  const candidates: [string, string, Role][] = [];
  if (/[td]$/.test(verb.stem)) {
    // stem + e is also the participle used as an adjective when the participle is the stem
    // itself (de beantwoorde vraag, de verwachte datum): not wrong then.
    if (!verb.separable && verb.part !== verb.stem) {
      candidates.push([`${verb.stem}e`, verb.pastSg, 'pastSg'], [`${verb.stem}en`, verb.pastPl, 'pastPl']);
    }
    if (verb.stem.endsWith('d')) candidates.push([`${verb.part}t`, verb.part, 'part']);
  } else {
    candidates.push([swapTD(verb.part), verb.part, 'part']);
    if (!verb.separable) candidates.push([swapTD(verb.pastSg), verb.pastSg, 'pastSg'], [swapTD(verb.pastPl), verb.pastPl, 'pastPl']);
  }
  if (/[td]$/.test(verb.stem) && /^([a-z]+)?ge/.test(verb.part) && verb.part !== verb.stem) {
    // gemeld → gemelt, gezet → gezetd: a ge-participle with its last letter swapped or doubled.
    if (verb.stem.endsWith('d')) candidates.push([`${verb.part.slice(0, -1)}t`, verb.part, 'part']);
    else candidates.push([`${verb.part}d`, verb.part, 'part']);
  }
  for (const [wrong, right, role] of candidates) {
    if (wrong === right || FORMS.has(wrong) || NOT_WRONG.has(wrong)) continue;
    if (!WRONG_FORMS.has(wrong)) WRONG_FORMS.set(wrong, { right, verb, role });
  }
}

// Stem + d is never a present form: krijgd, werkd → krijgt, werkt (unless it is a participle: verhuisd).
for (const verb of VERBS) {
  if (verb.separable || /[td]$/.test(verb.stem)) continue;
  const wrong = `${verb.stem}d`;
  if (!FORMS.has(wrong) && !NOT_WRONG.has(wrong) && !WRONG_FORMS.has(wrong)) WRONG_FORMS.set(wrong, { right: verb.stemT, verb, role: 'stemT' });
}
const HEBBEN: Verb = { inf: 'hebben', stem: 'heb', stemT: 'hebt', pastSg: 'had', pastPl: 'hadden', part: 'gehad', noun: false, separable: false, weak: false };
WRONG_FORMS.set('heefd', { right: 'heeft', verb: HEBBEN, role: 'stemT' });
WRONG_FORMS.set('hebd', { right: 'hebt', verb: HEBBEN, role: 'stemT' });

/**
 * Irregular present forms, per person, for the verbs whose mistakes are common
 * (hij wilt, bent jij, u ben, ik hebt).
 */
export interface Irregular {
  inf: string;
  /** Forms allowed after ik, in inversion with jij/je, for u, and for hij/zij/het. */
  ik: string[];
  jij: string[];
  jijInv: string[];
  u: string[];
  uInv: string[];
  hij: string[];
}

export const IRREGULAR: Irregular[] = [
  { inf: 'zijn', ik: ['ben'], jij: ['bent'], jijInv: ['ben'], u: ['bent', 'is'], uInv: ['bent', 'is'], hij: ['is'] },
  { inf: 'hebben', ik: ['heb'], jij: ['hebt'], jijInv: ['heb'], u: ['hebt', 'heeft'], uInv: ['hebt', 'heeft'], hij: ['heeft'] },
  { inf: 'kunnen', ik: ['kan'], jij: ['kunt', 'kan'], jijInv: ['kun', 'kan'], u: ['kunt', 'kan'], uInv: ['kunt', 'kan'], hij: ['kan'] },
  { inf: 'zullen', ik: ['zal'], jij: ['zult', 'zal'], jijInv: ['zul', 'zal'], u: ['zult', 'zal'], uInv: ['zult', 'zal'], hij: ['zal'] },
  { inf: 'willen', ik: ['wil'], jij: ['wilt', 'wil'], jijInv: ['wil'], u: ['wilt', 'wil'], uInv: ['wilt', 'wil'], hij: ['wil'] },
];
export const IRREGULAR_FORMS = new Map<string, Irregular>();
for (const v of IRREGULAR) for (const f of [...v.ik, ...v.jij, ...v.jijInv, ...v.u, ...v.hij]) IRREGULAR_FORMS.set(f, v);

/** Finite forms of hebben, zijn and worden: a participle may follow them in the same clause. */
export const AUXILIARIES = new Set([
  'heb', 'hebt', 'heeft', 'hebben', 'had', 'hadden',
  'ben', 'bent', 'is', 'zijn', 'was', 'waren',
  'word', 'wordt', 'worden', 'werd', 'werden', 'geworden',
]);
/** Forms of worden: with a participle they make the passive. */
export const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden']);
