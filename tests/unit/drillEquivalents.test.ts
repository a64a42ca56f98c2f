import { describe, expect, it } from 'vitest';
import { compileDrills } from '../../src/core/drills/drillCompile.ts';
import { parseEquivalentsYaml } from '../../src/core/drills/drillYaml.ts';
import type { FixItem, GapItem } from '../../src/core/drills/drillModel.ts';
import { checkFix, checkGap } from '../../src/core/drills/check.ts';
import { equivalentGapAnswers, findVariants, type EquivalentsTable } from '../../src/core/drills/equivalents.ts';

/** One list of equivalent forms applied to every gap and fix item (issue 12 §2). */
const LIST = `equivalents:
  - forms: [hebt u, heeft u]
    reason: Allebei juist.
  - forms: [u hebt, u heeft]
    reason: Allebei juist.
  - forms: [zij, ze]
    oneWay: true
    except: [het zij zo]
    reason: Onderwerp.
  - forms: [geachte mevrouw, beste mevrouw]
    reason: Aanhef.
  - forms: [met vriendelijke groeten, met vriendelijke groet]
    reason: Afsluiting.
`;

function table(text = LIST): EquivalentsTable {
  const result = parseEquivalentsYaml(text, 'content/drills/equivalents.yaml');
  expect(result.problems).toEqual([]);
  return result.table;
}

const HEAD = 'id: test\ntitle: Test\ntopic: dt\nitems:\n';

/** Compiles one drill file beside the list, as the build does. */
function compile(items: string, list = LIST) {
  return compileDrills([
    { path: 'content/drills/equivalents.yaml', text: list },
    { path: 'content/drills/test.drill.yaml', text: HEAD + items },
  ]);
}

function only<K extends 'gap' | 'fix'>(items: string, kind: K): K extends 'gap' ? GapItem : FixItem {
  const result = compile(items);
  expect(result.problems).toEqual([]);
  const item = result.sets[0]!.items[0]!;
  expect(item.kind).toBe(kind);
  return item as never;
}

describe('the list of equivalent forms', () => {
  it('is validated: lowercase words, each form once, exceptions that can apply, known fields', () => {
    const bad = parseEquivalentsYaml(
      `equivalents:
  - forms: [hebt u, heeft u]
    reason: x
  - forms: [Kunt u, kan u]
    reason: x
  - forms: [u hebt, u  heeft]
    reason: x
  - forms: [zij, ze]
    oneWay: true
    except: [zo is het]
    reason: x
  - forms: [heeft u, hebben u]
    reason: x
  - forms: [a, b]
    resaon: x
`,
      'content/drills/equivalents.yaml',
    );
    expect(bad.problems.map((p) => `${p.line}:${p.code}`)).toEqual([
      '4:equivalent-form',
      '6:equivalent-form',
      '10:equivalent-form',
      '12:equivalent-duplicate',
      '14:missing-field',
      '15:unknown-field',
    ]);
    expect(bad.table.entries.map((e) => e.forms)).toEqual([['hebt u', 'heeft u']]);
    expect(bad.problems.find((p) => p.code === 'unknown-field')?.message).toContain('did you mean reason');
    // A form listed in two files is named with the other place.
    const result = compile(
      '  - kind: gap\n    sentence: ___ u vragen?\n    answer: Hebt\n    explanation: Allebei juist.\n',
      `${LIST}  - forms: [hebt u, hebt gij]\n    reason: x\n`,
    );
    expect(result.problems.map((p) => p.code)).toEqual(['equivalent-duplicate']);
    expect(result.problems[0]!.message).toContain('content/drills/equivalents.yaml:2');
  });

  it('finds whole words in any case, carries the capital over, and keeps one-way entries and exceptions', () => {
    const t = table();
    const at = (text: string) => findVariants(text, t).map((v) => [text.slice(v.start, v.end), v.alternatives]);
    expect(at('Hebt u nog vragen? Dan hebt u geluk.')).toEqual([
      ['Hebt u', ['Heeft u']],
      ['hebt u', ['heeft u']],
    ]);
    expect(at('Nu hebt u het.')).toEqual([['hebt u', ['heeft u']]]);
    expect(at('Zij komen morgen, ze bellen.')).toEqual([['Zij', ['Ze']]]);
    expect(at('Het zij zo.')).toEqual([]);
    expect(at('Geachte mevrouw Dumont,')).toEqual([['Geachte mevrouw', ['Beste mevrouw']]]);
  });
});

