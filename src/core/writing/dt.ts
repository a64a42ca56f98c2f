/**
 * dt checks for a trainee's own text: verb forms after ik/jij/u/hij/zij/het (and with the
 * pronoun after the verb), participles (’t kofschip) where the sentence needs one, and verb forms
 * that are never right. The checks are built to stay quiet when unsure: a wrong warning teaches
 * the wrong thing, so every rule looks only where the form is certain (see the unit tests for the
 * sentences that must NOT be flagged).
 */
import { finding, matchCase, type Finding } from './findings.ts';
import { adjacent, clauses, COORDINATORS, sentences, type Clause, type Word } from './text.ts';
import { AUXILIARIES, FORMS, IRREGULAR_FORMS, WRONG_FORMS, type FormUse, type Irregular, type Role } from './verbs.ts';

type Person = 'ik' | 'jij' | 'u' | 'hij' | 'zij';

/** Subject pronouns. je, u, het and ze can also be something else (possessive, object, article). */
const PRONOUNS: Record<string, Person> = { ik: 'ik', jij: 'jij', je: 'jij', u: 'u', hij: 'hij', zij: 'zij', ze: 'zij', het: 'hij', men: 'hij' };
const AMBIGUOUS = new Set(['je', 'u', 'het', 'ze']);
const SURE_SUBJECTS = new Set(['ik', 'jij', 'u', 'hij', 'zij']);
/** Pronouns that can be an object after a verb (Stuur het op. Bel ze.). */
const OBJECT_LIKE = new Set(['het', 'ze']);

/** Words after which the finite verb comes next (inversion): Morgen word ik …, Hoe vindt u …? */
const INVERSION_TRIGGERS = new Set([
  'morgen', 'vandaag', 'gisteren', 'nu', 'dan', 'daarna', 'straks', 'binnenkort', 'eerst', 'daarom', 'toch', 'ook',
  'soms', 'vaak', 'graag', 'misschien', 'hier', 'daar', 'hierbij', 'zo', 'vanaf', 'vanavond', 'vanmiddag', 'vanochtend',
  'vanmorgen', 'overmorgen', 'hoe', 'wat', 'waar', 'wanneer', 'waarom', 'wie', 'welke', 'waarmee', 'waarover', 'intussen',
  'ondertussen', 'tot', 'helaas', 'gelukkig', 'natuurlijk', 'uiteraard', 'verder', 'bovendien', 'ten', 'meestal',
]);

/** Roles a finite verb may have after (or before) a pronoun of this person. */
function acceptedRoles(person: Person): Role[] {
  switch (person) {
    case 'ik':
      return ['stem', 'pastSg'];
    case 'jij':
    case 'u':
    case 'hij':
      return ['stemT', 'pastSg'];
    case 'zij':
      return ['stemT', 'pastSg', 'inf', 'pastPl'];
  }
}

/** Whether two forms differ only in their d / t / dt ending (word ~ wordt, gebeurd ~ gebeurt, werk ~ werkt). */
function dtOnly(a: string, b: string): boolean {
  if (a === b) return false;
  return a.replace(/[dt]+$/, '') === b.replace(/[dt]+$/, '');
}

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
  }
}

function adjacentAll(text: string, ws: readonly Word[]): boolean {
  return ws.every((w, i) => i === 0 || adjacent(text, ws[i - 1]!, w));
}

interface Check {
  text: string;
  out: Finding[];
}

