import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { contentPlugin } from '../../src/build/contentPlugin.ts';
import { formatProblem } from '../../src/core/content/problems.ts';
import { checkText, jargonMatcher } from '../../src/core/writing/index.ts';
import {
  checkStadhuistaal,
  MAX_GAP,
  readStadhuistaalList,
  stadhuistaalMatcher,
  STADHUISTAAL_FORMAT,
  type StadhuistaalEntry,
} from '../../src/core/writing/stadhuistaal.ts';
import { parseStadhuistaalYaml } from '../../src/core/writing/stadhuistaalYaml.ts';

const FILE = 'content/stadhuistaal.yaml';
const shipped = parseStadhuistaalYaml(readFileSync(FILE, 'utf8'), FILE);
const matcher = stadhuistaalMatcher(shipped.list);
/** What the desk flags in a text: [text as written, plain, one-click suggestions]. */
const flags = (text: string, m = matcher) => checkStadhuistaal(text, m).map((f) => [f.text, f.params.plain, f.suggestions]);
const flagged = (text: string) => checkStadhuistaal(text, matcher).map((f) => f.text);

describe('the shipped list (content/stadhuistaal.yaml)', () => {
  it('is valid and has about forty entries, each with plain words and a reason', () => {
    expect(shipped.problems.map(formatProblem)).toEqual([]);
    expect(shipped.list.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of shipped.list.entries) {
      expect(e.plain.length, e.term).toBeGreaterThan(0);
      expect(e.why.length, e.term).toBeGreaterThan(10);
    }
  });

  it('flags every word the klare-taal drill asks to avoid and the list has', () => {
    // The drill teaches "teneinde … te → om … te"; the desk must know it too.
    expect(flags('Teneinde uw dossier te behandelen, hebben we een kopie nodig.')).toEqual([['Teneinde', 'om … te', []]]);
    expect(flags('Gelieve het formulier terug te bezorgen.')).toEqual([['Gelieve', 'wilt u / vragen wij u', []]]);
  });
});

