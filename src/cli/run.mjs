/**
 * Runs a coach command written in TypeScript (`node src/cli/run.mjs src/cli/decks.ts DIR …`) as
 * plain JavaScript: esbuild bundles it with the project modules it imports (packages stay
 * imports), and Node runs the bundle. Same code as `tsx src/cli/decks.ts`, without tsx's start-up
 * and its per-function cost in hot loops: on 10,000 cards that is about a second of a 4.5 s run.
 * The bundle is made again whenever one of its source files changed since it was made.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node src/cli/run.mjs src/cli/<command>.ts [arguments]');
  process.exit(2);
}
// Inside the project, so the bundle's package imports resolve from its node_modules.
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/vaktaal-cli/', import.meta.url));
const name = basename(entry).replace(/\.ts$/, '');
const bundle = join(cacheDir, `${name}.mjs`);
/** The sources the bundle was made from, and when they were read. */
const record = join(cacheDir, `${name}.sources.json`);

function isFresh() {
  try {
    const { readAt, sources } = JSON.parse(readFileSync(record, 'utf8'));
    return statSync(bundle).isFile() && sources.every((source) => statSync(source).mtimeMs < readAt);
  } catch {
    return false;
  }
}

/** Written aside and renamed: two runs at once never read a half-written file. */
function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

if (!isFresh()) {
  const { build } = await import('esbuild');
  const readAt = Date.now();
  const { outputFiles, metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(cacheDir, { recursive: true });
  writeAtomically(bundle, outputFiles[0].text);
  writeAtomically(record, JSON.stringify({ readAt, sources: Object.keys(metafile.inputs).map((input) => resolve(input)) }));
}
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], resolve(entry), ...args];
await import(pathToFileURL(bundle).href);
