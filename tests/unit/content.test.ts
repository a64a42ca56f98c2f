import { describe, expect, it } from 'vitest';
import { parseDeckYaml } from '../../src/core/content/yamlDeck.ts';
import { compileDecks } from '../../src/core/content/compile.ts';
import { formatProblem, type Problem } from '../../src/core/content/problems.ts';
import { slugify } from '../../src/core/content/slug.ts';

const valid = `id: bestuur
title: Bestuur van de stad
department: Algemeen
level: B1
description: Wie beslist wat in de stad.
cards:
  - term: gemeenteraad
    article: de
    definition: De verkozen vertegenwoordigers van de inwoners.
    example: De {gemeenteraad} vergadert één keer per maand.
    plain: raad van de stad
    alternatives: []
    translations: { en: city council, fr: conseil communal }
  - term: Wettelijke samenwoning
    article: de
    definition: Twee mensen die samenwonen en dat laten registreren.
  - term: schepen
    id: schepen-lid
    article: de
    definition: Lid van het college.
`;

function only(problems: Problem[], code: string) {
  return problems.filter((p) => p.code === code);
}

describe('parseDeckYaml: a valid deck', () => {
  const result = parseDeckYaml(valid, 'content/decks/algemeen/bestuur.deck.yaml');

  it('compiles without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.deck?.id).toBe('bestuur');
    expect(result.deck?.cards).toHaveLength(3);
    expect(result.deck?.department).toBe('Algemeen');
  });

  it('derives card ids from the term unless one is given', () => {
    expect(result.deck?.cards.map((c) => c.id)).toEqual(['gemeenteraad', 'wettelijke-samenwoning', 'schepen-lid']);
  });

  it('keeps fields and records the line of each card', () => {
    const first = result.deck!.cards[0]!;
    expect(first).toMatchObject({
      term: 'gemeenteraad',
      article: 'de',
      type: 'noun',
      plain: 'raad van de stad',
      translations: { en: 'city council', fr: 'conseil communal' },
      line: 7,
    });
    expect(result.deck!.cards[2]!.line).toBe(17);
  });

  it('changes the hash when a card changes, and only then', () => {
    const again = parseDeckYaml(valid, 'x.deck.yaml');
    const edited = parseDeckYaml(valid.replace('Lid van het college.', 'Lid van het schepencollege.'), 'x.deck.yaml');
    expect(again.deck!.hash).toBe(result.deck!.hash);
    expect(edited.deck!.hash).not.toBe(result.deck!.hash);
  });

  it('takes the department from the folder when the file names none', () => {
    const text = valid.replace('department: Algemeen\n', '');
    const r = parseDeckYaml(text, 'content/decks/sociaal-huis/x.deck.yaml', { department: 'Sociaal huis' });
    expect(r.deck?.department).toBe('Sociaal huis');
  });
});