/** The verb after (or before) a subject pronoun: is its form the one this person needs? */
function checkAgreement(
  c: Check,
  verb: Word,
  pronoun: Word,
  opts: { inverted: boolean; subordinate: boolean },
): void {
  const person = PRONOUNS[pronoun.lower]!;
  const irregular = IRREGULAR_FORMS.get(verb.lower);
  if (irregular) {
    // Only present forms of these verbs are in the table; plural and past forms pass.
    // "Het zijn mooie dagen": het also takes a plural verb.
    const allowed = [...irregularAllowed(irregular, person, opts.inverted), ...(pronoun.lower === 'het' ? [irregular.inf] : [])];
    if (!allowed.includes(verb.lower)) {
      c.out.push(
        finding('dt', 'verb-person', c.text, verb.start, verb.end, { word: verb.text, subject: pronoun.text, right: allowed.join(' / ') }, allowed.map((a) => matchCase(verb.text, a))),
      );
    }
    return;
  }
  const uses: FormUse[] = FORMS.get(verb.lower) ?? [];
  if (!uses.length) return;
  const ambiguous = AMBIGUOUS.has(pronoun.lower);
  // "het antwoord", "je werk", "u antwoord geven": the pronoun may belong to a noun.
  if (ambiguous && !opts.inverted && uses.some((u) => u.verb.noun && u.role === 'stem')) return;
  const accepted = new Set<Role>(acceptedRoles(person));
  if (opts.inverted && (person === 'ik' || person === 'jij')) {
    accepted.delete('stemT');
    accepted.add('stem');
  }
  if (opts.subordinate) {
    // In a subordinate clause a participle or infinitive may follow the subject (dat het gebeurd is).
    accepted.add('part');
    accepted.add('inf');
  }
  if (uses.some((u) => accepted.has(u.role))) return;
  for (const use of uses) {
    const needed = opts.inverted && (person === 'ik' || person === 'jij') ? use.verb.stem : person === 'ik' ? use.verb.stem : use.verb.stemT;
    if (dtOnly(verb.lower, needed)) {
      const code = opts.inverted ? 'dt-inversion' : 'dt-subject';
      c.out.push(finding('dt', code, c.text, verb.start, verb.end, { word: verb.text, subject: pronoun.text, right: needed, person }, [matchCase(verb.text, needed)]));
      return;
    }
  }
}

/** Participles where the clause has hebben/zijn/worden and the word closes the clause (is gebeurt → gebeurd). */
function checkParticiples(c: Check, clause: Clause): void {
  const ws = clause.words;
  const auxAt = ws.findIndex((w) => AUXILIARIES.has(w.lower));
  if (auxAt < 0) return;
  ws.forEach((w, j) => {
    if (j === auxAt) return;
    const next = ws[j + 1];
    const closes = j === ws.length - 1;
    const beforeVerb = next !== undefined && (AUXILIARIES.has(next.lower) || next.lower === 'door' || (FORMS.get(next.lower) ?? []).some((u) => u.role === 'inf'));
    const afterAux = j > auxAt;
    // Main clause: aux … participle at the end. Subordinate clause: participle right before the
    // verbs that close it ("dat de brief verstuurd is", not "dat hij behandelt is klaar").
    const auxCloses = ws.slice(auxAt + 1).every((x) => AUXILIARIES.has(x.lower) || (FORMS.get(x.lower) ?? []).some((u) => u.role === 'inf'));
    if (!((afterAux && (closes || beforeVerb)) || (!afterAux && j === auxAt - 1 && auxCloses))) return;
    const uses = FORMS.get(w.lower) ?? [];
    if (!uses.length || uses.some((u) => u.role === 'part')) return;
    const use = uses.find((u) => u.role === 'stemT' && dtOnly(w.lower, u.verb.part));
    if (use) {
      c.out.push(finding('dt', 'participle', c.text, w.start, w.end, { word: w.text, right: use.verb.part, inf: use.verb.inf }, [matchCase(w.text, use.verb.part)]));
    }
  });
}

/** Determiners of a singular noun phrase subject ("uw aanvraag", "het dossier"). */
const DETERMINERS = new Set(['de', 'het', 'een', 'uw', 'mijn', 'jouw', 'zijn', 'haar', 'ons', 'onze', 'dit', 'dat', 'deze', 'die', 'elke', 'ieder', 'iedere', 'geen']);

/**
 * "Uw aanvraag word behandeld": a determiner, a singular-looking noun, then the bare stem of a
 * verb whose he-form adds a t. Only the stem is flagged (never a plural), the noun must not look
 * plural (-en, -s) and a pronoun right after the verb means inversion ("Die dag werk ik").
 */
