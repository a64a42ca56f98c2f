import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runConvert } from '../../src/cli/convert.ts';
import { compileContentDir } from '../../src/build/contentFiles.ts';
import { BASIC, buildPackage, CLOZE, DEFAULT_DECK, referencePath } from './ankiFixtures.ts';

const exec = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const TEMPLATES = referencePath('templates.apkg');

/** The real command in its own process: exit code and output as a coach sees them. */
async function spawnCli(
  script: 'convert' | 'decks',
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(TSX, [join(process.cwd(), `src/cli/${script}.ts`), ...args], { cwd, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same command in this process (fast): exit code and the lines it printed. */
async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runConvert(args, { cwd, log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

/** What `npm run decks -- DIR --no-qa` decides: errors fail it. */
function deckCheckErrors(dir: string): string[] {
  return compileContentDir(dir)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.message);
}

const files = (dir: string): string[] => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []);

describe('npm run convert', { timeout: 120_000 }, () => {
  it('writes deck files that pass `npm run decks -- DIR --no-qa`, and sounds into the content audio folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-convert-'));
    const input = join(root, 'stad.apkg');
    writeFileSync(
      input,
      await buildPackage(
        'anki21b',
        {
          noteTypes: [BASIC, CLOZE],
          decks: [DEFAULT_DECK, { id: 5, name: 'Stad::Bestuur' }],
          notes: [
            {
              id: 1,
              guid: 'a1',
              noteTypeId: BASIC.id,
              fields: ['de gemeenteraad [sound:raad.mp3]', 'De verkozen raad.'],
              cards: [{ ord: 0, deckId: 5 }],
            },
            { id: 2, guid: 'a2', noteTypeId: CLOZE.id, fields: ['De {{c1::schepen}} tekent.', ''], cards: [{ ord: 0, deckId: 5 }] },
          ],
        },
        new Map([['raad.mp3', new Uint8Array([1, 2, 3])]]),
      ),
    );
    const out = join(root, 'content/decks/anki');
    const first = await spawnCli('convert', [input, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Anki package (collection.anki21b), 2 notes in 2 note types');
    expect(first.stdout).toContain("Anki's review history is not carried over");
    expect(files(out)).toEqual(['stad-bestuur.deck.yaml']);
    expect(readFileSync(join(root, 'content/audio/raad.mp3'))).toEqual(Buffer.from([1, 2, 3]));
    const yaml = readFileSync(join(out, 'stad-bestuur.deck.yaml'), 'utf8');
    expect(yaml).toContain('audio: raad.mp3');

    const check = await spawnCli('decks', [out, '--no-qa']);
    expect(check.stdout).toContain('1 decks, 2 cards checked');
    expect(check.code).toBe(0);

    // A second conversion of the same package gives the same file (same ids).
    expect((await cli([input, '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'stad-bestuur.deck.yaml'), 'utf8')).toBe(yaml);
  });

  it('the real templates.apkg: 6 deck files, the skipped notes listed by note type, all passing the deck check', async () => {
    const out = mkdtempSync(join(tmpdir(), 'vaktaal-templates-'));
    const result = await cli([TEMPLATES, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/note 1420636422544 \(NestedClozeTest\) "子" c1: c1 hides 3 parts/);
    expect(result.stdout).toMatch(/\(reassign\) .*the definition, is empty/);
    expect(files(out)).toHaveLength(6);
    expect(deckCheckErrors(out)).toEqual([]);
  });

  it.each([
    [
      'a truncated package',
      (bytes: Uint8Array) => bytes.subarray(0, 200),
      'stad.apkg',
      /^.*stad\.apkg: the zip file is damaged or incomplete/,
    ],
    [
      'a binary file named .txt',
      () => new Uint8Array(3000).map((_, i) => (i * 31) % 256),
      'woorden.txt',
      /^.*woorden\.txt: this is not a text file/,
    ],
    [
      'a zip without a collection',
      () => new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]),
      'leeg.apkg',
      /^.*leeg\.apkg: the zip file holds no Anki collection/,
    ],
  ])('%s: exit 1, one line naming the file and what is wrong, nothing written', async (_, make, name, message) => {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-bad-'));
    const input = join(root, name);
    writeFileSync(
      input,
      make(
        await buildPackage('anki21b', {
          noteTypes: [BASIC],
          decks: [DEFAULT_DECK],
          notes: [{ id: 1, guid: 'g', noteTypeId: BASIC.id, fields: ['a', 'b'] }],
        }),
      ),
    );
    const out = join(root, 'out');
    const result = await cli([input, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('a deck id already used in the content folder: refused before anything is written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-dup-'));
    mkdirSync(join(root, 'content/decks/eigen'), { recursive: true });
    writeFileSync(
      join(root, 'content/decks/eigen/bestuur.deck.yaml'),
      'id: woorden\ntitle: Eigen\ncards:\n  - term: loket\n    article: het\n    definition: Balie.\n',
    );
    writeFileSync(join(root, 'woorden.txt'), 'de aanvraag\tHet vragen.\n');
    const out = join(root, 'content/decks/anki');
    const result = await cli(['woorden.txt', '--out', out], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deck id "woorden" is already used by');
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'woorden.txt: the converted decks do not pass the deck check (1 error above); nothing was written',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('Quizlet separators and --map from the command line; a bad option is a usage error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-quizlet-'));
    writeFileSync(join(root, 'set.txt'), 'De balie waar u wacht. = het loket || Het vragen van iets. = de aanvraag');
    const ok = await cli(['set.txt', '--term-sep', ' = ', '--row-sep', ' || ', '--map', 'term=2,definition=1', '--out', 'out'], root);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(root, 'out/set.deck.yaml'), 'utf8')).toBe(
      'id: set\ntitle: Set\ncards:\n  - term: loket\n    article: het\n    definition: De balie waar u wacht.\n\n  - term: aanvraag\n    article: de\n    definition: Het vragen van iets.\n',
    );
    // --quizlet: Quizlet's own defaults, and no CSV quoting (a definition may start with a quote).
    writeFileSync(join(root, 'q.txt'), 'het loket\t"Balie", zegt men.\nde aanvraag\tHet vragen.\n');
    expect((await cli(['q.txt', '--quizlet', '--out', 'q'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'q/q.deck.yaml'), 'utf8')).toContain('definition: "\\"Balie\\", zegt men."');
    const bad = await cli(['set.txt', '--map', 'kleur=1'], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"kleur" is not a card field');
    expect((await cli([], root)).code).toBe(1);
    expect((await cli(['set.txt', '--kleur'], root)).stderr).toContain('unknown option --kleur');
    expect((await cli(['bestaat-niet.apkg'], root)).stderr).toBe('bestaat-niet.apkg: file not found\n');
  });
});
