import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkDeckFile } from '../../src/core/content/deckFile.ts';
import { checkDeckPackage, packageTooLarge, writeDeckPackage } from '../../src/core/content/deckPackage.ts';
import { DECK_PACKAGE_MAX_BYTES } from '../../src/core/files/limits.ts';
import type { DeckInput } from '../../src/core/content/schema.ts';
import {
  assignRole,
  checkConverted,
  defaultFieldMap,
  mapFromRoles,
  mapSource,
  readSource,
  rolesFromMap,
  sampleNotes,
  type FieldRole,
} from '../../src/core/convert/index.ts';
import { createDeckService } from '../../src/core/services/decks.ts';
import { BASIC, buildPackage, CLOZE, DEFAULT_DECK, loadSql } from './ankiFixtures.ts';
import { freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

const builtIn = new Set(['bestuur']);

/** A department's spreadsheet as Excel in Belgium saves it: Dutch column names, semicolons, a BOM, CRLF. */
const dutchCsv = (rows: string[]) => `\uFEFF${['Term;Lidwoord;Betekenis;Voorbeeld;Engels', ...rows].join('\r\n')}\r\n`;
const GOOD_ROWS = [
  'wachtnummer;het;Het nummer dat je krijgt aan het loket.;Neem een {wachtnummer} aan de ingang.;queue number',
  'afspraak;de;Een vast moment waarop je langskomt.;Maak een {afspraak} voor je identiteitskaart.;appointment',
  'uittreksel;het;Een officieel papier uit een register.;Vraag een {uittreksel} aan.;extract',
];

describe('a CSV deck picked without its meta file: the importer names it', () => {
  it('takes title, department and level from the form, over the names', () => {
    const check = checkDeckFile('loket-woorden.csv', dutchCsv(GOOD_ROWS), builtIn, undefined, {
      title: 'Aan het loket',
      department: 'Burgerzaken',
      level: 'A2',
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.deck).toMatchObject({ id: 'loket-woorden', title: 'Aan het loket', department: 'Burgerzaken', level: 'A2', cardCount: 3 });
    expect(check.deck.cards[0]).toMatchObject({ term: 'wachtnummer', article: 'het', translations: { en: 'queue number' } });
  });

  it('leaves what the form leaves empty to the file name, and refuses an id a built-in deck has', () => {
    const check = checkDeckFile('loket-woorden.csv', dutchCsv(GOOD_ROWS), builtIn, undefined, { title: '', department: ' ' });
    expect(check.ok && { title: check.deck.title, department: check.deck.department }).toEqual({
      title: 'Loket woorden',
      department: 'Algemeen',
    });
    expect(checkDeckFile('bestuur.csv', dutchCsv(GOOD_ROWS), builtIn, undefined, { title: 'Eigen' })).toEqual({
      ok: false,
      reason: 'built-in-id',
      id: 'bestuur',
    });
  });

  it('reports every problem of the file at once, at its spreadsheet cell', () => {
    const rows = [...GOOD_ROWS, 'balie;den;De plaats waar je geholpen wordt.;;counter', 'loket;het;;;counter window'];
    const check = checkDeckFile('loket.csv', dutchCsv(rows).replace('Engels', 'Engels;Opmerking'), builtIn, undefined, { title: 'Loket' });
    expect(check.ok).toBe(false);
    if (check.ok || check.reason !== 'problems') return;
    const cells = check.problems.map((p) => ({ code: p.code, ...p.cell }));
    // The header's unknown column and both rows' errors, together.
    expect(cells).toContainEqual(expect.objectContaining({ code: 'unknown-column', row: 1, column: 'F' }));
    expect(cells).toContainEqual({ code: 'invalid-value', row: 5, column: 'B', header: 'Lidwoord' });
    expect(cells).toContainEqual(expect.objectContaining({ row: 6, column: 'C', header: 'Betekenis' }));
  });
});

describe('a deck package picked in the app', () => {
  const deck: DeckInput = {
    id: 'eigen-loket',
    title: 'Eigen loket',
    cards: [
      { term: 'balie', article: 'de', definition: 'De plaats waar je geholpen wordt.', audio: 'balie.webm' },
      { term: 'loket', article: 'het', definition: 'Het venster waar je geholpen wordt.' },
    ],
  };
  const audio = new Map([['balie.webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3])]]);

  it('is read whole, with its recordings', () => {
    const check = checkDeckPackage(writeDeckPackage({ deck, audio }), 'eigen.vaktaal', builtIn);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.deck.cards.map((c) => c.term)).toEqual(['balie', 'loket']);
    expect(check.recordings).toEqual([{ name: 'balie.webm', type: 'audio/webm', bytes: audio.get('balie.webm') }]);
  });

  it('is refused when a built-in deck has its id, or when it is damaged', () => {
    expect(checkDeckPackage(writeDeckPackage({ deck: { ...deck, id: 'bestuur' }, audio }), 'b.vaktaal', builtIn)).toEqual({
      ok: false,
      reason: 'built-in-id',
      id: 'bestuur',
    });
    const bytes = writeDeckPackage({ deck, audio });
    const cut = checkDeckPackage(bytes.slice(0, bytes.length - 30), 'kapot.vaktaal', builtIn);
    expect(cut.ok === false && cut.reason === 'problems' && cut.problems.map((p) => p.code)).toEqual(['package-corrupt']);
  });

  it('larger than the limit gets the size problem before it is read', () => {
    const p = packageTooLarge('groot.vaktaal', DECK_PACKAGE_MAX_BYTES + 1);
    expect(p).toMatchObject({ file: 'groot.vaktaal', code: 'package-too-large', params: { limit: '50 MB', size: '50 MB' } });
    expect(packageTooLarge('groot.vaktaal', 80 * 1024 * 1024).params.size).toBe('80 MB');
  });
});

describe('the mapping step: one role per field', () => {
  const type = {
    id: '1',
    name: 'Woord',
    kind: 'basic' as const,
    fields: ['Woord', 'Uitleg', 'Zin', 'Engels'],
    clozeFields: [],
    noteCount: 3,
  };

  it('shows the default mapping as roles and turns roles back into the same mapping', () => {
    const roles = rolesFromMap(defaultFieldMap(type), type.fields.length);
    expect(roles).toEqual(['term', 'definition', 'example', 'translation:en']);
    expect(mapFromRoles(roles)).toEqual(defaultFieldMap(type));
  });

  it('gives a role to one field only, and leaves out what is not a card field or a language', () => {
    let roles: FieldRole[] = ['term', 'definition', '', ''];
    roles = assignRole(roles, 2, 'definition');
    expect(roles).toEqual(['term', '', 'definition', '']);
    roles = assignRole(roles, 3, 'translation:fr');
    roles = assignRole(roles, 1, 'translation:fr');
    expect(roles).toEqual(['term', 'translation:fr', 'definition', '']);
    expect(assignRole(roles, 0, '')).toEqual(['', 'translation:fr', 'definition', '']);
    const map = mapFromRoles(['term', 'translation:nl', 'translation:xx', 'plain'] as FieldRole[]);
    expect(map).toEqual({ term: 0, plain: 3 });
  });
});

describe('a converted file before it is stored', () => {
  const notes = [
    {
      id: 1,
      guid: 'g1',
      noteTypeId: BASIC.id,
      fields: ['de balie [sound:balie.mp3]', '<b>De plaats</b> waar je geholpen wordt.&nbsp;<script>x()</script>'],
    },
    { id: 2, guid: 'g2', noteTypeId: BASIC.id, fields: ['het loket', 'Het venster waar je geholpen wordt.'] },
    { id: 3, guid: 'g3', noteTypeId: BASIC.id, fields: ['de wachtrij', `Een rij mensen die wachten. ${'Heel lang. '.repeat(20)}`] },
    { id: 4, guid: 'g4', noteTypeId: BASIC.id, fields: ['het nummer', 'Wat je krijgt.'] },
    { id: 5, guid: 'g5', noteTypeId: CLOZE.id, fields: ['Neem een {{c1::wachtnummer}} aan de ingang.', 'Aan het loket'] },
  ];
  const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0]);
  const source = async () =>
    readSource(await buildPackage('anki21b', { noteTypes: [BASIC, CLOZE], decks: [DEFAULT_DECK], notes }, new Map([['balie.mp3', mp3]])), {
      fileName: 'loket.apkg',
      loadSql,
    });

  it('shows a few notes per note type as plain text, sounds apart', async () => {
    const samples = sampleNotes(await source());
    const basic = samples.get(String(BASIC.id))!;
    expect(basic).toHaveLength(3);
    expect(basic[0]).toEqual([
      { text: 'de balie', sounds: ['balie.mp3'] },
      { text: 'De plaats waar je geholpen wordt.', sounds: [] },
    ]);
    expect(basic[2]![1]!.text.length).toBeLessThanOrEqual(120);
    expect(basic[2]![1]!.text.endsWith('…')).toBe(true);
    expect(samples.get(String(CLOZE.id))).toEqual([
      [
        { text: 'Neem een {{c1::wachtnummer}} aan de ingang.', sounds: [] },
        { text: 'Aan het loket', sounds: [] },
      ],
    ]);
  });

  it('checks each deck as a deck file with the chosen fields, keeping its id, with the recordings its cards name', async () => {
    const result = await mapSource(await source());
    const id = result.decks[0]!.id;
    const check = checkConverted(
      result.decks,
      result.audio,
      new Map([[id, { title: 'Loket', department: 'Burgerzaken', level: 'A2' as const }]]),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const [{ deck, recordings }] = check.decks as [(typeof check.decks)[0]];
    expect(deck).toMatchObject({ id, title: 'Loket', department: 'Burgerzaken', level: 'A2', cardCount: 5 });
    expect(deck.cards.find((c) => c.term === 'balie')?.audio).toBe('balie.mp3');
    expect(recordings).toEqual([{ name: 'balie.mp3', type: 'audio/mpeg', bytes: mp3 }]);
    // Without chosen fields the converter's title stays and the department is the default.
    const plain = checkConverted(result.decks, result.audio);
    expect(plain.ok && plain.decks[0]!.deck).toMatchObject({ title: result.decks[0]!.title, department: 'Algemeen' });
  });

  it('refuses all decks when one has an error', async () => {
    const result = await mapSource(await source());
    const second: DeckInput = {
      ...result.decks[0]!,
      id: 'tweede',
      cards: [{ term: 'x', article: 'de', definition: 'y', example: 'geen gat' }],
    };
    const check = checkConverted([...result.decks, second], result.audio);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.map((p) => p.code)).toEqual(['gap-missing']);
  });
});

describe('storing the decks of one file', () => {
  it('stores them all in one transaction, or none', async () => {
    const db = freshDb();
    const decks = createDeckService(db, () => Promise.reject(new Error('not used')));
    const a = makeDeck('a', 2);
    const b = makeDeck('b', 1, [makeCard(0, { audio: 'b.mp3' })]);
    const replaced = await decks.importDecks(
      [
        { deck: a, fileName: 'x.apkg' },
        { deck: b, fileName: 'x.apkg', recordings: [{ name: 'b.mp3', type: 'audio/mpeg', bytes: new Uint8Array([1]) }] },
      ],
      NOON,
    );
    expect(replaced).toEqual([undefined, undefined]);
    expect((await decks.listImported()).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await decks.recording('b', 'b.mp3'))?.type).toBe('audio/mpeg');

    // A second file whose last deck cannot be stored (a recording IndexedDB cannot clone): nothing of it stays.
    const c = makeDeck('c', 1);
    const broken = { name: 'd.mp3', type: 'audio/mpeg', bytes: (() => undefined) as unknown as Uint8Array };
    await expect(
      decks.importDecks(
        [
          { deck: c, fileName: 'y.apkg' },
          { deck: makeDeck('d', 1), fileName: 'y.apkg', recordings: [broken] },
        ],
        NOON,
      ),
    ).rejects.toThrow();
    expect((await decks.listImported()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await db.items.where('deckId').equals('c').count()).toBe(0);
  });

  it('stores a deck with more review items than one write slice whole', async () => {
    const db = freshDb();
    const decks = createDeckService(db, () => Promise.reject(new Error('not used')));
    const big = makeDeck('groot', 1500);
    await decks.importDecks([{ deck: big, fileName: 'groot.apkg' }], NOON);
    const items = await db.items.where('deckId').equals('groot').toArray();
    expect(items.length).toBeGreaterThan(4000);
    expect(new Set(items.map((i) => i.cardId)).size).toBe(1500);
  });
});
