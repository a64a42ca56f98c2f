import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deckToYaml } from '../../src/core/content/serialize.ts';
import { parseDeckYaml } from '../../src/core/content/yamlDeck.ts';
import { convert, ConvertError, mapSource, type ConvertResult, type Source } from '../../src/core/convert/index.ts';
import { BASIC, buildPackage, CLOZE, collection11, DEFAULT_DECK, loadSql, proto, type FixtureCollection } from './ankiFixtures.ts';

/** A converted deck always passes the deck check (no errors), written as the CLI writes it. */
function expectPassesDeckCheck(result: ConvertResult): void {
  for (const deck of result.decks) {
    const errors = parseDeckYaml(deckToYaml(deck), `${deck.id}.deck.yaml`).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  }
}

/** Whatever the input: decks that pass the deck check, or our own error. Nothing else. */
async function wellBehaved(bytes: Uint8Array, fileName: string): Promise<void> {
  let result: ConvertResult;
  try {
    result = await convert(bytes, { fileName, loadSql });
  } catch (error) {
    expect(error).toBeInstanceOf(ConvertError);
    expect((error as ConvertError).message.length).toBeGreaterThan(0);
    expect((error as ConvertError).message).not.toContain('\n');
    return;
  }
  expectPassesDeckCheck(result);
}

const SMALL: FixtureCollection = {
  noteTypes: [BASIC, CLOZE],
  decks: [DEFAULT_DECK, { id: 7, name: 'Stad::Bestuur', description: 'Wie <b>beslist</b>' }],
  notes: [
    {
      id: 1,
      guid: 'g1',
      noteTypeId: BASIC.id,
      fields: ['de gemeenteraad [sound:a.mp3]', 'De <b>raad</b>.'],
      cards: [{ ord: 0, deckId: 7 }],
    },
    { id: 2, guid: 'g2', noteTypeId: CLOZE.id, fields: ['Het {{c1::loket::balie}} is {{c2::open}}.', 'Uitleg'] },
  ],
};

describe('the converter never throws anything but its own error', () => {
  it('random bytes, under every name', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('x.apkg', 'x.txt', 'x.csv', 'x.colpkg', 'x'),
        async (bytes, name) => {
          await wellBehaved(bytes, name);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes behind a zip signature', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (bytes) => {
        await wellBehaved(new Uint8Array([0x50, 0x4b, 3, 4, ...bytes]), 'x.apkg');
      }),
      { numRuns: 200 },
    );
  });

  it('a library error that quotes damaged bytes becomes one short line', () => {
    const quoted = `malformed database schema (col) - unrecognized token: "\t\t\u0001\ufffd<\n${'i'.repeat(2000)}"`;
    const error = new ConvertError('corrupt-collection', `the collection cannot be read: ${quoted}`, { detail: quoted });
    expect([...error.message].filter((char) => char < ' ')).toEqual([]);
    expect(error.message.length).toBeLessThanOrEqual(300);
    expect(error.message).toMatch(/^the collection cannot be read: malformed database schema/);
    expect(error.params.detail).not.toContain('\n');
  });

  it.each(['anki2', 'anki21b'] as const)('a real %s package with bytes changed or cut off', { timeout: 180_000 }, async (version) => {
    const good = await buildPackage(version, SMALL, new Map([['a.mp3', new Uint8Array([1, 2, 3])]]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: good.length }), { nil: undefined }),
        async (changes, cut) => {
          const bytes = good.slice(0, cut ?? good.length);
          for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
          await wellBehaved(bytes, 'x.apkg');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('well-formed zips with random entries: meta, media map, collection bytes', { timeout: 180_000 }, async () => {
    const collection = await collection11(SMALL);
    const entry = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constant(collection),
      fc.constant(collection.subarray(0, 4096)),
      fc.constant(proto([[1, 3]])),
      fc.constant(new TextEncoder().encode('{"0": "a.mp3", "1": "../../etc/passwd", "__proto__": "x"}')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('meta', 'media', 'collection.anki2', 'collection.anki21', 'collection.anki21b', '0', '1', 'constructor'),
          entry,
        ),
        async (entries) => {
          await wellBehaved(zipSync(entries), 'x.apkg');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random text as Anki text export and as Quizlet export', { timeout: 120_000 }, async () => {
    const line = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom('\t', ';', ',', '"', '#separator:tab', '#html:true', '{{c1::', '}}', '<b>', '&amp;', '[sound:a.mp3]'),
      ),
      {
        maxLength: 8,
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), async (lines, quizlet) => {
        const text = new TextEncoder().encode(lines.map((l) => l.join('')).join('\n'));
        try {
          const result = await convert(text, { fileName: 'x.txt', ...(quizlet ? { format: 'quizlet' as const } : {}) });
          expectPassesDeckCheck(result);
        } catch (error) {
          expect(error).toBeInstanceOf(ConvertError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it(
    'notes with any mix of cloze syntax, HTML, braces, articles and sounds map to decks that pass the deck check',
    { timeout: 120_000 },
    async () => {
      const token = fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(
          '{{c1::',
          '{{c2::',
          '{{c12::',
          '::',
          '}}',
          '{',
          '}',
          'de ',
          'het ',
          'De ',
          ' ',
          '\n',
          '<br>',
          '<div>',
          '</div>',
          '<b>',
          '&amp;',
          '&nbsp;',
        ),
        fc.constantFrom(
          '[sound:a.mp3]',
          '[sound:]',
          '<script>x</script>',
          'image-occlusion:rect',
          'OCMW',
          '?',
          '.',
          '\u00a0',
          '\u200b',
          '\x1f',
        ),
      );
      const field = fc.array(token, { maxLength: 10 }).map((t) => t.join(''));
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.boolean(),
              fc.array(field, { minLength: 0, maxLength: 4 }),
              fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
            ),
            { minLength: 1, maxLength: 12 },
          ),
          fc.boolean(),
          async (rows, html) => {
            const source: Source = {
              format: 'apkg',
              fileName: 'fuzz.apkg',
              html,
              noteTypes: [
                { id: 'b', name: 'Basic', kind: 'basic', fields: ['Front', 'Back', 'Extra'], clozeFields: [], noteCount: 0 },
                { id: 'c', name: 'Cloze', kind: 'cloze', fields: ['Text', 'Back Extra'], clozeFields: [0], noteCount: 0 },
              ],
              notes: rows.map(([cloze, fields, guid], i) => ({
                ...(guid !== undefined ? { guid } : {}),
                noteTypeId: cloze ? 'c' : 'b',
                fields,
                deckId: '1',
                where: `note ${i}`,
              })),
              decks: [{ id: '1', name: 'Default', isDefault: true }],
              media: { has: (name) => name === 'a.mp3', read: (names) => new Map(names.map((n) => [n, new Uint8Array([1])])) },
              warnings: [],
            };
            try {
              expectPassesDeckCheck(await mapSource(source, { fieldMap: { example: 2 } }));
            } catch (error) {
              expect(error).toBeInstanceOf(ConvertError);
              expect((error as ConvertError).code).toBe('no-cards');
            }
          },
        ),
        { numRuns: 1000 },
      );
    },
  );
});
