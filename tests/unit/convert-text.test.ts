import { describe, expect, it } from 'vitest';
import { deckToYaml } from '../../src/core/content/serialize.ts';
import { parseDeckYaml } from '../../src/core/content/yamlDeck.ts';
import {
  convert,
  ConvertError,
  mapSource,
  MAX_INPUT_BYTES,
  parseFieldMap,
  QUIZLET_SEPARATORS,
  readSource,
  separatorFromText,
  sizeError,
  type ConvertOptions,
  type ConvertResult,
} from '../../src/core/convert/index.ts';
import { BASIC, buildPackage, DEFAULT_DECK, loadSql } from './ankiFixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const run = (text: string | Uint8Array, fileName: string, extra: Partial<ConvertOptions> = {}) =>
  convert(typeof text === 'string' ? encode(text) : text, { fileName, loadSql, ...extra });
const cards = (r: ConvertResult) => r.decks.flatMap((d) => d.cards);

async function convertError(text: string | Uint8Array, fileName: string, extra: Partial<ConvertOptions> = {}): Promise<ConvertError> {
  try {
    await run(text, fileName, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(ConvertError);
    expect((error as Error).message).not.toContain('\n');
    return error as ConvertError;
  }
  throw new Error('expected a ConvertError');
}

function expectValid(result: ConvertResult): void {
  for (const deck of result.decks) {
    expect(parseDeckYaml(deckToYaml(deck), `${deck.id}.deck.yaml`).problems.filter((p) => p.severity === 'error')).toEqual([]);
  }
}

describe('Anki text exports', { timeout: 30_000 }, () => {
  // What Anki 2.1.55+ writes for "Notes in Plain Text" with every option ticked (export.rs).
  const NOTES_EXPORT = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
    'Ab3+xY}9_q\tBasic\tStad::Bestuur\tde gemeenteraad\tDe verkozen <b>vertegenwoordigers</b>.\tbestuur',
    'k9#Lm2\tCloze\tStad::Burgerzaken\t"Het {{c1::uittreksel::document}} vraagt u ""snel"" aan."\tEen stuk.\t',
    'Zz9\tBasic\tStad::Bestuur\t"het college\tmet tab"\t"Het bestuur,',
    'over twee regels."\t',
  ].join('\n');

  it('a notes export with header lines: guid, note type and deck columns; cloze rows; quoted fields', async () => {
    const result = await run(NOTES_EXPORT, 'export.txt');
    expect(result.format).toBe('anki-text');
    expect(result.decks.map((d) => [d.id, d.title, d.cards.length])).toEqual([
      ['stad-bestuur', 'Bestuur', 2],
      ['stad-burgerzaken', 'Burgerzaken', 1],
    ]);
    const [raad, college] = result.decks[0]!.cards;
    expect(raad).toMatchObject({ term: 'gemeenteraad', article: 'de', definition: 'De verkozen vertegenwoordigers.' });
    // html:true: a line break in the source text is whitespace, as in HTML (Anki writes <br> for a break).
    expect(college).toMatchObject({ term: 'college met tab', article: 'het', definition: 'Het bestuur, over twee regels.' });
    expect(result.decks[1]!.cards[0]).toMatchObject({
      term: 'uittreksel',
      definition: 'document',
      example: 'Het {uittreksel} vraagt u "snel" aan.',
    });
    expectValid(result);
  });

  it('the ids from the guid column are those a package of the same notes gets', async () => {
    const pkg = await convert(
      await buildPackage('anki21b', {
        noteTypes: [BASIC],
        decks: [DEFAULT_DECK],
        notes: [{ id: 1, guid: 'Ab3+xY}9_q', noteTypeId: BASIC.id, fields: ['de gemeenteraad', 'De verkozen vertegenwoordigers.'] }],
      }),
      { fileName: 'stad.apkg', loadSql },
    );
    const text = await run(NOTES_EXPORT, 'export.txt');
    expect(cards(text)[0]!.id).toBe(cards(pkg)[0]!.id);
  });

  it('#columns names the fields, so a column called "Voorbeeld" becomes the example; #deck names the deck', async () => {
    const text = [
      '#separator:Semicolon',
      '#html:false',
      '#deck:Afval en netheid',
      '#columns:Woord;Betekenis;Voorbeeld',
      'het sluikstort;Afval op een plaats waar het niet mag.;Een <sluikstort> kost geld.',
    ].join('\r\n');
    const source = await readSource(encode(text), { fileName: 'afval.csv' });
    expect(source.noteTypes[0]).toMatchObject({ name: 'Text file', fields: ['Woord', 'Betekenis', 'Voorbeeld'], kind: 'basic' });
    const result = await run(text, 'afval.csv');
    expect(result.decks[0]).toMatchObject({ id: 'afval-en-netheid', title: 'Afval en netheid' });
    // html:false: the angle brackets are text.
    expect(cards(result)[0]).toMatchObject({ term: 'sluikstort', article: 'het', example: 'Een <{sluikstort}> kost geld.' });
  });

  it.each([
    ['tab', 'de aanvraag\tHet vragen van iets.\nhet loket\tDe balie.'],
    ['semicolon', 'de aanvraag;Het vragen van iets.\nhet loket;De balie.'],
    ['comma, with quotes', 'de aanvraag,"Het vragen, officieel."\nhet loket,De balie.'],
    ['pipe', 'de aanvraag|Het vragen van iets.\nhet loket|De balie.'],
    ['comma before colon', 'de aanvraag,Let op: het vragen.\nhet loket,De balie.'],
  ])('without header lines the separator is found in the first row: %s', async (_, text) => {
    const result = await run(text, 'woorden.txt');
    expect(cards(result).map((c) => c.term)).toEqual(['aanvraag', 'loket']);
    expect(result.decks[0]).toMatchObject({ id: 'woorden', title: 'Woorden' });
  });

  it('a header-less file is HTML only when it holds markup', async () => {
    const html = await run('de brief\tEen <i>officieel</i> schrijven &amp; meer.', 'a.txt');
    expect(cards(html)[0]!.definition).toBe('Een officieel schrijven & meer.');
    const plain = await run('de brief\tEen schrijven, 3 < 4.', 'a.txt');
    expect(cards(plain)[0]!.definition).toBe('Een schrijven, 3 < 4.');
  });

  it('rows without a guid get the usual ids (slug of the term), made unique', async () => {
    const result = await run('de aanvraag\tEerste.\nde aanvraag\tTweede.\nสวัสดี\tHallo.', 'dubbel.txt');
    expect(cards(result).map((c) => c.id)).toEqual([undefined, 'aanvraag-2', expect.stringMatching(/^kaart-/)]);
    expectValid(result);
  });

  it('--map: the CLI syntax counts fields from 1 and knows roles and language codes', async () => {
    expect(parseFieldMap('term=2,definition=1,example=3,en=4,fr=5')).toEqual({
      term: 1,
      definition: 0,
      example: 2,
      translations: new Map([
        ['en', 3],
        ['fr', 4],
      ]),
    });
    const result = await run('Uitleg.\tde wachtzaal\tkamer om te wachten\twaiting room', 'w.txt', {
      fieldMap: parseFieldMap('definition=1,term=2,plain=3,en=4'),
    });
    expect(cards(result)[0]).toEqual({
      term: 'wachtzaal',
      article: 'de',
      definition: 'Uitleg.',
      plain: 'kamer om te wachten',
      translations: { en: 'waiting room' },
    });
    for (const bad of ['term', 'term=0', 'kleur=2', 'term=1,definition=1', 'nl=3']) {
      expect(() => parseFieldMap(bad)).toThrow(ConvertError);
    }
  });

  it('text in UTF-16 (with BOM) and in Windows-1252 is read; the latter with a warning', async () => {
    const text = 'het café\tPlaats om te drinken.';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    expect(cards(await run(utf16, 'a.txt'))[0]!.term).toBe('café');
    const latin1 = new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    const result = await run(latin1, 'a.txt');
    expect(cards(result)[0]!.term).toBe('café');
    expect(result.warnings[0]).toContain('Windows-1252');
  });
});

