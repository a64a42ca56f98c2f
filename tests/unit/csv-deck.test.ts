import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeckCsv } from '../../src/core/content/csvDeck.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { compileDecks } from '../../src/core/content/compile.ts';
import { formatProblem, type Problem } from '../../src/core/content/problems.ts';
import { compileContentDir, readDeckSources } from '../../src/build/contentFiles.ts';

const FILE = 'content/decks/stadsreiniging/afval.csv';
const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

/** A deck as Excel in Belgium exports it: BOM, ";" between values, CRLF, quotes where needed. */
const excel = [
  '\uFEFFterm;article;type;definition;example;plain;alternatives;en;fr;ar',
  'sluikstort;het;;"Afval dat iemand achterlaat; dat is verboden.";Iemand meldde een {sluikstort}.;illegaal gedumpt afval;;fly-tipping;dépôt clandestin;',
  'glasbol;de;;"Een container voor glas.',
  'Gooi er ""alleen"" flessen in.";Gooi de fles in de {glasbol}.;;;bottle bank;bulle à verre;',
  'sorteren;;verb;Afval per soort apart houden.;Wie goed {sorteert}, heeft minder restafval.;;;to sort;trier;',
  ';;;;;;;;;',
  'vuilnisbak;de;;Een bak voor klein afval.;De {vuilnisbak} is vol.;; vuilbak | afvalbak ;litter bin;poubelle;سلة المهملات',
].join('\r\n');

describe('parseDeckCsv: a spreadsheet export becomes a deck', () => {
  const r = parseDeckCsv(excel, FILE, { department: 'Stadsreiniging' });

  it('reads quoted values with the separator, line breaks and doubled quotes inside, skipping empty rows', () => {
    expect(r.problems).toEqual([]);
    expect(r.deck!.cards.map((c) => c.term)).toEqual(['sluikstort', 'glasbol', 'sorteren', 'vuilnisbak']);
    expect(r.deck!.cards[0]!.definition).toBe('Afval dat iemand achterlaat; dat is verboden.');
    expect(r.deck!.cards[1]!.definition).toBe('Een container voor glas.\r\nGooi er "alleen" flessen in.');
  });

  it('records the real line of each row, also after a value that spans two lines', () => {
    expect(r.deck!.cards.map((c) => c.line)).toEqual([2, 3, 5, 7]);
  });

  it('maps the columns: empty article is no article, alternatives split on |, language columns become translations', () => {
    const [sluikstort, , sorteren, vuilnisbak] = r.deck!.cards;
    expect(sluikstort).toMatchObject({ article: 'het', type: 'noun', plain: 'illegaal gedumpt afval', alternatives: [], translations: { en: 'fly-tipping', fr: 'dépôt clandestin' } });
    expect(sorteren!.article).toBeUndefined();
    expect(sorteren!.type).toBe('verb');
    expect(vuilnisbak!.alternatives).toEqual(['vuilbak', 'afvalbak']);
    expect(vuilnisbak!.translations).toEqual({ en: 'litter bin', fr: 'poubelle', ar: 'سلة المهملات' });
  });

  it('takes id and title from the file name and the department from the folder when there is no meta file', () => {
    expect(r.deck).toMatchObject({ id: 'afval', title: 'Afval', department: 'Stadsreiniging', source: FILE });
  });

  it('gives the same deck for a comma-separated file without BOM and with LF, and for a tab-separated one', () => {
    const comma = parseDeckCsv(
      'term,article,definition,en\nloket,het,"De plaats, aan de balie, waar je geholpen wordt.",counter\n',
      'x/y.csv',
    );
    expect(comma.problems).toEqual([]);
    expect(comma.deck!.cards[0]).toMatchObject({ term: 'loket', definition: 'De plaats, aan de balie, waar je geholpen wordt.', translations: { en: 'counter' } });
    const tab = parseDeckCsv('term\tarticle\tdefinition\nloket\thet\tDe plaats; daar help je.\n', 'x/y.csv');
    expect(tab.problems).toEqual([]);
    expect(tab.deck!.cards[0]!.definition).toBe('De plaats; daar help je.');
  });

  it('honours an Excel "sep=" first line', () => {
    const s = parseDeckCsv('sep=,\r\nterm,article,definition\r\nloket,het,"Een plaats; een balie."\r\n', 'x/y.csv');
    expect(s.problems).toEqual([]);
    expect(s.deck!.cards[0]).toMatchObject({ definition: 'Een plaats; een balie.', line: 3 });
  });

  it('reads the optional id, audio and sharedTerm columns', () => {
    const s = parseDeckCsv('term;article;definition;id;audio;sharedTerm\nloket;het;x;balie-loket;loket.mp3;ja\nbalie;de;y;;;nee\n', 'x/y.csv');
    expect(s.problems).toEqual([]);
    expect(s.deck!.cards[0]).toMatchObject({ id: 'balie-loket', audio: 'loket.mp3', sharedTerm: true });
    expect(s.deck!.cards[1]!.sharedTerm).toBeUndefined();
    expect(s.deck!.cards[1]!.id).toBe('balie');
  });
});

