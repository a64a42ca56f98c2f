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
    expect(sluikstort).toMatchObject({
      article: 'het',
      type: 'noun',
      plain: 'illegaal gedumpt afval',
      alternatives: [],
      translations: { en: 'fly-tipping', fr: 'dépôt clandestin' },
    });
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
    expect(comma.deck!.cards[0]).toMatchObject({
      term: 'loket',
      definition: 'De plaats, aan de balie, waar je geholpen wordt.',
      translations: { en: 'counter' },
    });
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
    const s = parseDeckCsv(
      'term;article;definition;id;audio;sharedTerm\nloket;het;x;balie-loket;loket.mp3;ja\nbalie;de;y;;;nee\n',
      'x/y.csv',
    );
    expect(s.problems).toEqual([]);
    expect(s.deck!.cards[0]).toMatchObject({ id: 'balie-loket', audio: 'loket.mp3', sharedTerm: true });
    expect(s.deck!.cards[1]!.sharedTerm).toBeUndefined();
    expect(s.deck!.cards[1]!.id).toBe('balie');
  });
});

describe('parseDeckCsv: errors point at the real line and column', () => {
  const header = 'term;article;definition;example;en;fr';

  it('reports a bad value at its cell, with the same rules and messages as YAML decks', () => {
    const text = [
      header,
      'loket;het;Een plaats.;Aan het {loket}.;counter;guichet',
      'balie;den;Een tafel.;;desk;comptoir',
      'wachtrij;de;;Een lange {wachtrij}.;queue;file',
    ].join('\n');
    const r = parseDeckCsv(text, FILE);
    expect(r.problems.map(formatProblem)).toEqual([
      `${FILE}:3:7 error: row 3, column B (article): "article: den" is not allowed — use one of: de, het`,
      `${FILE}:4:13 error: row 4, column C (definition): "definition" must not be empty`,
    ]);
  });

  it('reports an example without a gap at the example cell', () => {
    const r = parseDeckCsv([header, 'loket;het;Een plaats.;Aan het loket.;counter;guichet'].join('\n'), FILE);
    expect(formatProblem(only(r.problems, 'gap-missing')[0]!)).toBe(
      `${FILE}:2:23 error: row 2, column D (example): the example has no {gap}: put the word to practise between { and }`,
    );
  });

  it('reports an unknown column with the nearest known name (English or Dutch), and the rows in the same pass', () => {
    const r = parseDeckCsv('term;article;defintion;Betekeniss;zzzzzzzzzz;Vertaling\nloket;den;x;y;z;w\n', FILE);
    expect(only(r.problems, 'unknown-column').map(formatProblem)).toEqual([
      `${FILE}:1:14 error: row 1, column C (defintion): unknown column "defintion" — did you mean definition?`,
      `${FILE}:1:24 error: row 1, column D (Betekeniss): unknown column "Betekeniss" — did you mean definition?`,
      `${FILE}:1:35 error: row 1, column E (zzzzzzzzzz): unknown column "zzzzzzzzzz" — known columns: term, article, type, definition, example, plain, alternatives, audio, id, sharedTerm, and one column per language (en, fr, ar, uk, tr, …)`,
      `${FILE}:1:46 error: row 1, column F (Vertaling): unknown column "Vertaling" — did you mean en, fr, … (one column per language)?`,
    ]);
    // "definition" itself is missing now: reported once, not on every row, and no card can be read.
    expect(only(r.problems, 'missing-column').map((p) => p.message)).toEqual([expect.stringContaining('missing column "definition"')]);
    expect(only(r.problems, 'missing-field')).toEqual([]);
    expect(r.deck).toBeUndefined();
    // The rows are checked all the same: the coach sees every problem of the file at once.
    expect(only(r.problems, 'invalid-value').map((p) => p.cell)).toEqual([{ row: 2, column: 'B', header: 'article' }]);
  });

  it('reports a column named twice (also in two languages of header), and values in a column without a name', () => {
    const r = parseDeckCsv('term;definition;en;Engels;\nloket;x;counter;desk;iets\n', FILE);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.line, p.column, p.message.split(' — ')[0]])).toEqual([
      ['duplicate-column', 1, 20, 'column D ("Engels") holds the same as column C ("en")'],
      ['unnamed-column', 1, 27, 'column E has values but no name in the first row'],
    ]);
    expect(r.problems[0]!.params).toEqual({ column: 'Engels', other: 'C', field: 'translations.en' });
  });

  it('reports a row with more values than columns (an unquoted separator)', () => {
    const r = parseDeckCsv('term;definition\nloket;Een plaats; waar je wacht.\n', FILE);
    expect(formatProblem(only(r.problems, 'csv-syntax')[0]!)).toBe(
      `${FILE}:2:18 error: row 2, column C: this row has 3 values but the first row names 2 columns — a value that contains ";" must be between double quotes`,
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
    expect(formatProblem(r.problems[0]!)).toBe(
      `${FILE}:2:13 error: row 2, column D (sharedTerm): "sharedTerm: misschien" is not allowed — use one of: true, false (or leave it empty)`,
    );
  });
});