describe('Quizlet exports', { timeout: 30_000 }, () => {
  it('the defaults: tab between term and definition, newline between rows', async () => {
    const result = await run('de aanvraag\tHet vragen van iets.\r\nhet loket\tDe balie\twaar u wacht.\n\n', 'Quizlet set.txt', {
      format: 'quizlet',
    });
    expect(result.format).toBe('quizlet');
    expect(result.decks).toEqual([
      {
        id: 'quizlet-set',
        title: 'Quizlet set',
        cards: [
          { term: 'aanvraag', article: 'de', definition: 'Het vragen van iets.' },
          { term: 'loket', article: 'het', definition: 'De balie waar u wacht.' },
        ],
      },
    ]);
  });

  it('custom separators; a definition may hold a line break when rows are separated by something else', async () => {
    const text = 'de aanvraag - Het vragen\nvan iets.;;het loket - De balie;;de "code" - Een geheim - met streepje;;geen scheiding hier';
    const result = await run(text, 'set.txt', { quizlet: { termSeparator: ' - ', rowSeparator: ';;' } });
    expect(cards(result).map((c) => [c.term, c.definition])).toEqual([
      ['aanvraag', 'Het vragen\nvan iets.'],
      ['loket', 'De balie'],
      ['"code"', 'Een geheim - met streepje'],
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ noteType: 'Quizlet', where: 'line 2', text: 'geen scheiding hier', code: 'empty-definition' }),
    ]);
    expectValid(result);
  });

  it('the same separator twice is refused', async () => {
    expect((await convertError('a\tb', 'x.txt', { quizlet: { termSeparator: ';', rowSeparator: ';' } })).code).toBe('bad-option');
  });
});

