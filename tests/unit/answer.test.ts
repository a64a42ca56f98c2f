import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  normalizeAnswer,
  ratingFor,
  type AnswerCheck,
  type DiffPart,
  type Outcome,
  type Reason,
} from '../../src/core/exercises/answer.ts';

type Expected = string | { answer: string; alternatives?: string[] };

function check(given: string, expected: Expected): AnswerCheck {
  return checkAnswer(given, typeof expected === 'string' ? { answer: expected } : expected);
}

/** Asserts outcome and reason together so a failure shows both. */
function expectResult(given: string, expected: Expected, outcome: Outcome, reason: Reason): AnswerCheck {
  const r = check(given, expected);
  expect({ given, outcome: r.outcome, reason: r.reason }).toEqual({ given, outcome, reason });
  return r;
}

// Rebuild both sides from the diff: the contract the UI relies on.
function givenSide(diff: DiffPart[]): string {
  return diff.map((p) => (p.kind === 'missing' ? '' : p.text)).join('');
}
function expectedSide(diff: DiffPart[]): string {
  return diff.map((p) => (p.kind === 'extra' ? '' : p.kind === 'changed' ? (p.expected ?? '') : p.text)).join('');
}

describe('normalizeAnswer', () => {
  it('trims, collapses whitespace, lowercases and drops one final full stop', () => {
    expect(normalizeAnswer('  De   Aanvraag\t wordt\nbehandeld. ')).toBe('de aanvraag wordt behandeld');
    expectResult('  De   Aanvraag\t wordt\nbehandeld. ', 'de aanvraag wordt behandeld', 'correct', 'exact');
  });

  it('keeps ! and ? and drops only a single final full stop', () => {
    expect(normalizeAnswer('Dank u!')).toBe('dank u!');
    expect(normalizeAnswer('Kan ik u helpen?')).toBe('kan ik u helpen?');
    expect(normalizeAnswer('enz..')).toBe('enz.');
    expectResult('enz.', 'enz', 'correct', 'exact');
  });

  it('treats typographic apostrophes and the ĳ ligature as plain characters', () => {
    expect(normalizeAnswer('’s Middags')).toBe("'s middags");
    expect(normalizeAnswer('de bĳlage')).toBe('de bijlage');
    expectResult('de bĳlage', 'de bijlage', 'correct', 'exact');
  });
});

describe('exact matches', () => {
  it('accepts the identical answer', () => {
    const r = expectResult('de aanvraag', 'de aanvraag', 'correct', 'exact');
    expect(r.matched).toBe('de aanvraag');
    expect(r.explanationKey).toBe('feedback.reason.exact');
  });

  it('ignores letter case', () => {
    expectResult('De Aanvraag', 'de aanvraag', 'correct', 'exact');
    expectResult('OCMW', 'ocmw', 'correct', 'exact');
  });

  it('ignores leading, trailing and repeated inner spaces (including no-break spaces)', () => {
    expectResult('   het   college van\u00a0burgemeester en schepenen  ', 'het college van burgemeester en schepenen', 'correct', 'exact');
  });

  it('ignores a final full stop on either side', () => {
    expectResult('Het dossier wordt behandeld.', 'het dossier wordt behandeld', 'correct', 'exact');
    expectResult('het dossier wordt behandeld', 'Het dossier wordt behandeld.', 'correct', 'exact');
  });

  it("treats ’ and ' as the same character", () => {
    expectResult('’s middags', "'s middags", 'correct', 'exact');
    expectResult("'s morgens", '’s morgens', 'correct', 'exact');
  });

  it('compares decomposed (NFD) input as the same letters', () => {
    expectResult('ideee\u0308n', 'ideeën', 'correct', 'exact');
  });

  it('accepts an alternative exactly and reports it as matched', () => {
    const r = expectResult('het loket', { answer: 'de balie', alternatives: ['het loket'] }, 'correct', 'exact');
    expect(r.matched).toBe('het loket');
  });

  it('prefers the main answer when several candidates match', () => {
    const r = expectResult('de aanvraag', { answer: 'De aanvraag.', alternatives: ['de aanvraag'] }, 'correct', 'exact');
    expect(r.matched).toBe('De aanvraag.');
  });
});