describe('parseDeckYaml: errors with file, line and column', () => {
  it('reports YAML syntax errors with their position', () => {
    const r = parseDeckYaml('id: x\ntitle: "unclosed\ncards: []\n', 'a.deck.yaml');
    const [p] = only(r.problems, 'yaml-syntax');
    expect(p).toBeDefined();
    expect(p!.severity).toBe('error');
    expect(p!.line).toBeGreaterThanOrEqual(2);
    expect(r.deck).toBeUndefined();
  });

  it('adds what to do to the YAML errors coaches make most', () => {
    const colon = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: a\n    definition: Let op: vaak\n', 'd.deck.yaml');
    expect(colon.problems[0]!.message).toContain('a value that contains ": " must be between double quotes');
    const brace = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: a\n    definition: b\n    example: {A} is hier.\n', 'd.deck.yaml');
    expect(brace.problems[0]).toMatchObject({ line: 6, code: 'yaml-syntax' });
    expect(brace.problems[0]!.message).toContain('a value that starts with { must be between double quotes');
    const tab = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: a\n\tdefinition: b\n', 'd.deck.yaml');
    expect(tab.problems[0]!.message).toContain('indent with spaces, not with tabs');
  });

  it('reports an empty file, also one with only comments', () => {
    for (const text of ['', '   \n', '# nog niets\n# later\n']) {
      const r = parseDeckYaml(text, 'leeg.deck.yaml');
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'empty-file', line: 1, column: 1, severity: 'error' });
    }
  });

  it('reports an unresolved YAML alias instead of crashing (found by the property test)', () => {
    const r = parseDeckYaml('*!', 'alias.deck.yaml');
    expect(r.problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
  });

  it('reports a file that is not a mapping', () => {
    const r = parseDeckYaml('- term: a\n', 'lijst.deck.yaml');
    expect(r.problems[0]?.code).toBe('not-a-mapping');
  });

  it.each([
    ['id', 'title: T\ncards:\n  - term: a\n    definition: b\n'],
    ['title', 'id: t\ncards:\n  - term: a\n    definition: b\n'],
    ['cards', 'id: t\ntitle: T\n'],
  ])('reports a missing deck field: %s', (field, text) => {
    const r = parseDeckYaml(text, 'd.deck.yaml');
    const p = only(r.problems, 'missing-field').find((x) => x.params.field === field);
    expect(p).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(p!.message).toContain(`"${field}"`);
  });

  it('reports a missing term or definition at the card, and checks the other cards too', () => {
    const text =
      'id: t\ntitle: T\ncards:\n  - definition: zonder term\n  - term: zonder definitie\n  - term: goed\n    definition: ok\n    article: den\n';
    const r = parseDeckYaml(text, 'd.deck.yaml');
    expect(r.problems.map(formatProblem)).toEqual([
      'd.deck.yaml:4:5 error: missing required field "term"',
      'd.deck.yaml:5:5 error: missing required field "definition"',
      'd.deck.yaml:8:14 error: "article: den" is not allowed — use one of: de, het',
    ]);
  });

  it('reports a value of the wrong kind', () => {
    const r = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: 112\n    definition: [a, b]\n', 'd.deck.yaml');
    const wrong = only(r.problems, 'wrong-type');
    expect(wrong.map((p) => [p.line, p.column, p.params.field])).toEqual([
      [4, 11, 'term'],
      [5, 17, 'definition'],
    ]);
    expect(wrong[0]!.message).toContain('put the value in quotes');
  });

  it('reports an invalid level and deck id', () => {
    const r = parseDeckYaml('id: Mijn Pakket\ntitle: T\nlevel: B3\ncards:\n  - term: a\n    definition: b\n', 'd.deck.yaml');
    expect(only(r.problems, 'invalid-id')[0]).toMatchObject({ line: 1, column: 5 });
    expect(only(r.problems, 'invalid-id')[0]!.message).toContain('mijn-pakket');
    expect(only(r.problems, 'invalid-value')[0]).toMatchObject({ line: 3, column: 8 });
    expect(only(r.problems, 'invalid-value')[0]!.message).toContain('A1, A2, B1, B2, C1, C2');
  });

  it('reports an unknown field and suggests the nearest known one', () => {
    const r = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: a\n    defintion: b\n', 'd.deck.yaml');
    const p = only(r.problems, 'unknown-field')[0]!;
    expect(formatProblem(p)).toBe('d.deck.yaml:5:5 error: unknown field "defintion" — did you mean definition?');
    expect(p.params.suggestion).toBe('definition');
  });

  it('reports an unknown deck field with a suggestion', () => {
    const r = parseDeckYaml('id: t\ntitel: T\ncards:\n  - term: a\n    definition: b\n', 'd.deck.yaml');
    const p = only(r.problems, 'unknown-field')[0]!;
    expect(p).toMatchObject({ line: 2, column: 1 });
    expect(p.message).toContain('did you mean title?');
  });

  it('lists the known fields when nothing is close', () => {
    const r = parseDeckYaml('id: t\ntitle: T\ncards:\n  - term: a\n    definition: b\n    zzzzzzzzzz: c\n', 'd.deck.yaml');
    expect(only(r.problems, 'unknown-field')[0]!.message).toContain('known fields: term, article');
  });

  it('reports duplicate card ids, explicit or derived, naming the first line', () => {
    const text =
      'id: t\ntitle: T\ncards:\n  - term: Schepen\n    definition: a\n  - term: schepen\n    definition: b\n  - term: x\n    id: schepen\n    definition: c\n';
    const r = parseDeckYaml(text, 'd.deck.yaml');
    const dups = only(r.problems, 'duplicate-card-id');
    expect(dups.map((p) => [p.line, p.column])).toEqual([
      [6, 11],
      [9, 9],
    ]);
    expect(dups[0]!.message).toContain('line 4');
  });

  it('reports an example without a gap or with two gaps', () => {
    const text =
      'id: t\ntitle: T\ncards:\n  - term: a\n    definition: b\n    example: Geen gat.\n  - term: c\n    definition: d\n    example: "{twee} {gaten}"\n';
    const r = parseDeckYaml(text, 'd.deck.yaml');
    expect(only(r.problems, 'gap-missing')[0]).toMatchObject({ line: 6, column: 14 });
    expect(only(r.problems, 'gap-count')[0]).toMatchObject({ line: 9, column: 14 });
  });

  it('reports an article on a verb', () => {
    const r = parseDeckYaml(
      'id: t\ntitle: T\ncards:\n  - term: goedkeuren\n    type: verb\n    article: het\n    definition: b\n',
      'd.deck.yaml',
    );
    expect(only(r.problems, 'article-on-non-noun')[0]).toMatchObject({ line: 6 });
  });
});

