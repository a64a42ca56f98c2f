import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  AUDIO_TYPES,
  DECK_PACKAGE_EXTENSION,
  DeckPackageError,
  isDeckPackageName,
  readDeckPackage,
  writeDeckPackage,
  type DeckPackageRead,
} from '../../src/core/content/deckPackage.ts';
import { DECK_PACKAGE_MAX_BYTES } from '../../src/core/files/limits.ts';
import { deckToYaml } from '../../src/core/content/serialize.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import type { DeckInput } from '../../src/core/content/schema.ts';

const DECK: DeckInput = {
  id: 'loket',
  title: 'Aan het loket',
  department: 'Burgerzaken',
  level: 'A2',
  cards: [
    {
      term: 'loket',
      article: 'het',
      definition: 'De plaats waar je geholpen wordt.',
      example: 'Ga naar {loket} 3.',
      audio: 'loket.mp3',
      translations: { en: 'counter', fr: 'guichet' },
    },
    { term: 'wachtrij', article: 'de', definition: 'Mensen die na elkaar wachten.', audio: 'wachtrij.webm' },
    { term: 'afspraak', article: 'de', definition: 'Een vast moment om langs te komen.' },
  ],
};
const MP3 = new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...Array.from({ length: 500 }, (_, i) => (i * 7) % 256)]);
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
const AUDIO = new Map([
  ['loket.mp3', MP3],
  ['wachtrij.webm', WEBM],
]);
const CREATED = new Date('2026-03-07T07:57:00.000Z');

const manifest = (over: Record<string, unknown> = {}) =>
  strToU8(JSON.stringify({ format: 'vaktaal-deck-package', version: 1, deck: 'loket', createdAt: CREATED.toISOString(), ...over }));
/** A package made by hand, for the inputs the writer never makes. */
function handmade(files: Zippable): Uint8Array {
  return zipSync(files, { mtime: CREATED });
}
const validFiles = (): Zippable => ({
  'manifest.json': manifest(),
  'loket.deck.yaml': strToU8(deckToYaml(DECK)),
  'audio/loket.mp3': MP3,
  'audio/wachtrij.webm': WEBM,
});

function refused(result: DeckPackageRead) {
  if (result.ok) throw new Error('expected the package to be refused');
  expect(result).not.toHaveProperty('deck');
  expect(result).not.toHaveProperty('audio');
  return result.problems;
}
const codes = (result: DeckPackageRead) => refused(result).map((p) => p.code);