describe('gap items accept every equivalent form', () => {
  it('"Heeft" where "Hebt u" is asked, "Ze" for "Zij", "groet" for "groeten" — and only where the context allows', () => {
    const t = table();
    const gap = /_{3,}/;
    expect(equivalentGapAnswers('___ u nog vragen?', gap, ['Hebt'], t)).toEqual(['Heeft']);
    expect(equivalentGapAnswers('___ hebben de brief nog niet.', gap, ['Zij'], t)).toEqual(['Ze']);
    expect(equivalentGapAnswers('Met vriendelijke ___,', gap, ['groeten'], t)).toEqual(['groet']);
    // "hebt" alone is no form: jij hebt, never jij heeft. And ze is not always zij (ik bel ze).
    expect(equivalentGapAnswers('___ jij nog vragen?', gap, ['Heb'], t)).toEqual([]);
    expect(equivalentGapAnswers('Ik bel ___ morgen.', gap, ['ze'], t)).toEqual([]);

    const item = only(
      '  - kind: gap\n    sentence: ___ u het formulier ontvangen?\n    hint: hebben\n    answer: Hebt\n    explanation: Allebei juist.\n',
      'gap',
    );
    expect(item.alternatives).toEqual(['Heeft']);
    expect(checkGap(item, 'heeft')).toMatchObject({ outcome: 'correct' });
    expect(checkGap(item, 'Heb')).toMatchObject({ outcome: 'wrong' });
  });
});

describe('fix items accept every equivalent form', () => {
  const item = only(
    '  - kind: fix\n    text: |-\n      {Hallo|Geachte} mevrouw Dumont,\n      U hebt een brief gekregen. {Heb|Hebt} u nog vragen?\n      {Mvg|Met vriendelijke groeten},\n      Samir\n    explanation: Aanhef en afsluiting.\n',
    'fix',
  );

  it('an error corrected with an equivalent form is found, and nothing else counts as changed', () => {
    expect(checkFix(item, item.correct)).toMatchObject({ found: 3, rating: 3 });
    const other = checkFix(item, 'Beste mevrouw Dumont,\nU hebt een brief gekregen. Heeft u nog vragen?\nMet vriendelijke groet,\nSamir');
    expect(other).toMatchObject({ found: 3, changes: [], rating: 3 });
    expect(other.errors.map((e) => e.right)).toEqual(['Geachte', 'Hebt', 'Met vriendelijke groeten']);
  });

  it('an equivalent form where the text was already right is no change either', () => {
    expect(
      checkFix(item, 'Geachte mevrouw Dumont,\nU heeft een brief gekregen. Hebt u nog vragen?\nMet vriendelijke groeten,\nSamir'),
    ).toMatchObject({ found: 3, changes: [], rating: 3 });
  });

  it('a form the list does not give is still wrong, and without the list only the marked form counts', () => {
    expect(
      checkFix(item, 'Geachte mevrouw Dumont,\nU hebt een brief gekregen. Heb u nog vragen?\nMet vriendelijke groeten,\nSamir'),
    ).toMatchObject({ found: 2, rating: 1 });
    expect(
      checkFix(
        { correct: item.correct, errors: item.errors },
        'Beste mevrouw Dumont,\nU hebt een brief gekregen. Hebt u nog vragen?\nMet vriendelijke groeten,\nSamir',
      ),
    ).toMatchObject({
      found: 2,
      rating: 1,
    });
  });

  it('marking an equivalent form as an error is refused with the place', () => {
    const result = compile('  - kind: fix\n    text: "{Heeft|Hebt} u nog vragen?"\n    explanation: Bij u blijft de t.\n');
    expect(result.problems.map((p) => `${p.line}:${p.code}`)).toEqual(['6:fix-equivalent']);
    expect(result.problems[0]!.message).toContain('{Heeft|Hebt} is no error');
  });
});