function checkNounSubject(c: Check, det: Word | undefined, noun: Word | undefined, verb: Word | undefined, after: Word | undefined): void {
  if (!det || !noun || !verb || !DETERMINERS.has(det.lower)) return;
  if (/(en|s)$/.test(noun.lower) || PRONOUNS[noun.lower] !== undefined || (after && PRONOUNS[after.lower] !== undefined)) return;
  if ((FORMS.get(noun.lower) ?? []).length || IRREGULAR_FORMS.has(noun.lower)) return;
  const uses = FORMS.get(verb.lower) ?? [];
  // After a noun phrase a stem is the verb (de stad werk → werkt), unless capitalised (de dienst Werk).
  if (!uses.length || uses.some((u) => u.role !== 'stem') || /^\p{Lu}/u.test(verb.text)) return;
  const use = uses.find((u) => dtOnly(verb.lower, u.verb.stemT));
  if (!use) return;
  const subject = `${det.text} ${noun.text}`;
  c.out.push(finding('dt', 'dt-subject', c.text, verb.start, verb.end, { word: verb.text, subject, right: use.verb.stemT, person: 'hij' }, [matchCase(verb.text, use.verb.stemT)]));
}

export function checkDt(text: string): Finding[] {
  const c: Check = { text, out: [] };
  for (const sentence of sentences(text)) {
    const question = sentence.text.trimEnd().endsWith('?');
    for (const w of sentence.words) {
      const wrong = WRONG_FORMS.get(w.lower);
      if (wrong) {
        c.out.push(finding('dt', 'verb-form', text, w.start, w.end, { word: w.text, right: wrong.right, inf: wrong.verb.inf, role: wrong.role }, [matchCase(w.text, wrong.right)]));
      }
    }
    for (const clause of clauses(sentence)) {
      const ws = clause.words;
      const first = ws[0];
      if (!first) continue;
      ws.forEach((w, k) => {
        const next = ws[k + 1];
        if (!next || !adjacent(text, w, next)) return;
        // Subject first: "ik word", "omdat hij wordt", "en zij vindt".
        if (PRONOUNS[w.lower] !== undefined) {
          const mainStart = (k === 0 && !clause.subordinate) || (k === 1 && COORDINATORS.has(first.lower));
          const subStart = k === 1 && clause.subordinate && first.lower !== 'wie' && first.lower !== 'wat';
          if (mainStart || subStart) checkAgreement(c, next, w, { inverted: false, subordinate: subStart });
        }
        // Verb first: "Word jij …?", "Morgen wordt u …", "…, belt u".
        if (PRONOUNS[next.lower] !== undefined && PRONOUNS[w.lower] === undefined) {
          const verbFirst = k === 0 || (k === 1 && INVERSION_TRIGGERS.has(first.lower));
          if (!verbFirst) return;
          // "Stuur het op." "Bel ze morgen.": an imperative with an object, not inversion.
          if (OBJECT_LIKE.has(next.lower) && k === 0 && !question) return;
          const isIrregular = IRREGULAR_FORMS.has(w.lower);
          // "Wordt je aanvraag …?": je may be a possessive; only irregular verbs are certain.
          if (next.lower === 'je' && !isIrregular) {
            const uses = FORMS.get(w.lower) ?? [];
            if (uses.some((u) => u.role === 'stemT')) return;
          }
          if (isIrregular || FORMS.has(w.lower)) checkAgreement(c, w, next, { inverted: true, subordinate: false });
        }
      });
      // Subordinate clause: the finite verb closes it ("omdat hij ziek word" → wordt). Only with a
      // pronoun that is surely the subject (not je/het/ze: "dat je aanvraag klaar is").
      const subject = ws[1];
      const last = ws[ws.length - 1]!;
      if (clause.subordinate && subject && ws.length >= 4 && SURE_SUBJECTS.has(subject.lower)) {
        const uses = FORMS.get(last.lower) ?? [];
        const finiteOnly = uses.length > 0 && uses.every((u) => u.role === 'stem' || u.role === 'stemT') && !uses.some((u) => u.verb.noun);
        if (finiteOnly || IRREGULAR_FORMS.has(last.lower)) checkAgreement(c, last, subject, { inverted: false, subordinate: false });
      }
      if (!clause.subordinate && adjacentAll(text, ws.slice(0, 3))) checkNounSubject(c, ws[0], ws[1], ws[2], ws[3]);
      if (clause.subordinate && ws.length >= 4) checkNounSubject(c, ws[1], ws[2], last, undefined);
      checkParticiples(c, clause);
    }
  }
  // One finding per word: the most specific rule wins.
  const seen = new Set<string>();
  return c.out.filter((f) => {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
