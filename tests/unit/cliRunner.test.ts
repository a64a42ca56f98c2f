import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** src/cli/run.mjs, which `npm run decks` goes through: the TypeScript command, bundled and run by Node. */
describe('the coach command runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaktaal-run-'));
  const name = `runner-test-${process.pid}`;
  const cached = ['.mjs', '.sources.json'].map((ext) => join('node_modules/.cache/vaktaal-cli', `${name}${ext}`));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const file of cached) rmSync(file, { force: true });
  });
  const entry = join(dir, `${name}.ts`);
  writeFileSync(
    entry,
    "import { greeting } from './greeting.ts';\nconst who: string = process.argv[2] ?? 'nobody';\nconsole.log(`${greeting} ${who}`);\n",
  );
  const run = () => spawnSync(process.execPath, ['src/cli/run.mjs', entry, 'coach'], { encoding: 'utf8' });

  it('runs the TypeScript with its arguments, and bundles again only when a source changed', () => {
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'dag';\n");
    expect(run().stdout).toBe('dag coach\n');
    const made = statSync(cached[0]!).mtimeMs;
    expect(run().stdout).toBe('dag coach\n');
    expect(statSync(cached[0]!).mtimeMs).toBe(made);

    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'hallo';\n");
    // A clock that ticks coarsely must not hide the edit.
    const later = new Date(Date.now() + 2000);
    utimesSync(join(dir, 'greeting.ts'), later, later);
    expect(run().stdout).toBe('hallo coach\n');
  }, 60_000);
});
