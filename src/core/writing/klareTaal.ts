/**
 * Klare taal (plain language): sentences over ~20 words, passives piled up (two in one sentence,
 * or three sentences in a row), and jargon that a deck lists with a `plain` alternative.
 */
import { finding, matchCase, type Finding } from './findings.ts';
import { clauses, sentences, type Sentence } from './text.ts';
import type { DtLexicon } from './dtLexicon.ts';
import { WORDEN } from './verbs.ts';

export const LONG_SENTENCE = 20;

export interface JargonEntry {
  term: string;
  plain: string;
  /** A noun card: "ik besluit" is the verb, not the noun "besluit". */
  noun?: boolean;
  /** Where it comes from, e.g. the deck title. */
  source?: string;
}

export interface JargonMatcher {
  entries: Map<string, JargonEntry>;
  pattern: RegExp | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (s: string) => s.replace(/’/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();

/** Compiles the jargon list once (one pattern for all terms, longest first). */
export function jargonMatcher(list: readonly JargonEntry[]): JargonMatcher {
  const entries = new Map<string, JargonEntry>();
  for (const e of list) {
    const k = key(e.term);
    // A term whose plain version is itself is not jargon; the first deck that lists a term wins.
    if (!k || key(e.plain) === k || entries.has(k)) continue;
    entries.set(k, e);
  }
  const terms = [...entries.keys()].sort((a, b) => b.length - a.length).map((t) => escape(t).replace(/ /g, '\\s+'));
  const pattern = terms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}'-])(${terms.join('|')})(s|en|n|e|'s)?(?![\\p{L}\\p{N}'-])`, 'giu')
    : undefined;
  return { entries, pattern };
}

const PRONOUN_BEFORE = /(?:^|[\s(])(ik|jij|je|u|hij|zij|ze|wij|we|jullie|men)\s+$/i;
const NOT_PARTICIPLE = new Set(['gezond', 'gerust', 'geschikt', 'geworden', 'gebied', 'gezicht', 'gewicht', 'gevecht', 'gedicht']);

function isParticiple(lower: string, lexicon?: DtLexicon): boolean {
  if (NOT_PARTICIPLE.has(lower)) return false;
  if ((lexicon?.forms.get(lower) ?? []).some((u) => u.role === 'part')) return true;
  // ge…d/t/en, also after a separable prefix (nagekeken, opgestuurd, ingevuld).
  return /^\p{L}{0,6}?ge\p{L}{3,}(d|t|en)$/u.test(lower);
}

/** How many clauses of a sentence are passive (a form of worden with a participle). */
export function passiveCount(sentence: Sentence, lexicon?: DtLexicon): number {
  let n = 0;
  for (const clause of clauses(sentence)) {
    const w = clause.words.findIndex((x) => WORDEN.has(x.lower));
    if (w >= 0 && clause.words.some((x, i) => i !== w && isParticiple(x.lower, lexicon))) n++;
  }
  return n;
}

function atSentenceStart(text: string, index: number): boolean {
  return /(^|[.!?:]\s+|\n\s*)$/.test(text.slice(0, index));
}

/** `lexicon` (the dt lexicon) tells participles without ge- (behandeld, verstuurd) apart; without it only ge-forms count. */
export function checkKlareTaal(text: string, jargon?: JargonMatcher, lexicon?: DtLexicon): Finding[] {
  const out: Finding[] = [];
  let run = 0;
  for (const s of sentences(text)) {
    const count = s.words.length;
    if (count > LONG_SENTENCE) {
      out.push(finding('klareTaal', 'long-sentence', text, s.start, s.end, { count: String(count), max: String(LONG_SENTENCE) }));
    }
    const passives = passiveCount(s, lexicon);
    run = passives > 0 ? run + 1 : 0;
    if (passives >= 2) out.push(finding('klareTaal', 'passive-chain', text, s.start, s.end, { count: String(passives) }));
    else if (run >= 3) out.push(finding('klareTaal', 'passive-run', text, s.start, s.end, { count: String(run) }));
  }
  if (jargon?.pattern) {
    const lower = text.replace(/’/g, "'");
    jargon.pattern.lastIndex = 0;
    for (const m of lower.matchAll(jargon.pattern)) {
      const entry = jargon.entries.get(key(m[1]!));
      if (!entry) continue;
      const start = m.index;
      const end = start + m[0].length;
      const written = text.slice(start, end);
      // "Peter" mid-sentence is a name, not the mentor ("peter") of the deck.
      if (entry.term === entry.term.toLowerCase() && /^\p{Lu}/u.test(written) && !atSentenceStart(text, start)) continue;
      if (entry.noun && PRONOUN_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      out.push(
        finding(
          'klareTaal',
          'jargon',
          text,
          start,
          end,
          { word: written, term: entry.term, plain: entry.plain, source: entry.source ?? '' },
          [matchCase(written, entry.plain)],
        ),
      );
    }
  }
  return out;
}