describe('parseDeckCsv: errors point at the real line and column', () => {
  const header = 'term;article;definition;example;en;fr';

  it('reports a bad value at its cell, with the same rules and messages as YAML decks', () => {
    const text = [header, 'loket;het;Een plaats.;Aan het {loket}.;counter;guichet', 'balie;den;Een tafel.;;desk;comptoir', 'wachtrij;de;;Een lange {wachtrij}.;queue;file'].join('\n');
    const r = parseDeckCsv(text, FILE);
    expect(r.problems.map(formatProblem)).toEqual([
      `${FILE}:3:7 error: "article: den" is not allowed — use one of: de, het`,
      `${FILE}:4:13 error: "definition" must not be empty`,
    ]);
  });

  it('reports an example without a gap at the example cell', () => {
    const r = parseDeckCsv([header, 'loket;het;Een plaats.;Aan het loket.;counter;guichet'].join('\n'), FILE);
    expect(formatProblem(only(r.problems, 'gap-missing')[0]!)).toBe(`${FILE}:2:23 error: the example has no {gap}: put the word to practise between { and }`);
  });

  it('reports an unknown column with the nearest known name, also for Dutch column names', () => {
    const r = parseDeckCsv('term;article;defintion;lidwoord;nl;zzzzzzzzzz\nloket;het;x;het;loket;y\n', FILE);
    const unknown = only(r.problems, 'unknown-column');
    expect(unknown.map(formatProblem)).toEqual([
      `${FILE}:1:14 error: unknown column "defintion" — did you mean definition?`,
      `${FILE}:1:24 error: unknown column "lidwoord" — did you mean article?`,
      `${FILE}:1:33 error: unknown column "nl" — did you mean term (the Dutch word goes in "term")?`,
      `${FILE}:1:36 error: unknown column "zzzzzzzzzz" — known columns: term, article, type, definition, example, plain, alternatives, audio, id, sharedTerm, and one column per language (en, fr, ar, uk, tr, …)`,
    ]);
    // "definition" itself is missing now, so no card can be read.
    expect(only(r.problems, 'missing-column')[0]!.message).toContain('missing column "definition"');
    expect(r.deck).toBeUndefined();
  });

  it('reports a column named twice, and values in a column without a name', () => {
    const r = parseDeckCsv('term;definition;en;en;\nloket;x;counter;desk;iets\n', FILE);
    expect(only(r.problems, 'unknown-column').map((p) => [p.line, p.column, p.message.split(' — ')[0]])).toEqual([
      [1, 20, 'column "en" appears twice (also column 3)'],
      [1, 23, 'column 5 has values but no name in the first row'],
    ]);
  });

  it('reports a row with more values than columns (an unquoted separator)', () => {
    const r = parseDeckCsv('term;definition\nloket;Een plaats; waar je wacht.\n', FILE);
    expect(formatProblem(only(r.problems, 'csv-syntax')[0]!)).toBe(
      `${FILE}:2:18 error: this row has 3 values but the first row names 2 columns — a value that contains ";" must be between double quotes`,
    );
  });

  it('ignores trailing empty separators Excel adds', () => {
    expect(parseDeckCsv('term;definition;;\nloket;Een plaats.;;\n', FILE).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports a quote that is never closed at the quote', () => {
    const r = parseDeckCsv('term;definition\nloket;Een plaats.\nbalie;"Een tafel.\nwachtrij;Een rij.\n', FILE);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv-syntax', 3, 7]]);
    expect(r.problems[0]!.message).toContain('never closed');
  });

  it('reports an empty file, and a file with only the header', () => {
    expect(parseDeckCsv('\uFEFF', FILE).problems[0]).toMatchObject({ code: 'empty-file', line: 1 });
    expect(parseDeckCsv('term;definition\r\n', FILE).problems[0]!.message).toContain('no rows with words');
  });

  it('reports an invalid sharedTerm value', () => {
    const r = parseDeckCsv('term;article;definition;sharedTerm\nloket;het;x;misschien\n', FILE);
    expect(formatProblem(r.problems[0]!)).toBe(`${FILE}:2:13 error: "sharedTerm: misschien" is not allowed — use one of: true, false (or leave it empty)`);
  });
});

describe('CSV meta file', () => {
  const csv = 'term;article;definition\nloket;het;Een plaats.\n';
  const META = 'content/decks/stadsreiniging/afval.meta.yaml';

  it('takes id, title, department, level and description from the meta file', () => {
    const meta = 'id: afval-en-netheid\ntitle: Afval & netheid\ndepartment: Stadsreiniging\nlevel: B1\ndescription: Woorden van de dienst.\n';
    const r = parseDeckCsv(csv, FILE, { department: 'Folder', meta: { path: META, text: meta } });
    expect(r.problems).toEqual([]);
    expect(r.deck).toMatchObject({ id: 'afval-en-netheid', title: 'Afval & netheid', department: 'Stadsreiniging', level: 'B1', description: 'Woorden van de dienst.' });
  });

  it('falls back to the names for fields the meta file leaves out, and accepts an empty meta file', () => {
    const r = parseDeckCsv(csv, FILE, { department: 'Stadsreiniging', meta: { path: META, text: 'level: A2\n' } });
    expect(r.deck).toMatchObject({ id: 'afval', title: 'Afval', department: 'Stadsreiniging', level: 'A2' });
    expect(parseDeckCsv(csv, FILE, { meta: { path: META, text: '# nog niets\n' } }).problems).toEqual([]);
  });

  it('reports meta problems in the meta file, with line and a suggestion', () => {
    const r = parseDeckCsv(csv, FILE, { meta: { path: META, text: 'titel: Afval\nlevel: B3\ncards: []\n' } });
    expect(r.problems.map(formatProblem)).toEqual([
      `${META}:1:1 error: unknown field "titel" — did you mean title?`,
      `${META}:2:8 error: "level: B3" is not allowed — use one of: A1, A2, B1, B2, C1, C2`,
      `${META}:3:1 error: unknown field "cards" — known fields: id, title, department, level, description`,
    ]);
  });

  it('reports a YAML syntax error in the meta file', () => {
    const r = parseDeckCsv(csv, FILE, { meta: { path: META, text: 'title: "Afval\n' } });
    expect(r.problems[0]).toMatchObject({ file: META, code: 'yaml-syntax' });
  });
});

describe('parseDeckFile and the content folder', () => {
  it('parses a lone .csv by its name, as in-app import does', () => {
    const r = parseDeckFile('Onze woorden.csv', 'term,article,definition\nloket,het,Een plaats.\n');
    expect(r.problems).toEqual([]);
    expect(r.deck).toMatchObject({ id: 'onze-woorden', title: 'Onze woorden', department: 'Algemeen' });
  });

  it('explains files that are not decks', () => {
    expect(parseDeckFile('woorden.xlsx', '').problems[0]!.message).toContain('save it as "CSV UTF-8"');
    expect(parseDeckFile('woorden.yaml', '').problems[0]!.message).toContain('.deck.yaml');
    expect(parseDeckFile('x/woorden.meta.yaml', 'title: x').problems[0]!.message).toContain('no woorden.csv beside it');
  });

  it('points a duplicate deck id at the meta file that sets it', () => {
    const yaml = { path: 'content/decks/a/a.deck.yaml', text: 'id: afval\ntitle: A\ncards:\n  - term: x\n    article: de\n    definition: y\n' };
    const csv = { path: 'content/decks/b/b.csv', text: 'term;article;definition\nloket;het;z\n', meta: { path: 'content/decks/b/b.meta.yaml', text: 'title: B\nid: afval\n' } };
    const r = compileDecks([yaml, csv]);
    expect(formatProblem(r.problems[0]!)).toBe('content/decks/b/b.meta.yaml:2:1 error: deck id "afval" is already used by content/decks/a/a.deck.yaml — every deck needs its own id');
  });

  const dir = mkdtempSync(join(tmpdir(), 'vaktaal-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads CSV decks with their meta file, and reports a meta file without CSV and an unexported spreadsheet', () => {
    mkdirSync(join(dir, 'decks', 'groen'), { recursive: true });
    writeFileSync(join(dir, 'decks', 'groen', 'bomen.csv'), '\uFEFFterm;article;definition\r\nboom;de;Een grote plant.\r\n');
    writeFileSync(join(dir, 'decks', 'groen', 'bomen.meta.yaml'), 'title: Bomen en parken\n');
    writeFileSync(join(dir, 'decks', 'groen', 'oud.meta.yaml'), 'title: Oud\n');
    writeFileSync(join(dir, 'decks', 'groen', 'lijst.xlsx'), 'PK');
    const sources = readDeckSources(dir, dir);
    expect(sources.map((s) => [s.path, s.meta?.path])).toEqual([
      ['decks/groen/bomen.csv', 'decks/groen/bomen.meta.yaml'],
      ['decks/groen/lijst.xlsx', undefined],
      ['decks/groen/oud.meta.yaml', undefined],
    ]);
    const r = compileContentDir(dir, dir);
    expect(r.decks.map((d) => [d.id, d.title, d.department])).toEqual([['bomen', 'Bomen en parken', 'Groen']]);
    expect(r.problems.map((p) => `${p.file}:${p.code}`)).toEqual(['decks/groen/lijst.xlsx:unsupported-file', 'decks/groen/oud.meta.yaml:unsupported-file']);
  });

  it('compiles the worked example in content/ with its meta file', () => {
    const r = compileContentDir('content');
    const deck = r.decks.find((d) => d.source === 'content/decks/stadsreiniging/afval-en-netheid.csv')!;
    expect(deck).toMatchObject({ id: 'afval-en-netheid', title: 'Afval & netheid', department: 'Stadsreiniging' });
    const rows = readFileSync('content/decks/stadsreiniging/afval-en-netheid.csv', 'utf8').trim().split(/\r?\n/).length - 1;
    expect(deck.cards).toHaveLength(rows);
  });
});
