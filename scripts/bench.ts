/**
 * `npm run bench`: the performance figures the issues ask for, each as a ratio against an anchor
 * measured in the same run (absolute times on a shared machine say little; ratios travel).
 * - first load: the app's first-load JS (gzip) vs a floor app on the same stack (scripts/bench/floor)
 * - deck compile of 10,000 generated cards vs a bare `yaml` parse of the same files
 * - `npm run decks` on those files (QA included), whole process, vs a bare `yaml` parse in its own process
 * - today's queue at 20,000 items + 200,000 logs vs 200 items, in real Chromium/IndexedDB
 * - every extra measurement module in scripts/bench/*.ts that exports run() (the studio: a keystroke
 *   in a 1,000-card deck vs a 10-card one, scripts/bench/studio.ts)
 * Builds go to a temporary folder, so dist/ (which the e2e tests serve) is left alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { parse } from 'yaml';
import { compileDecks, type SourceFile } from '../src/core/content/compile.ts';
import { withBrowserPage } from './bench/browser.ts';

type Figures = Record<string, string | number>;

/** Printed as soon as measured, so a later failure (no Chromium, say) keeps what came before. */
function section(name: string, figures: Figures): void {
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(78)} ${value}`);
}
const work = mkdtempSync(join(tmpdir(), 'vaktaal-bench-'));

/** Anchor, measured, their ratio and whether it meets the goal (a ratio it must stay under). */
function ratio(measured: [string, number], anchor: [string, number], goal: number | undefined, unit: string): Figures {
  const r = measured[1] / anchor[1];
  return {
    [`anchor: ${anchor[0]} (${unit})`]: anchor[1],
    [`${measured[0]} (${unit})`]: measured[1],
    ratio: `${r.toFixed(2)}×`,
    ...(goal === undefined ? {} : { [`goal ≤ ${goal}×`]: r <= goal ? 'met' : 'NOT met' }),
  };
}

const best = (samples: number[]) => Math.round(Math.min(...samples));

// First load -------------------------------------------------------------------------------------

/** Gzip bytes of the JS and CSS the built index.html loads before anything else. */
function firstLoad(outDir: string): { js: number; css: number; files: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gzipSync(readFileSync(join(outDir, ref))).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js, css, files: refs.size };
}

async function firstLoadBench(): Promise<Figures> {
  const appDir = join(work, 'app');
  const floorDir = join(work, 'floor');
  // logLevel error: the bundler's plugin-timing notes are about a busy machine, not about the sizes.
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: resolve('scripts/bench/floor'),
    logLevel: 'error',
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: { outDir: floorDir, emptyOutDir: true, target: 'es2022' },
  });
  const app = firstLoad(appDir);
  const floor = firstLoad(floorDir);
  return {
    ...ratio(['app first-load JS', app.js], ['floor app first-load JS (Svelte + Dexie + i18next + ts-fsrs)', floor.js], 1.3, 'gzip bytes'),
    'app first-load CSS (gzip bytes)': app.css,
    'app first-load files': app.files,
  };
}

// Decks ------------------------------------------------------------------------------------------

/** 10,000 cards in 200 deck files of 50 (the size the QA asks for), as a coach's folder would hold them. */
function generatedDecks(): SourceFile[] {
  return Array.from({ length: 200 }, (_, d) => {
    const cards = Array.from({ length: 50 }, (_, j) => {
      const i = d * 50 + j;
      return (
        `  - term: woord${i}\n    article: de\n    definition: De betekenis van woord ${i}, in eenvoudige taal.\n` +
        `    example: Het {woord${i}} staat in de zin.\n    plain: gewoon woord ${i}\n    translations: { en: word ${i}, fr: mot ${i} }\n`
      );
    }).join('');
    return { path: `decks/pakket-${d}.deck.yaml`, text: `id: pakket-${d}\ntitle: Pakket ${d}\nlevel: B1\ncards:\n${cards}` };
  });
}

function compileBench(files: SourceFile[]): Figures {
  const compile: number[] = [];
  const bare: number[] = [];
  let problems = 0;
  let cards = 0;
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    for (const file of files) parse(file.text);
    bare.push(performance.now() - t0);
    t0 = performance.now();
    const result = compileDecks(files);
    compile.push(performance.now() - t0);
    problems = result.problems.length;
    cards = result.decks.reduce((n, deck) => n + deck.cards.length, 0);
  }
  return {
    ...ratio(
      [`compile ${cards.toLocaleString('en')} cards, best of 3`, best(compile)],
      ['bare yaml parse of the same files, best of 3', best(bare)],
      undefined,
      'ms',
    ),
    problems,
  };
}

/** The `decks` script of package.json as a command line, to be spawned without npm around it. */
function decksCommand(): [string, string[]] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.decks!;
  const [bin, ...args] = script.split(/\s+/);
  return [bin === 'node' ? process.execPath : join('node_modules', '.bin', bin!), args];
}

const CPU_PRELOAD = ['--import', './scripts/bench/cpu-usage.mjs'];

/** Wall time, and CPU time when the command is Node (the preload reports it). */
function spawnTimed(command: string, args: string[]): { ms: number; cpuMs?: number; stdout: string } {
  const node = command === process.execPath;
  const t0 = performance.now();
  const r = spawnSync(command, node ? [...CPU_PRELOAD, ...args] : args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}:\n${r.stdout}${r.stderr}`);
  const cpu = r.stderr.match(/bench-cpu-ms (\d+)/);
  return { ms, ...(cpu ? { cpuMs: Number(cpu[1]) } : {}), stdout: r.stdout };
}