describe("parseDeckCsv: a department's spreadsheet with Dutch column names", () => {
  /** As Excel in Belgium saves it: BOM, ";", CRLF, a cell with a line break, Dutch headers in any case and spacing. */
  const dutch = [
    '\uFEFFTerm;Lidwoord;Woordsoort;Betekenis;Voorbeeldzin;Klare taal;Alternatieven;Vertaling Engels;Frans;Arabisch;Oekraïens;Turks;Audio;Id',
    'sluikstort;het;;"Afval dat iemand achterlaat; dat is verboden.";Iemand meldde een {sluikstort}.;illegaal gedumpt afval;;fly-tipping;dépôt clandestin;مكب غير قانوني;незаконне звалище;kaçak döküm;;',
    'sorteren;;werkwoord;"Afval per soort apart houden.',
    'Zo kan het gerecycleerd worden.";Wie goed {sorteert}, heeft minder restafval.;;scheiden;to sort;trier;;;;;',
    'vuilnisbak;De;zelfstandig naamwoord;Een bak voor klein afval.;De {vuilnisbak} is vol.;;vuilbak | afvalbak;litter bin;poubelle;;;;vuilnisbak.mp3;',
    'pmd;het;Afkorting;Plastic flessen, metalen verpakkingen en drankkartons.;;;;PMD;PMC;;;;;pmd-zak',
  ].join('\r\n');

  it('reads every column by its Dutch name, and Dutch word classes in the type column', () => {
    const r = parseDeckCsv(dutch, FILE);
    expect(r.problems).toEqual([]);
    const [sluikstort, sorteren, vuilnisbak, pmd] = r.deck!.cards;
    expect(sluikstort).toMatchObject({
      term: 'sluikstort',
      article: 'het',
      plain: 'illegaal gedumpt afval',
      translations: { en: 'fly-tipping', fr: 'dépôt clandestin', ar: 'مكب غير قانوني', uk: 'незаконне звалище', tr: 'kaçak döküm' },
    });
    expect(sorteren).toMatchObject({
      type: 'verb',
      alternatives: ['scheiden'],
      definition: 'Afval per soort apart houden.\r\nZo kan het gerecycleerd worden.',
    });
    expect(vuilnisbak).toMatchObject({ article: 'de', type: 'noun', alternatives: ['vuilbak', 'afvalbak'], audio: 'vuilnisbak.mp3' });
    expect(pmd).toMatchObject({ id: 'pmd-zak', type: 'abbreviation' });
  });

  it('reports an error in row 5, column B as the spreadsheet shows it, although a cell above spans two lines', () => {
    const broken = dutch.replace('pmd;het;', 'pmd;den;');
    const r = parseDeckCsv(broken, FILE);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ code: 'invalid-value', line: 6, column: 5, cell: { row: 5, column: 'B', header: 'Lidwoord' } });
    expect(formatProblem(p)).toBe(`${FILE}:6:5 error: row 5, column B (Lidwoord): "article: den" is not allowed — use one of: de, het`);
  });

  it('reports every problem of the file at once: header, cells and cross-row checks', () => {
    const text = [
      'Woord;Lidwoord;Betekenis;Voorbeeld;Notities;Gedeeld',
      'loket;den;;Aan het loket.;x;misschien',
      'loket;het;Een balie.;;;',
      ';de;Zonder woord.;;;',
    ].join('\n');
    const r = parseDeckCsv(text, FILE);
    expect(r.problems.map((p) => [p.code, p.cell?.row, p.cell?.column])).toEqual([
      ['unknown-column', 1, 'E'],
      ['invalid-value', 2, 'F'],
      ['invalid-value', 2, 'B'],
      ['empty-value', 2, 'C'],
      ['empty-value', 4, 'A'],
    ]);
  });

  it('takes title, department and level from the importer, over the meta file and the names; empty form fields are ignored', () => {
    const csv = 'Term;Lidwoord;Betekenis\nloket;het;Een balie.\n';
    const form = { title: 'Afval & netheid', department: 'Stadsreiniging', level: 'B1' as const, description: '  ' };
    const r = parseDeckFile('woorden.csv', csv, {
      deck: form,
      meta: { path: 'woorden.meta.yaml', text: 'title: Oud\ndescription: Van de dienst.\n' },
    });
    expect(r.problems).toEqual([]);
    expect(r.deck).toMatchObject({
      id: 'woorden',
      title: 'Afval & netheid',
      department: 'Stadsreiniging',
      level: 'B1',
      description: 'Van de dienst.',
    });
    const bad = parseDeckFile('woorden.csv', csv, { deck: { level: 'B3' as never } });
    expect(bad.problems.map((p) => [p.code, p.params.field])).toEqual([['invalid-value', 'level']]);
  });
});