describe('deck package: write and read back', () => {
  const bytes = writeDeckPackage({ deck: DECK, audio: AUDIO, createdAt: CREATED });

  it('is a zip with the manifest, the deck as .deck.yaml and the recordings under audio/', () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['audio/loket.mp3', 'audio/wachtrij.webm', 'loket.deck.yaml', 'manifest.json']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toEqual({
      format: 'vaktaal-deck-package',
      version: 1,
      deck: 'loket',
      createdAt: '2026-03-07T07:57:00.000Z',
    });
    expect(new TextDecoder().decode(files['loket.deck.yaml'])).toBe(deckToYaml(DECK));
  });

  it('reads back the same deck (through parseDeckFile) and the same recordings with their MIME types', () => {
    const result = readDeckPackage(bytes, { fileName: `loket${DECK_PACKAGE_EXTENSION}` });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const expected = parseDeckFile('loket.vaktaal/loket.deck.yaml', deckToYaml(DECK)).deck!;
    expect(result.deck).toEqual(expected);
    expect(result.manifest.createdAt).toBe(CREATED.toISOString());
    expect(result.audio).toEqual([
      { name: 'loket.mp3', type: 'audio/mpeg', bytes: MP3 },
      { name: 'wachtrij.webm', type: 'audio/webm', bytes: WEBM },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('packs only the recordings the cards name, and a deck without any', () => {
    const extra = new Map([...AUDIO, ['oud.mp3', MP3]]);
    expect(Object.keys(unzipSync(writeDeckPackage({ deck: DECK, audio: extra })))).not.toContain('audio/oud.mp3');
    const silent = { ...DECK, cards: DECK.cards.map(({ audio: _a, ...c }) => c) };
    const result = readDeckPackage(writeDeckPackage({ deck: silent }));
    expect(result.ok && result.audio).toEqual([]);
  });

  it('knows a MIME type for every recording extension the deck format allows', () => {
    for (const ext of ['mp3', 'ogg', 'm4a', 'wav', 'webm']) expect(AUDIO_TYPES.get(ext), ext).toMatch(/^audio\//);
    expect(isDeckPackageName('Loket.VAKTAAL')).toBe(true);
    expect(isDeckPackageName('loket.zip')).toBe(false);
  });
});

describe('deck package: the writer writes nothing it would refuse', () => {
  it('refuses a recording a card names but that is not given', () => {
    try {
      writeDeckPackage({ deck: DECK, audio: new Map([['loket.mp3', MP3]]) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeckPackageError);
      expect((error as DeckPackageError).problems.map((p) => [p.code, p.params.file])).toEqual([
        ['package-missing-audio', 'wachtrij.webm'],
      ]);
    }
  });

  it('refuses a deck with errors, with the deck problems', () => {
    const bad = { ...DECK, cards: [{ term: 'loket', article: 'den', definition: 'x' }] } as unknown as DeckInput;
    expect(() => writeDeckPackage({ deck: bad })).toThrow(DeckPackageError);
    try {
      writeDeckPackage({ deck: bad });
    } catch (error) {
      expect((error as DeckPackageError).problems[0]).toMatchObject({ code: 'invalid-value', params: { field: 'article', value: 'den' } });
    }
  });

  it('refuses recordings that together pass the 50 MB limit', () => {
    const big = new Map([...AUDIO, ['loket.mp3', new Uint8Array(DECK_PACKAGE_MAX_BYTES)]]);
    try {
      writeDeckPackage({ deck: DECK, audio: big });
      expect.unreachable();
    } catch (error) {
      expect((error as DeckPackageError).problems.map((p) => p.code)).toEqual(['package-too-large']);
    }
  });
});

describe('deck package: bad input is refused whole, with a reason', () => {
  const good = writeDeckPackage({ deck: DECK, audio: AUDIO, createdAt: CREATED });

  it('a damaged file: cut short, or bytes changed in the compressed deck', () => {
    expect(codes(readDeckPackage(good.slice(0, Math.floor(good.length / 2))))).toEqual(['package-corrupt']);
    expect(codes(readDeckPackage(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9])))).toEqual(['package-corrupt']);
  });

  it('a file that is no package: a recording, a text, a zip without manifest, a manifest of something else', () => {
    expect(codes(readDeckPackage(MP3))).toEqual(['package-not-a-package']);
    expect(codes(readDeckPackage(strToU8('id: loket\n')))).toEqual(['package-not-a-package']);
    expect(codes(readDeckPackage(handmade({ 'loket.deck.yaml': strToU8(deckToYaml(DECK)) })))).toEqual(['package-not-a-package']);
    expect(codes(readDeckPackage(handmade({ ...validFiles(), 'manifest.json': strToU8('{"format":"other-app"}') })))).toEqual([
      'package-not-a-package',
    ]);
  });

  it('a package from a newer version, whatever else it holds', () => {
    const newer = handmade({ 'manifest.json': manifest({ version: 2, extra: { chapters: [] } }), 'deck/loket.deck.yaml': strToU8('x') });
    const problems = refused(readDeckPackage(newer));
    expect(problems.map((p) => [p.code, p.params.version, p.params.supported])).toEqual([['package-newer-version', '2', '1']]);
  });

  it('a manifest that is not valid JSON, or lacks a field', () => {
    expect(codes(readDeckPackage(handmade({ ...validFiles(), 'manifest.json': strToU8('{"format": "vaktaal-deck-package",') })))).toEqual([
      'package-invalid-manifest',
    ]);
    const noDate = handmade({
      ...validFiles(),
      'manifest.json': strToU8(JSON.stringify({ format: 'vaktaal-deck-package', version: 1, deck: 'loket' })),
    });
    expect(refused(readDeckPackage(noDate))[0]).toMatchObject({ code: 'package-invalid-manifest', params: { detail: 'createdAt' } });
  });

  it('too large: the file itself, or what it unpacks to', () => {
    expect(refused(readDeckPackage(good, { maxBytes: 100 }))[0]).toMatchObject({ code: 'package-too-large' });
    // 8 MB of silence compresses to a few kB: only the uncompressed size tells.
    const bomb = handmade({ ...validFiles(), 'audio/loket.mp3': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(codes(readDeckPackage(bomb, { maxBytes: 1024 * 1024 }))).toEqual(['package-too-large']);
  });

  it('a zip bomb that lies about its size is stopped while unpacking, as soon as it passes the size it claims', () => {
    const files = validFiles();
    files['audio/loket.mp3'] = [new Uint8Array(4 * 1024 * 1024), { level: 6 }];
    const bytes = handmade(files);
    // Claim 10 bytes for the recording in the central directory (offset 24) and the local header (offset 22).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8('audio/loket.mp3');
    const nameAt = (i: number, offset: number) => name.every((b, k) => bytes[i + offset + k] === b);
    let patched = 0;
    for (let i = 0; i + 46 < bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && nameAt(i, 46)) {
        view.setUint32(i + 24, 10, true);
        patched++;
      }
      if (sig === 0x04034b50 && nameAt(i, 30)) {
        view.setUint32(i + 22, 10, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    const problems = refused(readDeckPackage(bytes));
    expect(problems.map((p) => p.code)).toEqual(['package-corrupt']);
    // Stopped by the running count of inflated bytes, not found short or long at the end.
    expect(problems[0]!.params.detail).toBe('audio/loket.mp3 is larger than it says');
  });

  it('a deck that is missing, or that has errors (reported with their place in the deck)', () => {
    const { 'loket.deck.yaml': _deck, ...noDeck } = validFiles();
    expect(codes(readDeckPackage(handmade({ ...noDeck, 'audio/loket.mp3': MP3 })))).toContain('package-missing-deck');
    const broken = deckToYaml(DECK).replace('article: het', 'article: den');
    const problems = refused(
      readDeckPackage(handmade({ ...validFiles(), 'loket.deck.yaml': strToU8(broken) }), { fileName: 'loket.vaktaal' }),
    );
    expect(problems.map((p) => [p.file, p.code, p.line])).toEqual([['loket.vaktaal/loket.deck.yaml', 'invalid-value', 7]]);
  });

  it('a recording a card names but the package lacks', () => {
    const { 'audio/wachtrij.webm': _w, ...files } = validFiles();
    const problems = refused(readDeckPackage(handmade(files)));
    expect(problems.map((p) => [p.code, p.params.file, p.params.term])).toEqual([['package-missing-audio', 'wachtrij.webm', 'wachtrij']]);
  });

  it('unsafe paths: ../, absolute, backslashes, a drive letter', () => {
    const files = {
      ...validFiles(),
      '../evil.mp3': MP3,
      'audio/../../evil.mp3': MP3,
      '/etc/passwd': MP3,
      'audio\\x.mp3': MP3,
      'C:/x.mp3': MP3,
    };
    const problems = refused(readDeckPackage(handmade(files)));
    expect(
      problems
        .filter((p) => p.code === 'package-unsafe-path')
        .map((p) => p.params.name)
        .sort(),
    ).toEqual(['../evil.mp3', '/etc/passwd', 'C:/x.mp3', 'audio/../../evil.mp3', 'audio\\x.mp3'].sort());
  });

  it('files that have no place in a package: a stray file, a second deck, a recording no card names', () => {
    const files = {
      ...validFiles(),
      'readme.txt': strToU8('hi'),
      'tweede.deck.yaml': strToU8(deckToYaml({ ...DECK, id: 'tweede' })),
      'audio/oud.mp3': MP3,
    };
    const problems = refused(readDeckPackage(handmade(files)));
    expect(problems.map((p) => [p.code, p.params.name])).toEqual(
      expect.arrayContaining([
        ['package-unexpected-file', 'readme.txt'],
        ['package-unexpected-file', 'tweede.deck.yaml'],
        ['package-unexpected-file', 'audio/oud.mp3'],
      ]),
    );
  });

  it('a manifest that names another deck than the one inside', () => {
    const problems = refused(readDeckPackage(handmade({ ...validFiles(), 'manifest.json': manifest({ deck: 'balie' }) })));
    expect(problems.map((p) => [p.code, p.params.expected, p.params.id])).toEqual([['package-deck-mismatch', 'balie', 'loket']]);
  });

  it('reports every problem of a readable package at once', () => {
    const { 'audio/wachtrij.webm': _w, ...files } = validFiles();
    const all = codes(
      readDeckPackage(handmade({ ...files, '../evil.mp3': MP3, 'notes.txt': strToU8('x'), 'manifest.json': manifest({ deck: 'balie' }) })),
    );
    expect(new Set(all)).toEqual(
      new Set(['package-unsafe-path', 'package-unexpected-file', 'package-deck-mismatch', 'package-missing-audio']),
    );
  });
});