describe('text files: bad input', { timeout: 30_000 }, () => {
  it('a binary file named .txt', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 97 + 13) % 256);
    const error = await convertError(binary, 'woorden.txt');
    expect(error.code).toBe('not-text');
    expect(error.message).toBe('this is not a text file (it holds binary data): an Anki package must be named .apkg');
  });

  it('an Anki package named .txt is told to be renamed', async () => {
    const pkg = await buildPackage('anki2', {
      noteTypes: [BASIC],
      decks: [DEFAULT_DECK],
      notes: [{ id: 1, guid: 'g', noteTypeId: BASIC.id, fields: ['a', 'b'] }],
    });
    expect((await convertError(pkg, 'woorden.txt')).message).toContain('name it .apkg');
  });

  it('an empty file, a file of header lines only, a quote that never closes', async () => {
    expect((await convertError('', 'leeg.txt')).code).toBe('empty');
    expect((await convertError('#separator:tab\n#html:true\n', 'kop.txt')).code).toBe('empty');
    const error = await convertError('de aanvraag\tuitleg\nhet loket\t"De balie\nwaar u wacht.\n', 'quote.txt');
    expect(error).toMatchObject({ code: 'bad-text', message: 'line 2: a double quote (") opens a field here but is never closed' });
  });

  it('rows that give no card are skipped with their line', async () => {
    const result = await run('de aanvraag\tuitleg\n\nalleen een term\n\tgeen term', 'x.txt');
    expect(result.skipped.map((s) => [s.where, s.code])).toEqual([
      ['line 3', 'empty-definition'],
      ['line 4', 'empty-term'],
    ]);
  });

  it('a file where nothing becomes a card is refused, with the reasons', async () => {
    const error = await convertError('alleen\nwoorden\n', 'x.txt');
    expect(error.code).toBe('no-cards');
    expect(error.skipped).toHaveLength(2);
  });
});

// Found by the import screen's end-to-end test (tests/e2e/importFiles.spec.ts).
describe('what the import screen needs from the readers', { timeout: 30_000 }, () => {
  const read = (text: string, fileName: string, extra: Partial<ConvertOptions> = {}) =>
    readSource(encode(text), { fileName, loadSql, ...extra });

  it('a column without a name gets no English name ("Field 2"): the app names it in the user’s language', async () => {
    const bare = await read('het attest;Een papier van de stad.;extra\nde balie;Een lange tafel.;\n', 'lijst.txt');
    expect(bare.noteTypes).toEqual([expect.objectContaining({ fields: ['', '', ''], unnamed: true })]);
    const named = await read('#separator:tab\n#columns:Term\tBetekenis\nhet attest\tEen papier.\tmeer\n', 'lijst.txt');
    expect(named.noteTypes[0]).toMatchObject({ fields: ['Term', 'Betekenis', ''], unnamed: true });
    const typed = await read('#separator:tab\n#notetype:Basis\nhet attest\tEen papier.\n', 'lijst.txt');
    expect(typed.noteTypes[0]).toMatchObject({ name: 'Basis' });
    expect(typed.noteTypes[0]!.unnamed).toBeUndefined();
    // Messages still say which field: "field 2".
    const result = await run('het attest;Een papier.\nde balie;\n', 'lijst.txt');
    expect(result.skipped[0]!.reason).toBe('field 2, the definition, is empty');
  });

  it('a Quizlet export names no columns; a definition that starts with a quote keeps it; separators as typed (\\t, \\n)', async () => {
    const text = 'het containerpark\t"Grof" afval breng je hier.\nde huisvuilzak\tVoor gewoon afval.\n';
    const source = await read(text, 'afval.txt', {
      format: 'quizlet',
      quizlet: { termSeparator: separatorFromText('\\t'), rowSeparator: separatorFromText('\\n') },
    });
    expect(source.noteTypes).toEqual([expect.objectContaining({ name: 'Quizlet', fields: ['', ''], unnamed: true })]);
    const result = await mapSource(source);
    expect(cards(result).map((c) => c.definition)).toEqual(['"Grof" afval breng je hier.', 'Voor gewoon afval.']);
    expect(separatorFromText(' \\\\t ')).toBe(' \\t ');
    expect(QUIZLET_SEPARATORS).toEqual({ tab: '\t', comma: ',', newline: '\n', semicolon: ';' });
  });

  it('one size rule, applied before a byte is read (the app checks File.size) and by readSource', async () => {
    expect(sizeError(MAX_INPUT_BYTES)).toBeUndefined();
    const error = sizeError(MAX_INPUT_BYTES + 1);
    expect(error).toBeInstanceOf(ConvertError);
    expect(error).toMatchObject({ code: 'too-large', params: { limit: '1 GB' } });
    // A stand-in for a file over 1 GB: readSource looks at its length first.
    const huge = { length: MAX_INPUT_BYTES + 1 } as Uint8Array;
    await expect(readSource(huge, { fileName: 'groot.apkg', loadSql })).rejects.toMatchObject({ code: 'too-large' });
  });
});