describe('matching', () => {
  it('offers the plain word as a replacement, in the case of the word it replaces', () => {
    expect(flags('Indien u vragen hebt, bel ons. We hebben uw brief reeds ontvangen.')).toEqual([
      ['Indien', 'als', ['Als']],
      ['reeds', 'al', ['al']],
    ]);
  });

  it('finds multi-word phrases across extra spaces, and not across a comma or a full stop', () => {
    expect(flags('Dit is ten  behoeve \u200B van de inwoners.')).toEqual([['ten  behoeve \u200B van', 'voor', ['voor']]]);
    // A line break ends a sentence on the desk (an e-mail's lines stand on their own).
    expect(flagged('Dit is ten behoeve\nvan de inwoners.')).toEqual([]);
    expect(flagged('Dit is ten, behoeve van niemand.')).toEqual([]);
    expect(flagged('Wij stellen u hierbij in het bezit van het attest.')).toEqual(['stellen u hierbij in het bezit']);
  });

  it('finds inflected forms, with other words between the parts of a phrase', () => {
    expect(flags('U dient het formulier voor 1 mei terug te sturen.')).toEqual([['dient het formulier voor 1 mei terug te', 'moeten', []]]);
    expect(flagged('De documenten dienden te worden ingediend.')).toEqual(['dienden te']);
    expect(flagged('Hij diende het dossier te vervolledigen.')).toEqual(['diende het dossier te']);
    expect(flagged('Wij trachten u snel te antwoorden. Zij tracht het. Hij trachtte het. Wij hebben het getracht.')).toEqual([
      'trachten',
      'tracht',
      'trachtte',
      'getracht',
    ]);
    // Only the term itself is replaced with one click: "tracht" → "proberen" would be wrong.
    expect(flags('Zij tracht het.')).toEqual([['tracht', 'proberen', []]]);
    expect(flags('Wij trachten het.')).toEqual([['trachten', 'proberen', ['proberen']]]);
  });

  it('needs the second part of a phrase in the same sentence, within the gap, and not after "om"', () => {
    expect(flagged('Dit attest dient als bewijs.')).toEqual([]);
    expect(flagged('U dient. Probeer te komen.')).toEqual([]);
    expect(flagged('Het dient om tijd te winnen.')).toEqual([]);
    const far = `U dient ${Array.from({ length: MAX_GAP + 1 }, (_, i) => `woord${'x'.repeat(i + 1)}`).join(' ')} te sturen.`;
    expect(flagged(far)).toEqual([]);
    const near = `U dient ${Array.from({ length: MAX_GAP }, (_, i) => `woord${'x'.repeat(i + 1)}`).join(' ')} te sturen.`;
    expect(flagged(near)).toHaveLength(1);
  });

  it('matches whole words only: no hit inside a longer word or a code', () => {
    expect(flagged('De reedsheid van het indienen, de geschiedenis, thansen, voorreeds, reeds2 en middelsgroot.')).toEqual([]);
    expect(flagged('Indienen kan aan het loket.')).toEqual([]);
  });

  it('ignores case, diacritics, zero-width and bidi marks (the core fold)', () => {
    expect(flagged('TENEINDE dat te doen')).toEqual(['TENEINDE']);
    expect(flagged('te\u200Bneinde het te doen')).toEqual(['te\u200Bneinde']);
    expect(flagged('\u200Freeds gedaan')).toEqual(['reeds']);
    expect(flagged('Tene\u00ADinde het te doen')).toEqual(['Tene\u00ADinde']);
    expect(flagged('Wij wachten reèds lang')).toEqual(['reèds']);
  });

  it('uses Maps: words that are object properties neither match nor break it', () => {
    expect(flagged('constructor __proto__ toString hasOwnProperty valueOf')).toEqual([]);
    const entry = (term: string): StadhuistaalEntry => ({ term, forms: [], plain: ['bouwer'], why: 'Test.', replace: true, line: 1 });
    const own = stadhuistaalMatcher({ format: STADHUISTAAL_FORMAT, entries: [entry('constructor'), entry('proto')] });
    expect(flags('De constructor en __proto__ en toString.', own)).toEqual([['constructor', 'bouwer', ['bouwer']]]);
  });

  it('a word a deck lists as jargon is flagged once, with the deck plain word', () => {
    const jargon = jargonMatcher([{ term: 'indien', plain: 'als het nodig is', source: 'Bestuur' }]);
    const found = checkText('Indien u wil, bel ons. Wij hebben reeds geantwoord.', {
      kind: 'text',
      register: 'u',
      jargon,
      stadhuistaal: matcher,
    }).filter((f) => f.check === 'klareTaal');
    expect(found.map((f) => [f.code, f.text])).toEqual([
      ['jargon', 'Indien'],
      ['stadhuistaal', 'reeds'],
    ]);
    expect(found[1]!.params.why).toMatch(/Al/);
  });

  it('refuses a damaged compiled list', () => {
    expect(() => readStadhuistaalList({ format: 'x', entries: [] })).toThrow(/format/);
    expect(() => readStadhuistaalList({ format: STADHUISTAAL_FORMAT, entries: [{ term: 'x' }] })).toThrow(/damaged/);
    expect(readStadhuistaalList(JSON.parse(JSON.stringify(shipped.list))).entries).toHaveLength(shipped.list.entries.length);
  });
});