describe('accent (only diacritics differ)', () => {
  it('ideeen for ideeën', () => {
    const r = expectResult('ideeen', 'ideeën', 'almost', 'accent');
    expect(r.explanationKey).toBe('feedback.reason.accent');
    expect(r.explanationParams).toMatchObject({ word: 'ideeën', given: 'ideeen' });
  });

  it('een for één, even though the word is short', () => {
    expectResult('een', 'één', 'almost', 'accent');
  });

  it('client for cliënt and cliënt for client', () => {
    expectResult('client', 'cliënt', 'almost', 'accent');
    expectResult('cliënt', 'client', 'almost', 'accent');
  });

  it('reeen for reeën', () => {
    expectResult('reeen', 'reeën', 'almost', 'accent');
  });

  it('geevalueerd for geëvalueerd', () => {
    expectResult('het project is geevalueerd', 'het project is geëvalueerd', 'almost', 'accent');
  });

  it('cafe and cafè for café', () => {
    expectResult('cafe', 'café', 'almost', 'accent');
    expectResult('cafè', 'café', 'almost', 'accent');
  });

  it('accent slips in several words of one answer', () => {
    expectResult('de ideeen van de client', 'de ideeën van de cliënt', 'almost', 'accent');
  });

  it('ignores case together with accents', () => {
    expectResult('Een Cafe', 'één café', 'almost', 'accent');
  });
});

describe('typo boundaries', () => {
  it('no tolerance in a 4-letter word: fout / foot', () => {
    expectResult('foot', 'fout', 'wrong', 'other');
  });

  it('no tolerance in a 4-letter word: raad / raam', () => {
    expectResult('raam', 'raad', 'wrong', 'other');
  });

  it('raad / raat is wrong; the d/t ending rule names it', () => {
    // Structural dt rule: same stem, d vs t. Wrong either way; dt is the more useful explanation.
    expectResult('raat', 'raad', 'wrong', 'dt');
  });

  it('the budget follows the expected word: raaad for raad is wrong', () => {
    expectResult('raaad', 'raad', 'wrong', 'other');
  });

  it('5-letter word, one deletion: lokt for loket', () => {
    const r = expectResult('lokt', 'loket', 'almost', 'typo');
    expect(r.explanationKey).toBe('feedback.reason.typo');
    expect(r.explanationParams).toMatchObject({ word: 'loket', given: 'lokt' });
  });

  it('5-letter word, one insertion: lokket for loket', () => {
    expectResult('lokket', 'loket', 'almost', 'typo');
  });

  it('5-letter word, one swap of neighbours: lkoet for loket', () => {
    expectResult('lkoet', 'loket', 'almost', 'typo');
  });

  it('5-letter word, two edits: lkt for loket is wrong', () => {
    expectResult('lkt', 'loket', 'wrong', 'other');
  });

  it('9-letter word, one swap: formuleir for formulier', () => {
    expectResult('formuleir', 'formulier', 'almost', 'typo');
  });

  it('9-letter word, two edits is wrong: fromulire for formulier', () => {
    expectResult('fromulire', 'formulier', 'wrong', 'other');
  });

  it('9-letter word, two edits is wrong: abmtenar for ambtenaar', () => {
    expectResult('abmtenar', 'ambtenaar', 'wrong', 'other');
  });

  it('10-letter word, two swaps: porcedurse for procedures', () => {
    expectResult('porcedurse', 'procedures', 'almost', 'typo');
  });

  it('12-letter word, one deletion: gemeentraad for gemeenteraad', () => {
    expectResult('gemeentraad', 'gemeenteraad', 'almost', 'typo');
  });

  it('12-letter word, one swap: gemeetneraad for gemeenteraad', () => {
    expectResult('gemeetneraad', 'gemeenteraad', 'almost', 'typo');
  });

  it('12-letter word, two edits: inscrijvnig for inschrijving', () => {
    expectResult('inscrijvnig', 'inschrijving', 'almost', 'typo');
  });

  it('12-letter word, three edits is wrong: inscrjivnig for inschrijving', () => {
    expectResult('inscrjivnig', 'inschrijving', 'wrong', 'other');
  });

  it('a missing accent does not use up the typo budget: clint for cliënt', () => {
    expectResult('clint', 'cliënt', 'almost', 'typo');
  });

  it('a missing hyphen is one character: email for e-mail', () => {
    expectResult('email', 'e-mail', 'almost', 'typo');
  });

  it('a space for a hyphen changes the word count: e mail for e-mail is wrong', () => {
    expectResult('e mail', 'e-mail', 'wrong', 'other');
  });

  it('a missing ? is one character of the word it is attached to', () => {
    expectResult('Kan ik u helpen', 'Kan ik u helpen?', 'almost', 'typo');
    expectResult('ja', 'ja?', 'wrong', 'other');
  });

  it('a missing t after a stem is not a d/t/dt confusion under the rule: werk for werkt', () => {
    // Endings must both be one of d/t/dt; an absent ending falls back to the typo rule.
    expectResult('werk', 'werkt', 'almost', 'typo');
  });
});