describe('compileDecks: checks across files', () => {
  const deck = (id: string) => `# comment\nid: ${id}\ntitle: T\ncards:\n  - term: a\n    article: de\n    definition: b\n`;

  it('reports a duplicate deck id and names both files', () => {
    const r = compileDecks([
      { path: 'content/decks/a/een.deck.yaml', text: deck('zelfde') },
      { path: 'content/decks/b/twee.deck.yaml', text: deck('zelfde') },
    ]);
    expect(r.decks).toHaveLength(1);
    const [p] = r.problems;
    expect(formatProblem(p!)).toBe(
      'content/decks/b/twee.deck.yaml:2:1 error: deck id "zelfde" is already used by content/decks/a/een.deck.yaml — every deck needs its own id',
    );
  });

  it('collects every problem of every file, not just the first', () => {
    const r = compileDecks([
      { path: 'a.deck.yaml', text: '' },
      { path: 'b.deck.yaml', text: 'id: b\ntitle: B\ncards:\n  - term: x\n    defintion: y\n' },
      { path: 'c.deck.yaml', text: deck('c') },
    ]);
    expect(r.problems.map((p) => `${p.file}:${p.line}:${p.code}`).sort()).toEqual([
      'a.deck.yaml:1:empty-file',
      'b.deck.yaml:4:missing-field',
      'b.deck.yaml:5:unknown-field',
    ]);
    expect(r.decks.map((d) => d.id)).toContain('c');
  });

  it('takes the department from the folder name', () => {
    const r = compileDecks([{ path: 'content/decks/sociaal-huis/x.deck.yaml', text: deck('x') }]);
    expect(r.decks[0]!.department).toBe('Sociaal huis');
  });
});