describe('the validator', () => {
  const messages = (yaml: string) => parseStadhuistaalYaml(yaml, 'content/stadhuistaal.yaml').problems.map(formatProblem);

  it('reports each bad entry at its file:line:column, and keeps the good ones', () => {
    const yaml = [
      'entries:', // 1
      '  - term: indien', // 2
      '    plain: als', // 3
      '    why: Schrijf als.', // 4
      '  - term: Teneinde', // 5
      '    plain: om … te', // 6
      '    why: Om te.', // 7
      '  - term: reeds', // 8
      '    plian: al', // 9
      '    why: Al.', // 10
      '  - term: dienen te …', // 11
      '    plain: moeten', // 12
      '    why: Moeten.', // 13
      '  - term: thans', // 14
      '    forms: [indien]', // 15
      '    plain: nu', // 16
      '    why: Nu.', // 17
      '  - term: middels', // 18
      '    plain: Middels', // 19
      '    why: Met.', // 20
      '  - term: doch', // 21
      '    plain: maar', // 22
      '  - term: tevens', // 23
      '    forms: [ook wel, tevens]', // 24
      '    plain: ook', // 25
      '    why: Ook.', // 26
      '  - term: derhalve', // 27
      '    plain: daarom', // 28
      '    why: Daarom.', // 29
      '    replace: nee', // 30
    ].join('\n');
    const result = parseStadhuistaalYaml(yaml, 'content/stadhuistaal.yaml');
    expect(result.problems.map(formatProblem)).toEqual([
      'content/stadhuistaal.yaml:5:11 error: "Teneinde" must be lowercase words with single spaces — the desk handles capitals itself',
      'content/stadhuistaal.yaml:8:5 error: missing required field "plain"',
      'content/stadhuistaal.yaml:9:5 error: unknown field "plian" — did you mean plain?',
      'content/stadhuistaal.yaml:11:11 error: "dienen te …" may have … only between words, once in a row',
      'content/stadhuistaal.yaml:15:13 error: "indien" is already listed on line 2 — one phrase, one entry (add the form there)',
      'content/stadhuistaal.yaml:19:12 error: plain "Middels" is the term itself — write the plain word to use instead',
      'content/stadhuistaal.yaml:21:5 error: missing required field "why"',
      'content/stadhuistaal.yaml:24:22 error: "tevens" is twice in this entry',
      'content/stadhuistaal.yaml:30:14 error: "replace" must be a boolean, not a string',
    ]);
    expect(result.list.entries.map((e) => [e.term, e.line])).toEqual([['indien', 2]]);
  });

  it('reads three dots as the gap mark, and a list of plain words', () => {
    const result = parseStadhuistaalYaml(
      'entries:\n  - term: dienen ... te\n    forms: [dient ... te]\n    plain: [moeten, hoeven]\n    why: Moeten.\n    replace: false\n',
      'x.yaml',
    );
    expect(result.problems).toEqual([]);
    expect(result.list.entries).toEqual([
      { term: 'dienen … te', forms: ['dient … te'], plain: ['moeten', 'hoeven'], why: 'Moeten.', replace: false, line: 2 },
    ]);
  });

  it('says what the file must look like', () => {
    expect(messages('- term: indien\n')).toEqual(['content/stadhuistaal.yaml:1:1 error: the list of stadhuistaal starts with "entries:"']);
    expect(messages('entries: []\n')).toEqual(['content/stadhuistaal.yaml:1:10 error: "entries" must not be empty']);
    expect(messages('entrys:\n  - term: x\n')).toContain(
      'content/stadhuistaal.yaml:1:1 error: unknown field "entrys" — did you mean entries?',
    );
    expect(messages('entries:\n  - term: [x\n')[0]).toMatch(/^content\/stadhuistaal\.yaml:\d+:\d+ error: YAML syntax/);
  });
});

describe('the build', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  async function buildWith(list: string | undefined) {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-stadhuistaal-'));
    roots.push(root);
    const dir = join(root, 'content');
    mkdirSync(dir);
    if (list !== undefined) writeFileSync(join(dir, 'stadhuistaal.yaml'), list);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    const outDir = join(root, 'dist');
    try {
      await build({ configFile: false, root, logLevel: 'silent', build: { outDir }, plugins: [contentPlugin({ contentDir: dir })] });
      return { list: JSON.parse(readFileSync(join(outDir, 'writing/stadhuistaal.json'), 'utf8')) as unknown, error: undefined };
    } catch (error) {
      return { list: undefined, error: String(error) };
    }
  }

  it('emits the list as writing/stadhuistaal.json, an empty one without a file, and fails on a bad entry', async () => {
    const good = await buildWith('entries:\n  - term: reeds\n    plain: al\n    why: Al is korter.\n');
    expect(readStadhuistaalList(good.list).entries).toMatchObject([{ term: 'reeds', plain: ['al'] }]);
    expect(readStadhuistaalList((await buildWith(undefined)).list).entries).toEqual([]);
    const bad = await buildWith('entries:\n  - term: reeds\n    plain: al\n');
    expect(bad.error).toMatch(/content\/stadhuistaal\.yaml:2:5 error: missing required field "why"/);
  }, 120_000);
});