describe('multi-word answers', () => {
  const cbs = 'college van burgemeester en schepenen';

  it('accepts the full phrase exactly', () => {
    expectResult('College van Burgemeester en Schepenen', cbs, 'correct', 'exact');
  });

  it('accepts one typo in each long word', () => {
    expectResult('colege van burgemeestr en schepnen', cbs, 'almost', 'typo');
  });

  it('accepts a substitution in a 7-letter word: kollege', () => {
    expectResult('kollege van burgemeester en schepenen', cbs, 'almost', 'typo');
  });

  it('rejects a missing word', () => {
    expectResult('college van burgemeester schepenen', cbs, 'wrong', 'other');
  });

  it('rejects a typo in a short word', () => {
    expectResult('college vn burgemeester en schepenen', cbs, 'wrong', 'other');
  });

  it('rejects two typos in one 7-letter word even if the other words are fine', () => {
    expectResult('kolege van burgmeester en schepenen', cbs, 'wrong', 'other');
  });

  it('each word has its own budget: two edits in burgemeester', () => {
    expectResult('de burgmeestre', 'de burgemeester', 'almost', 'typo');
  });

  it('rejects swapped word order', () => {
    expectResult('van college burgemeester en schepenen', cbs, 'wrong', 'other');
  });

  it('accent in one word plus a typo in another is a typo', () => {
    expectResult('de ideeen van de clienen', 'de ideeën van de cliënten', 'almost', 'typo');
  });
});

