import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDtLexicon } from '../../src/core/writing/dtLexicon.ts';

const BROKEN = 'tests/fixtures/broken';
const VALID = 'tests/fixtures/valid';

describe('npm run decks (CLI)', () => {
  // Through the package.json script, as coaches run it (src/cli/run.mjs bundles src/cli/decks.ts).
  const decks = (dir: string) => spawnSync('npm', ['run', '--silent', 'decks', '--', dir], { encoding: 'utf8' });

  it('prints every problem as path:line:column and exits 1 on errors', () => {
    const r = decks(BROKEN);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'tests/fixtures/broken/decks/proef/kapot.deck.yaml:8:14 error: "article: den" is not allowed — use one of: de, het',
    );
    expect(r.stdout).toContain(
      'tests/fixtures/broken/decks/proef/kapot.deck.yaml:9:5 error: unknown field "defintion" — did you mean definition?',
    );
    expect(r.stdout).toContain('tests/fixtures/broken/decks/proef/kapot.deck.yaml:7:5 error: missing required field "definition"');
  }, 30_000);

  it('exits 0 for valid decks', () => {
    const r = decks(VALID);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('1 decks, 1 cards');
  }, 30_000);

  it('reports a recording the build would miss, at the card, without the QA too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vaktaal-decks-'));
    try {
      mkdirSync(join(dir, 'decks'));
      const deck = readFileSync(join(VALID, 'decks/proef/proef.deck.yaml'), 'utf8').replace(
        '    definition:',
        '    audio: loket.mp3\n    definition:',
      );
      writeFileSync(join(dir, 'decks', 'proef.deck.yaml'), deck);
      for (const args of [[dir], [dir, '--no-qa']]) {
        const r = spawnSync('npm', ['run', '--silent', 'decks', '--', ...args], { encoding: 'utf8' });
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/proef\.deck\.yaml:8:12 error: audio file "loket\.mp3" not found in .*\/audio\//);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm run build with broken content', () => {
  it('fails with the path:line:column message, and writes no app', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'vaktaal-build-'));
    try {
      const r = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
        encoding: 'utf8',
        env: { ...process.env, VAKTAAL_CONTENT_DIR: BROKEN },
      });
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain(
        'tests/fixtures/broken/decks/proef/kapot.deck.yaml:8:14 error: "article: den" is not allowed',
      );
      expect(existsSync(join(outDir, 'index.html'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('compiles valid content into static JSON', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'vaktaal-build-'));
    try {
      execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
        encoding: 'utf8',
        env: { ...process.env, VAKTAAL_CONTENT_DIR: VALID },
      });
      const index = JSON.parse(readFileSync(join(outDir, 'decks/index.json'), 'utf8')) as { decks: { id: string }[] };
      expect(index.decks.map((d) => d.id)).toEqual(['proef']);
      const deck = JSON.parse(readFileSync(join(outDir, 'decks/proef.json'), 'utf8')) as { cards: { id: string }[] };
      expect(deck.cards[0]!.id).toBe('loket');
      expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).toContain('decks/proef.json');
      // The dt check's verb lexicon travels with the dictionary, precached for offline use.
      const lexicon = createDtLexicon(JSON.parse(readFileSync(join(outDir, 'dict/nl-dt.json'), 'utf8')));
      expect(lexicon.forms.get('wordt')?.map((u) => u.role)).toContain('stemT');
      expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).toContain('dict/nl-dt.json');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