function decksCommandBench(files: SourceFile[]): Figures {
  const dir = join(work, 'decks-folder');
  for (const file of files) {
    mkdirSync(join(dir, 'decks'), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  const [command, args] = decksCommand();
  const runs: { decks: number[]; bare: number[]; decksCpu: number[]; bareCpu: number[] } = {
    decks: [],
    bare: [],
    decksCpu: [],
    bareCpu: [],
  };
  let summary = '';
  // Interleaved, so a busy moment on the machine weighs on both.
  for (let i = 0; i < 3; i++) {
    const bare = spawnTimed(process.execPath, ['scripts/bench/yaml-parse.mjs', dir]);
    const run = spawnTimed(command, [...args, dir]);
    runs.bare.push(bare.ms);
    runs.decks.push(run.ms);
    if (bare.cpuMs !== undefined && run.cpuMs !== undefined) {
      runs.bareCpu.push(bare.cpuMs);
      runs.decksCpu.push(run.cpuMs);
    }
    summary = (run.stdout.trim().split('\n').pop() ?? '').replace(dir, 'DIR');
    if (!run.stdout.includes('spelling:')) throw new Error(`npm run decks did not run the QA:\n${run.stdout}`);
  }
  const cpu: Figures = runs.decksCpu.length
    ? {
        'CPU time, all threads (ms), decks / bare': `${best(runs.decksCpu)} / ${best(runs.bareCpu)} = ${(best(runs.decksCpu) / best(runs.bareCpu)).toFixed(2)}×`,
      }
    : {};
  return {
    ...ratio(
      ['npm run decks -- DIR, QA included, best of 3', best(runs.decks)],
      ['bare yaml parse of the same files in its own Node process, best of 3', best(runs.bare)],
      2,
      'ms wall',
    ),
    ...cpu,
    'decks command (package.json, run without npm)': `${command === process.execPath ? 'node' : command} ${args.join(' ')}`,
    output: summary,
  };
}

// Queue ------------------------------------------------------------------------------------------

async function queueBench(): Promise<Figures> {
  const r = await withBrowserPage(
    '/scripts/bench/queue-page.html',
    (result) =>
      result as {
        error?: string;
        smallTime: { median: number; max: number; size: number };
        largeTime: { median: number; max: number; size: number };
        largeDefault: { median: number; max: number; size: number };
        counts: { items: number; logs: number };
      },
  );
  if (r.error) throw new Error(r.error);
  const large = `${r.counts.items.toLocaleString('en')} items + ${r.counts.logs.toLocaleString('en')} logs, median`;
  return {
    ...ratio([large, Number(r.largeTime.median.toFixed(1))], ['200 items, median', Number(r.smallTime.median.toFixed(1))], 2, 'ms'),
    'large, also ≤ 100 ms': r.largeTime.median <= 100 ? 'met' : 'NOT met',
    'large (max ms)': r.largeTime.max.toFixed(1),
    'queue size small / large': `${r.smallTime.size} / ${r.largeTime.size}`,
    [`large, default limits: ${r.largeDefault.size}-item session (median ms)`]: r.largeDefault.median.toFixed(1),
  };
}

// Other modules ----------------------------------------------------------------------------------

async function extraModules(): Promise<void> {
  const dir = 'scripts/bench';
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('-page.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(process.cwd(), dir, file)).href)) as { run?: () => Promise<Figures> };
    if (typeof mod.run === 'function') section(file.replace(/\.ts$/, ''), await mod.run());
  }
}

try {
  section('first load (gzip, same run)', await firstLoadBench());
  const decks = generatedDecks();
  section('deck compile (in process)', compileBench(decks));
  section('the coaches’ command (whole process)', decksCommandBench(decks));
  section('today queue (Chromium, IndexedDB)', await queueBench());
  await extraModules();
} finally {
  rmSync(work, { recursive: true, force: true });
}