describe('articles (de/het)', () => {
  it('wrong article: het aanvraag for de aanvraag', () => {
    const r = expectResult('het aanvraag', 'de aanvraag', 'wrong', 'article');
    expect(r.explanationKey).toBe('feedback.reason.article');
    expect(r.explanationParams).toMatchObject({
      expected: 'de aanvraag',
      article: 'de',
      noun: 'aanvraag',
      givenArticle: 'het',
      kind: 'wrong',
    });
  });

  it('missing article: aanvraag for de aanvraag', () => {
    const r = expectResult('aanvraag', 'de aanvraag', 'wrong', 'article');
    expect(r.explanationParams).toMatchObject({ article: 'de', noun: 'aanvraag', givenArticle: '', kind: 'missing' });
  });

  it('extra article: de aanvraag for aanvraag', () => {
    const r = expectResult('de aanvraag', 'aanvraag', 'wrong', 'article');
    expect(r.explanationParams).toMatchObject({ article: '', noun: 'aanvraag', givenArticle: 'de', kind: 'extra' });
  });

  it('article error wins over a typo in the noun', () => {
    expectResult('het aanvrag', 'de aanvraag', 'wrong', 'article');
  });

  it('article error wins over an accent slip in the noun', () => {
    expectResult('het client', 'de cliënt', 'wrong', 'article');
  });

  it('wrong article at the start of a sentence', () => {
    expectResult('De dossier wordt behandeld', 'het dossier wordt behandeld', 'wrong', 'article');
  });

  it('wrong article before a noun inside the sentence', () => {
    const r = expectResult('ik dien het aanvraag morgen in', 'ik dien de aanvraag morgen in', 'wrong', 'article');
    expect(r.explanationParams).toMatchObject({ phrase: 'de aanvraag', given: 'het aanvraag' });
  });

  it('missing article inside the sentence', () => {
    expectResult('wij behandelen aanvraag morgen', 'wij behandelen de aanvraag morgen', 'wrong', 'article');
  });

  it('article error is reported before a dt error in the same answer', () => {
    expectResult('de dossier word behandeld', 'het dossier wordt behandeld', 'wrong', 'article');
  });

  it('a lone article answer: het for de', () => {
    expectResult('het', 'de', 'wrong', 'article');
  });

  it('een instead of de or het is an article error: the learner avoided the article (issue 12)', () => {
    const r = expectResult('een aanvraag', 'de aanvraag', 'wrong', 'article');
    expect(r.explanationKey).toBe('feedback.reason.article_indefinite');
    expect(r.explanationParams).toMatchObject({
      article: 'de',
      givenArticle: 'een',
      noun: 'aanvraag',
      phrase: 'de aanvraag',
      given: 'een aanvraag',
      kind: 'indefinite',
    });
    expect(expectResult('Een dossier', 'het dossier', 'wrong', 'article').explanationParams).toMatchObject({
      article: 'het',
      kind: 'indefinite',
    });
    // Still recognised with a slip in the noun, inside a sentence, and as a lone article.
    expect(expectResult('een aanvrag', 'de aanvraag', 'wrong', 'article').explanationParams.kind).toBe('indefinite');
    expect(expectResult('ik dien een aanvraag in', 'ik dien de aanvraag in', 'wrong', 'article').explanationParams).toMatchObject({
      phrase: 'de aanvraag',
      given: 'een aanvraag',
    });
    expect(expectResult('een', 'het', 'wrong', 'article').explanationKey).toBe('feedback.reason.article_indefinite');
  });

  it('een with an adjective: the het-word adjective may drop its -e, a de-word adjective keeps it', () => {
    expect(expectResult('een openbare procedure', 'de openbare procedure', 'wrong', 'article').explanationParams.kind).toBe('indefinite');
    expect(expectResult('een groot plan', 'het grote plan', 'wrong', 'article').explanationParams).toMatchObject({
      kind: 'indefinite',
      phrase: 'het grote',
    });
    expect(expectResult('een openbaar onderzoek', 'het openbaar onderzoek', 'wrong', 'article').explanationParams.kind).toBe('indefinite');
    expectResult('een klein plan', 'het grote plan', 'wrong', 'other');
  });

  it('een with a plural word is an article error too; een with another noun is not', () => {
    expect(expectResult('een notulen', 'de notulen', 'wrong', 'article').explanationKey).toBe('feedback.reason.article_indefinite');
    expectResult('een formulier', 'de aanvraag', 'wrong', 'other');
    // Een where the answer has no article is an extra article, as de and het are.
    expect(expectResult('een aanvraag', 'aanvraag', 'wrong', 'article').explanationParams).toMatchObject({
      givenArticle: 'een',
      kind: 'extra',
    });
    expect(expectResult('de afspraak maken', 'een afspraak maken', 'wrong', 'article').explanationParams.kind).toBe('wrong');
    expectResult('een afspraak maken', 'een afspraak maken', 'correct', 'exact');
  });

  it('a different noun is not an article error', () => {
    expectResult('het formulier', 'de aanvraag', 'wrong', 'other');
  });
});

