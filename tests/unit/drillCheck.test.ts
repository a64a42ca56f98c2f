import { describe, expect, it } from 'vitest';
import { parseFixText } from '../../src/core/drills/fixText.ts';
import {
  buildSentence,
  checkFix,
  checkGap,
  checkOrder,
  checkRubric,
  normalizeSentence,
  poolOrder,
  tileLabel,
  tileOrderFor,
  wordCount,
} from '../../src/core/drills/check.ts';

function fixItem(markup: string) {
  const parsed = parseFixText(markup);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('gap: checked like a typed answer', () => {
  it('gives the dt reason for a d/t slip, accepts alternatives and forgives case', () => {
    expect(checkGap({ answer: 'wordt', alternatives: [] }, 'word')).toMatchObject({ outcome: 'wrong', reason: 'dt' });
    expect(checkGap({ answer: 'beantwoordt', alternatives: [] }, 'beantwoord')).toMatchObject({ outcome: 'wrong', reason: 'dt' });
    expect(checkGap({ answer: 'Hebt', alternatives: ['Heeft'] }, 'heeft')).toMatchObject({ outcome: 'correct' });
    expect(checkGap({ answer: 'georganiseerd', alternatives: [] }, 'georganizeerd')).toMatchObject({ outcome: 'almost', reason: 'typo' });
  });
});

describe('order: tiles', () => {
  it('finds the order of tiles that spells a sentence, with multi-word and repeated tiles', () => {
    const tiles = ['u', 'kunt', 'als', 'u', 'vragen', 'hebt,', 'ons', 'bellen'];
    expect(tileOrderFor(tiles, 'Als u vragen hebt, kunt u ons bellen.')).toEqual([2, 0, 4, 5, 1, 3, 6, 7]);
    expect(tileOrderFor(['in de bijlage', 'vindt', 'u'], 'In de bijlage vindt u.')).toEqual([0, 1, 2]);
    expect(tileOrderFor(['in de', 'bijlage'], 'In de bijlage vindt u.')).toBeNull();
    expect(tileOrderFor(['in', 'de bijlage', 'vindt', 'u', 'iets'], 'In de bijlage vindt u.')).toBeNull();
  });

  it('accepts the answer and listed alternatives, case and final mark aside', () => {
    const item = {
      tiles: ['morgen', 'stuur', 'ik', 'u', 'de beslissing'],
      answer: 'Morgen stuur ik u de beslissing.',
      alternatives: ['Ik stuur u morgen de beslissing.'],
    };
    expect(checkOrder(item, [0, 1, 2, 3, 4])).toEqual({ correct: true, given: 'Morgen stuur ik u de beslissing.', expected: item.answer });
    expect(checkOrder(item, [2, 1, 3, 0, 4])).toMatchObject({ correct: true, expected: item.alternatives[0] });
    expect(checkOrder(item, [0, 2, 1, 3, 4])).toMatchObject({
      correct: false,
      given: 'Morgen ik stuur u de beslissing.',
      expected: item.answer,
    });
    expect(checkOrder(item, [0, 1, 2, 3])).toMatchObject({ correct: false });
  });

  it('builds the sentence with a capital and the end mark, and hides the first word’s capital in the pool', () => {
    expect(buildSentence(['weet', 'u', 'of', 'hij', 'komt'], 'Weet u of hij komt?')).toBe('Weet u of hij komt?');
    expect(tileLabel('Morgen', 'Morgen stuur ik u de beslissing.')).toBe('morgen');
    expect(tileLabel('OCMW', 'OCMW helpt u.')).toBe('OCMW');
    expect(tileLabel('Gent', 'Ik werk in Gent.')).toBe('Gent');
  });

  it('shuffles the pool the same way every time, never into a right order', () => {
    const item = { id: 'order-x', tiles: ['ik', 'bel', 'u'], answer: 'Ik bel u.', alternatives: [] };
    expect(poolOrder(item)).toEqual(poolOrder(item));
    for (let i = 0; i < 50; i++) {
      const it = { ...item, id: `order-${i}` };
      expect(checkOrder(it, poolOrder(it)).correct).toBe(false);
    }
    // Two tiles that are the same word: any order is right, the pool still does its best.
    expect(poolOrder({ id: 'x', tiles: ['a', 'a'], answer: 'A a.', alternatives: [] })).toHaveLength(2);
  });

  it('normalises sentences for comparison', () => {
    expect(normalizeSentence('  Zo’n   collega!  ')).toBe("zo'n collega");
  });
});

describe('fix: a text with errors', () => {
  it('parses {wrong|right|why} into the faulty and the correct text', () => {
    const comma = fixItem('Als u vragen {hebt|hebt,} kunt u bellen{|.}');
    expect([comma.faulty, comma.correct]).toEqual(['Als u vragen hebt kunt u bellen', 'Als u vragen hebt, kunt u bellen.']);
    const ok = fixItem('Hij {word|wordt} morgen {gebelt|gebeld|ge + bel + d}.');
    expect(ok.faulty).toBe('Hij word morgen gebelt.');
    expect(ok.correct).toBe('Hij wordt morgen gebeld.');
    expect(ok.errors[1]).toEqual({
      wrong: 'gebelt',
      right: 'gebeld',
      note: 'ge + bel + d',
      start: 17,
      end: 23,
      faultyStart: 16,
      faultyEnd: 22,
    });
  });

  const item = fixItem('Uw aanvraag {word|wordt} behandeld. Ik {stuurt|stuur} u het attest. Daarna {antwoord|antwoordt} mijn collega.');

  it('counts every error found when the text is corrected', () => {
    const r = checkFix(item, item.correct);
    expect(r).toMatchObject({ found: 3, changes: [], rating: 3 });
    expect(r.errors.every((e) => e.found)).toBe(true);
  });

  it('shows which errors were missed and what the trainee has there', () => {
    const r = checkFix(item, 'Uw aanvraag wordt behandeld. Ik stuurt u het attest. Daarna antwoorde mijn collega.');
    expect(r.found).toBe(1);
    expect(r.errors.map((e) => [e.right, e.found, e.given])).toEqual([
      ['wordt', true, 'wordt'],
      ['stuur', false, 'stuurt'],
      ['antwoordt', false, 'antwoorde'],
    ]);
    expect(r.rating).toBe(1);
  });

  it('names changes to text that was right; all errors found with a new one is Hard', () => {
    const r = checkFix(item, 'Uw aanvraag wordt behandelt. Ik stuur u het attest. Daarna antwoordt mijn collega.');
    expect(r.found).toBe(3);
    expect(r.changes).toEqual([{ expected: 'behandeld.', given: 'behandelt.' }]);
    expect(r.rating).toBe(2);
  });

  it('counts capitals and commas: they are what some items practise', () => {
    const caps = fixItem('Vanaf {Maandag|maandag} volgt u les {nederlands|Nederlands}.');
    expect(checkFix(caps, 'Vanaf maandag volgt u les nederlands.').found).toBe(1);
    const comma = fixItem('Als u vragen {hebt|hebt,} kunt u ons bellen.');
    expect(checkFix(comma, 'Als u vragen hebt kunt u ons bellen.').found).toBe(0);
    expect(checkFix(comma, 'Als u vragen hebt, kunt u ons bellen.').found).toBe(1);
  });

  it('finds a removed doubled word only when it is really gone', () => {
    const doubled = fixItem('Ik stuur {de de|de} brief morgen.');
    expect(checkFix(doubled, 'Ik stuur de brief morgen.').found).toBe(1);
    expect(checkFix(doubled, 'Ik stuur de de brief morgen.').found).toBe(0);
  });

  it('is not fooled by line breaks and extra spaces', () => {
    const mail = fixItem('Geachte mevrouw,\nBedankt voor {je|uw} mail.');
    expect(checkFix(mail, 'Geachte mevrouw,   Bedankt voor uw   mail.').rating).toBe(3);
  });
});

describe('rewrite: the rubric', () => {
  const item = { avoid: ['gelieve', 'bijgevoegd*', 'ter attentie van'], include: ['u|uw', 'formulier*'], maxWords: 12 };

  it('passes a plain rewrite', () => {
    expect(checkRubric(item, 'Wilt u het formulier in de bijlage invullen?')).toMatchObject({ ok: true, words: 8, lengthOk: true });
  });

  it('names a word to avoid as it was written, matches word endings with *, phrases and diacritics loosely', () => {
    const r = checkRubric(item, 'Gelieve het Bijgevoegde formulier ter  attentie van de dienst te sturen, u weet wel.');
    expect(r.avoid).toEqual([
      { entry: 'gelieve', ok: false, found: 'Gelieve' },
      { entry: 'bijgevoegd*', ok: false, found: 'Bijgevoegde' },
      { entry: 'ter attentie van', ok: false, found: 'ter  attentie van' },
    ]);
    expect(r.ok).toBe(false);
  });

  it('wants every include (any of its options) and the length', () => {
    expect(checkRubric(item, 'Vul het formulier in.').include).toEqual([
      { entry: 'u|uw', ok: false },
      { entry: 'formulier*', ok: true },
    ]);
    expect(checkRubric(item, 'Wilt u zo vriendelijk zijn om het formulier dat wij u stuurden ooit in te vullen?')).toMatchObject({
      lengthOk: false,
      ok: false,
    });
    // Whole words only: "uw" is not "u", "gelievekes" is not "gelieve".
    expect(checkRubric({ avoid: ['gelieve'], include: ['u'] }, 'Uw gelievekes.')).toMatchObject({
      ok: false,
      include: [{ entry: 'u', ok: false }],
    });
  });

  it('counts words the way a reader does', () => {
    expect(wordCount('Zo’n e-mail is al 3 keer verstuurd.')).toBe(7);
  });
});