describe('validateDeck: article and gap rules', () => {
  const one = (card: string) => parseDeckYaml(`id: t\ntitle: T\ncards:\n${card}`, 'd.deck.yaml').problems;

  it('requires an article on a noun, and asks for one (or a type) when a card has neither', () => {
    const noun = one('  - term: loket\n    type: noun\n    definition: x\n');
    expect(only(noun, 'article-missing')[0]).toMatchObject({ severity: 'error', line: 5 });
    const neither = one('  - term: loket\n    definition: x\n');
    expect(only(neither, 'article-missing')[0]).toMatchObject({ severity: 'warning', line: 4, column: 11 });
    expect(one('  - term: sorteren\n    type: verb\n    definition: x\n')).toEqual([]);
  });

  it('warns when the gap holds another word than the term, not when it holds a form of it', () => {
    const wrong = one('  - term: vergunning\n    article: de\n    definition: x\n    example: De stad heeft het {vergund}.\n');
    expect(only(wrong, 'gap-mismatch')[0]).toMatchObject({ severity: 'warning', line: 7, column: 14 });
    expect(only(wrong, 'gap-mismatch')[0]!.message).toContain('"vergund" is not "vergunning"');
    expect(one('  - term: vergunning\n    article: de\n    definition: x\n    example: Twee {vergunningen} zijn klaar.\n')).toEqual([]);
    expect(one('  - term: doorverwijzen\n    type: verb\n    definition: x\n    example: Ik {verwijs} u door naar het OCMW.\n')).toEqual(
      [],
    );
  });

  it('keeps sharedTerm on the compiled card', () => {
    const r = parseDeckYaml(
      'id: t\ntitle: T\ncards:\n  - term: loket\n    article: het\n    definition: x\n    sharedTerm: true\n',
      'd.deck.yaml',
    );
    expect(r.deck!.cards[0]!.sharedTerm).toBe(true);
  });
});

describe('compileDecks: a term belongs in one deck', () => {
  const deck = (id: string, cards: string) => ({
    path: `content/decks/${id}/${id}.deck.yaml`,
    text: `id: ${id}\ntitle: T\ncards:\n${cards}`,
  });
  const card = (term: string, extra = '') => `  - term: ${term}\n    article: het\n    definition: uitleg\n${extra}`;

  it('warns at both cards when two decks have the same term, naming the other place', () => {
    const r = compileDecks([deck('a', card('loket')), deck('b', card('x') + card('Loket'))]);
    const warnings = only(r.problems, 'term-in-other-deck');
    expect(warnings.map(formatProblem)).toEqual([
      'content/decks/a/a.deck.yaml:4:11 warning: term "loket" is also in deck "b" (content/decks/b/b.deck.yaml:7) — keep the word in the deck where it belongs, or mark each card with "sharedTerm: true"',
      'content/decks/b/b.deck.yaml:7:11 warning: term "Loket" is also in deck "a" (content/decks/a/a.deck.yaml:4) — keep the word in the deck where it belongs, or mark each card with "sharedTerm: true"',
    ]);
    expect(r.decks).toHaveLength(2);
  });

  it("counts a term that is another deck's alternative answer", () => {
    const r = compileDecks([deck('a', card('organigram')), deck('b', card('organogram', '    alternatives: [organigram]\n'))]);
    expect(only(r.problems, 'term-in-other-deck').map((p) => p.file)).toEqual(['content/decks/a/a.deck.yaml']);
    expect(only(r.problems, 'term-in-other-deck')[0]!.message).toContain('accepted answer for "organogram" in deck "b"');
  });

  it('accepts a shared term when each card says sharedTerm: true, and flags a sharedTerm that shares nothing', () => {
    const shared = '    sharedTerm: true\n';
    expect(compileDecks([deck('a', card('loket', shared)), deck('b', card('loket', shared))]).problems).toEqual([]);
    expect(only(compileDecks([deck('a', card('loket', shared)), deck('b', card('loket'))]).problems, 'term-in-other-deck')).toHaveLength(1);
    const alone = compileDecks([deck('a', card('loket', shared))]).problems;
    expect(alone.map((p) => [p.code, p.line])).toEqual([['shared-term-alone', 4]]);
  });

  it("allows the same term twice in one deck to be handled by the deck's own duplicate check only", () => {
    const r = compileDecks([deck('a', card('loket') + card('balie'))]);
    expect(r.problems).toEqual([]);
  });
});

describe('slugify', () => {
  it.each([
    ['gemeenteraad', 'gemeenteraad'],
    ['College van burgemeester en schepenen', 'college-van-burgemeester-en-schepenen'],
    ['ideeën', 'ideeen'],
    ['’s middags', 's-middags'],
    ['e-mail', 'e-mail'],
    ['zone 30', 'zone-30'],
  ])('%s → %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});