describe('d/t/dt endings', () => {
  it('word for wordt', () => {
    const r = expectResult('word', 'wordt', 'wrong', 'dt');
    expect(r.explanationKey).toBe('feedback.reason.dt');
    expect(r.explanationParams).toMatchObject({ word: 'wordt', given: 'word', ending: 'dt', givenEnding: 'd' });
  });

  it('gebeurd for gebeurt (7 letters, one edit, still not a typo)', () => {
    expectResult('gebeurd', 'gebeurt', 'wrong', 'dt');
  });

  it('antwoord for antwoordt', () => {
    expectResult('antwoord', 'antwoordt', 'wrong', 'dt');
  });

  it('vindt for vind', () => {
    expectResult('vindt', 'vind', 'wrong', 'dt');
  });

  it('beantwoordt for beantwoord (11 letters)', () => {
    expectResult('beantwoordt', 'beantwoord', 'wrong', 'dt');
  });

  it('verhuisd for verhuist', () => {
    expectResult('verhuisd', 'verhuist', 'wrong', 'dt');
  });

  it('wort for wordt (t vs dt)', () => {
    expectResult('wort', 'wordt', 'wrong', 'dt');
  });

  it('hij word behandeld for hij wordt behandeld', () => {
    expectResult('hij word behandeld', 'hij wordt behandeld', 'wrong', 'dt');
  });

  it('a wrong participle ending: hij wordt behandelt', () => {
    expectResult('Hij wordt behandelt.', 'Hij wordt behandeld.', 'wrong', 'dt');
  });

  it('het dossier word behandeld', () => {
    expectResult('het dossier word behandeld', 'het dossier wordt behandeld', 'wrong', 'dt');
  });

  it('a dt error makes the whole answer wrong even next to a typo', () => {
    expectResult('het dosier word behandeld', 'het dossier wordt behandeld', 'wrong', 'dt');
  });

  it('a dt error wins over a typo in the stem', () => {
    expectResult('beantwordt', 'beantwoord', 'wrong', 'dt');
  });

  it('a dt error wins over an accent slip in the stem', () => {
    expectResult('geevalueert', 'geëvalueerd', 'wrong', 'dt');
  });

  it('works with trailing punctuation and capitals', () => {
    expectResult('Word het dossier behandeld?', 'Wordt het dossier behandeld?', 'wrong', 'dt');
    expectResult('hij word, denk ik, snel geholpen', 'hij wordt, denk ik, snel geholpen', 'wrong', 'dt');
  });
});

describe('other', () => {
  it('a completely different word', () => {
    const r = expectResult('formulier', 'aanvraag', 'wrong', 'other');
    expect(r.explanationKey).toBe('feedback.reason.other');
    expect(r.explanationParams).toMatchObject({ expected: 'aanvraag' });
  });

  it('a different word count', () => {
    expectResult('de aanvraag goedgekeurd', 'de aanvraag is goedgekeurd', 'wrong', 'other');
    expectResult('de aanvraag is al goedgekeurd', 'de aanvraag is goedgekeurd', 'wrong', 'other');
  });

  it('an empty or blank answer', () => {
    expectResult('', 'de aanvraag', 'wrong', 'other');
    expectResult('   ', 'de aanvraag', 'wrong', 'other');
  });

  it('a final ! is not ignored on a short word', () => {
    expectResult('dag', 'dag!', 'wrong', 'other');
  });
});

describe('alternatives', () => {
  const loket = { answer: 'de balie', alternatives: ['het loket'] };

  it('a typo against an alternative is almost', () => {
    const r = expectResult('het lokeet', loket, 'almost', 'typo');
    expect(r.matched).toBe('het loket');
  });

  it('an accent slip is preferred over a typo against another candidate', () => {
    const r = expectResult('clienten', { answer: 'klanten', alternatives: ['cliënten'] }, 'almost', 'accent');
    expect(r.matched).toBe('cliënten');
  });

  it('correct against an alternative beats dt against the main answer', () => {
    const r = expectResult(
      'hij word behandeld',
      { answer: 'hij wordt behandeld', alternatives: ['hij word behandeld'] },
      'correct',
      'exact',
    );
    expect(r.matched).toBe('hij word behandeld');
  });

  it('for wrong answers an article diagnosis against any candidate beats other', () => {
    const r = expectResult('de loket', loket, 'wrong', 'article');
    expect(r.matched).toBe('het loket');
  });

  it('for wrong answers a dt diagnosis against an alternative beats other', () => {
    const dt = expectResult('hij word geholpen', { answer: 'men helpt hem', alternatives: ['hij wordt geholpen'] }, 'wrong', 'dt');
    expect(dt.matched).toBe('hij wordt geholpen');
  });

  it('for plain wrong answers the closest candidate is reported', () => {
    const r = expectResult('verzoekschrift', { answer: 'aanvraag', alternatives: ['verzoek'] }, 'wrong', 'other');
    expect(r.matched).toBe('verzoek');
  });
});