describe('CSV meta file', () => {
  const csv = 'term;article;definition\nloket;het;Een plaats.\n';
  const META = 'content/decks/stadsreiniging/afval.meta.yaml';

  it('takes id, title, department, level and description from the meta file', () => {
    const meta =
      'id: afval-en-netheid\ntitle: Afval & netheid\ndepartment: Stadsreiniging\nlevel: B1\ndescription: Woorden van de dienst.\n';
    const r = parseDeckCsv(csv, FILE, { department: 'Folder', meta: { path: META, text: meta } });
    expect(r.problems).toEqual([]);
    expect(r.deck).toMatchObject({
      id: 'afval-en-netheid',
      title: 'Afval & netheid',
      department: 'Stadsreiniging',
      level: 'B1',
      description: 'Woorden van de dienst.',
    });
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
    const yaml = {
      path: 'content/decks/a/a.deck.yaml',
      text: 'id: afval\ntitle: A\ncards:\n  - term: x\n    article: de\n    definition: y\n',
    };
    const csv = {
      path: 'content/decks/b/b.csv',
      text: 'term;article;definition\nloket;het;z\n',
      meta: { path: 'content/decks/b/b.meta.yaml', text: 'title: B\nid: afval\n' },
    };
    const r = compileDecks([yaml, csv]);
    expect(formatProblem(r.problems[0]!)).toBe(
      'content/decks/b/b.meta.yaml:2:1 error: deck id "afval" is already used by content/decks/a/a.deck.yaml — every deck needs its own id',
    );
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
    expect(r.problems.map((p) => `${p.file}:${p.code}`)).toEqual([
      'decks/groen/lijst.xlsx:unsupported-file',
      'decks/groen/oud.meta.yaml:unsupported-file',
    ]);
  });

  it('compiles the worked example in content/ with its meta file', () => {
    const r = compileContentDir('content');
    const deck = r.decks.find((d) => d.source === 'content/decks/stadsreiniging/afval-en-netheid.csv')!;
    expect(deck).toMatchObject({ id: 'afval-en-netheid', title: 'Afval & netheid', department: 'Stadsreiniging' });
    const rows = readFileSync('content/decks/stadsreiniging/afval-en-netheid.csv', 'utf8').trim().split(/\r?\n/).length - 1;
    expect(deck.cards).toHaveLength(rows);
  });
});
