import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/core/exercises/answer.ts';
import { fold, INVISIBLE } from '../../src/core/content/text.ts';
import { buildGlossary, searchGlossary } from '../../src/core/glossary/glossary.ts';
import { checkText, jargonMatcher, knownWords } from '../../src/core/writing/index.ts';
import { checkGap, normalizeSentence } from '../../src/core/drills/check.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { makeCard, makeDeck } from './helpers.ts';

/**
 * Words that are keys of every plain object: a lookup keyed by user or content text that uses a
 * plain object hits the prototype with them (the writing desk stopped on "constructor").
 */
export const PROTOTYPE_WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'prototype',
  '__defineGetter__',
];
const DUTCH = [
  'u',
  'je',
  'jij',
  'uw',
  'wordt',
  'word',
  'de',
  'het',
  'stad',
  'aanvraag',
  'teneinde',
  'gelieve',
  'Geachte',
  'heer',
  'Met',
  'vriendelijke',
  'groet',
];
/** The bidirectional and zero-width marks right-to-left keyboards and copy-paste insert. */
const INVISIBLES = [
  '\u200E',
  '\u200F',
  '\u061C',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u200B',
  '\u00AD',
];

const word = fc.constantFrom(...PROTOTYPE_WORDS, ...DUTCH);
const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '. ', ', ', '\n', '? ')), { maxLength: 40 }).map((parts) => parts.join(' '));

describe('text used as a key never reaches Object.prototype', () => {
  it('the writing desk checks any text of these words without throwing', () => {
    const jargon = jargonMatcher([
      { term: 'constructor', plain: 'bouwer', noun: true, source: 'x' },
      { term: 'teneinde', plain: 'om', noun: false, source: 'y' },
    ]);
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('u' as const, 'je' as const),
        fc.constantFrom('email' as const, 'text' as const),
        (t, register, kind) => {
          const findings = checkText(t, { register, kind, jargon });
          for (const f of findings) expect(typeof f.start).toBe('number');
        },
      ),
      { numRuns: 300 },
    );
    expect(() => knownWords(PROTOTYPE_WORDS)).not.toThrow();
  });

  it('answers, drills and the glossary treat them as words', () => {
    for (const w of PROTOTYPE_WORDS) {
      expect(checkAnswer(w, { answer: w }).outcome).toBe('correct');
      expect(checkAnswer(w, { answer: 'aanvraag' }).outcome).toBe('wrong');
      expect(checkGap({ answer: w, alternatives: [] }, w).outcome).toBe('correct');
    }
    const index = buildGlossary([
      makeDeck(
        'a',
        0,
        PROTOTYPE_WORDS.map((w, i) => makeCard(i, { id: `w${i}`, term: w, definition: `Uitleg van ${w}.` })),
      ),
    ]);
    for (const w of PROTOTYPE_WORDS) expect(searchGlossary(index, w).hits.map((h) => h.card.term)).toContain(w);
  });

  it('a deck whose terms and ids are these words is parsed like any other', () => {
    const cards = PROTOTYPE_WORDS.map(
      (w, i) => `  - term: w${i}${w.replace(/_/g, '')}\n    definition: Uitleg ${w}.\n    translations: { en: ${JSON.stringify(w)} }\n`,
    ).join('');
    const result = parseDeckFile('content/decks/x/proto.deck.yaml', `id: proto\ntitle: ${PROTOTYPE_WORDS.join(' ')}\ncards:\n${cards}`);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.deck?.cards).toHaveLength(PROTOTYPE_WORDS.length);
  });
});

describe('invisible marks are ignored wherever text is compared', () => {
  const sprinkle = (s: string, marks: string[]) => [...s].map((ch, i) => (marks[i % marks.length] ?? '') + ch).join('');
  it('a right answer typed with bidi marks is still right (cards and drills), and the glossary finds it', () => {
    fc.assert(
      fc.property(
        fc.subarray(INVISIBLES, { minLength: 1 }),
        fc.constantFrom('de aanvraag', 'het attest', 'schepencollege', 'u wordt'),
        (marks, answer) => {
          const typed = sprinkle(answer, marks);
          expect(checkAnswer(typed, { answer }).outcome).toBe('correct');
          expect(normalizeSentence(typed)).toBe(normalizeSentence(answer));
          expect(fold(typed)).toBe(fold(answer));
        },
      ),
    );
  });

  it('every mark the rule names is one of the characters it removes', () => {
    for (const mark of INVISIBLES) expect(`a${mark}b`.replace(INVISIBLE, '')).toBe('ab');
  });

  it('a deck file with an invisible mark gets a warning at that line', () => {
    const yaml = `id: proef\ntitle: Proef\ncards:\n  - term: aan\u200Fvraag\n    definition: Een vraag.\n`;
    const result = parseDeckFile('content/decks/x/proef.deck.yaml', yaml);
    const warning = result.problems.find((p) => p.code === 'invisible-character');
    expect(warning?.severity).toBe('warning');
    expect(warning?.line).toBe(4);
  });
});
