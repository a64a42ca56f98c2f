/**
 * `npm run bench`: prints the performance figures the issues ask for, from one run.
 * - first-load JS (and CSS) of the built app, gzip bytes
 * - today's queue: 200 items vs 20,000 items + 200,000 log rows, in real Chromium/IndexedDB
 * - deck compile time for 10,000 generated cards
 * - every extra measurement module in scripts/bench/*.ts that exports run()
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { chromium } from '@playwright/test';
import { compileDecks } from '../src/core/content/compile.ts';

type Figures = Record<string, string | number>;
const report: [string, Figures][] = [];

function firstLoadBytes(): Figures {
  if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of new Set(refs)) {
    const size = gzipSync(readFileSync(join('dist', ref))).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { 'first-load JS (gzip bytes)': js, 'first-load CSS (gzip bytes)': css, files: refs.length };
}

function compileBench(): Figures {
  const cards = Array.from(
    { length: 10_000 },
    (_, i) => `  - term: woord${i}\n    article: de\n    definition: De betekenis van woord ${i}, in eenvoudige taal.\n    example: Het {woord${i}} staat in de zin.\n    plain: gewoon woord ${i}\n    translations: { en: word ${i}, fr: mot ${i} }\n`,
  ).join('');
  const text = `id: groot\ntitle: Groot pakket\nlevel: B1\ncards:\n${cards}`;
  const samples: number[] = [];
  let problems = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = compileDecks([{ path: 'content/decks/groot/groot.deck.yaml', text }]);
    samples.push(performance.now() - t0);
    problems = result.problems.length;
  }
  return { 'compile 10,000 cards (ms, best of 3)': Math.round(Math.min(...samples)), problems };
}

async function queueBench(): Promise<Figures> {
  const server = await createServer({ server: { port: 5199, strictPort: true }, logLevel: 'error', configFile: 'vite.config.ts' });
  await server.listen();
  const launch = existsSync('/usr/bin/chromium')
    ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }
    : {};
  const browser = await chromium.launch(launch);
  try {
    const page = await browser.newPage();
    await page.goto('http://localhost:5199/scripts/bench/queue-page.html');
    await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 300_000 });
    const r = (await page.evaluate(() => (window as unknown as { benchResult: unknown }).benchResult)) as {
      error?: string;
      smallTime: { median: number; max: number; size: number };
      largeTime: { median: number; max: number; size: number };
      largeDefault: { median: number; max: number; size: number };
      counts: { items: number; logs: number };
    };
    if (r.error) throw new Error(r.error);
    const ratio = r.largeTime.median / r.smallTime.median;
    return {
      'small: 200 items (median ms)': r.smallTime.median.toFixed(1),
      [`large: ${r.counts.items} items + ${r.counts.logs} logs (median ms)`]: r.largeTime.median.toFixed(1),
      'large (max ms)': r.largeTime.max.toFixed(1),
      'large / small': ratio.toFixed(2),
      'target (≤ 2× and ≤ 100 ms)': ratio <= 2 && r.largeTime.median <= 100 ? 'met' : 'NOT met',
      'queue size small / large': `${r.smallTime.size} / ${r.largeTime.size}`,
      [`large, default limits: ${r.largeDefault.size}-item session (median ms)`]: r.largeDefault.median.toFixed(1),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function extraModules(): Promise<void> {
  const dir = 'scripts/bench';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'queue-page.ts').sort()) {
    const mod = (await import(pathToFileURL(join(process.cwd(), dir, file)).href)) as { run?: () => Promise<Figures> };
    if (typeof mod.run === 'function') report.push([file.replace(/\.ts$/, ''), await mod.run()]);
  }
}

report.push(['bundle', firstLoadBytes()]);
report.push(['deck compile', compileBench()]);
report.push(['today queue (Chromium, IndexedDB)', await queueBench()]);
await extraModules();

for (const [section, figures] of report) {
  console.log(`\n${section}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(52)} ${value}`);
}