describe('ratingFor', () => {
  it('wrong → Again (1)', () => {
    const r = expectResult('word', 'wordt', 'wrong', 'dt');
    expect(ratingFor(r.outcome)).toBe(1);
  });

  it('almost → Hard (2)', () => {
    const r = expectResult('gemeentraad', 'gemeenteraad', 'almost', 'typo');
    expect(ratingFor(r.outcome)).toBe(2);
  });

  it('correct → Good (3)', () => {
    const r = expectResult('De gemeenteraad.', 'de gemeenteraad', 'correct', 'exact');
    expect(ratingFor(r.outcome)).toBe(3);
  });
});

describe('diff', () => {
  it('marks the missing t in word/wordt', () => {
    const r = expectResult('word', 'wordt', 'wrong', 'dt');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'word' },
      { kind: 'missing', text: 't' },
    ]);
  });

  it('marks a missing letter inside a long word', () => {
    const r = expectResult('gemeentraad', 'gemeenteraad', 'almost', 'typo');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'gemeent' },
      { kind: 'missing', text: 'e' },
      { kind: 'same', text: 'raad' },
    ]);
  });

  it('marks a swap as one changed pair', () => {
    const r = expectResult('formuleir', 'formulier', 'almost', 'typo');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'formul' },
      { kind: 'changed', text: 'ei', expected: 'ie' },
      { kind: 'same', text: 'r' },
    ]);
  });

  it('marks the letter with the missing diacritic', () => {
    const r = expectResult('ideeen', 'ideeën', 'almost', 'accent');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'idee' },
      { kind: 'changed', text: 'e', expected: 'ë' },
      { kind: 'same', text: 'n' },
    ]);
  });

  it('marks a wrong article as one changed word', () => {
    const r = expectResult('het aanvraag', 'de aanvraag', 'wrong', 'article');
    expect(r.diff).toEqual([
      { kind: 'changed', text: 'het', expected: 'de' },
      { kind: 'same', text: ' aanvraag' },
    ]);
  });

  it('marks a missing article with its space', () => {
    const r = expectResult('aanvraag', 'de aanvraag', 'wrong', 'article');
    expect(r.diff).toEqual([
      { kind: 'missing', text: 'de ' },
      { kind: 'same', text: 'aanvraag' },
    ]);
  });

  it('marks a missing word in a phrase and keeps the learner’s casing', () => {
    const r = expectResult('College van burgemeester schepenen.', 'college van burgemeester en schepenen', 'wrong', 'other');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'College van burgemeester' },
      { kind: 'missing', text: ' en' },
      { kind: 'same', text: ' schepenen' },
    ]);
  });

  it('both sides can be rebuilt from the diff', () => {
    const cases: [string, string][] = [
      ['colege van burgemeestr en schepnen', 'college van burgemeester en schepenen'],
      ['de aanvraag is al goedgekeurd', 'de aanvraag is goedgekeurd'],
      ['het formulier', 'de aanvraag'],
      ['', 'de aanvraag'],
    ];
    for (const [given, expected] of cases) {
      const r = check(given, expected);
      expect(r.outcome).not.toBe('correct');
      expect(givenSide(r.diff)).toBe(given);
      expect(expectedSide(r.diff).toLowerCase()).toBe(normalizeAnswer(expected));
    }
    expectResult('het formulier', 'de aanvraag', 'wrong', 'other');
  });
});
