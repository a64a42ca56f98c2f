/**
 * Converter figures for `npm run bench` (issue 16: 20,000 notes in at most 10 s). Packages are
 * made by the tests' fixture builder (tests/unit/ankiFixtures.ts) with 20,000 notes: nine in ten
 * Basic with HTML in the definition, one in ten Cloze with two deletions. Measured in Node with
 * the same core module the app's worker runs; wall time and the process's CPU time (the machine
 * is shared, so wall time includes waiting for a core).
 *
 * Each figure comes with its anchor, measured in the same run on the same bytes: a bare read of
 * the file with the same libraries and nothing of ours (unzip, zstd, open the SQLite database,
 * SELECT every note's fields and split them; for a text file: decode and split rows and fields).
 * The ratio (conversion / bare read) is what the converter adds, and travels between machines.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { convert } from '../../src/core/convert/index.ts';
import { BASIC, buildPackage, CLOZE, DEFAULT_DECK, type FixtureCollection, type FixtureVersion } from '../../tests/unit/ankiFixtures.ts';

const NOTES = 20_000;

function collection(): FixtureCollection {
  const notes = Array.from({ length: NOTES }, (_, i) =>
    i % 10 === 0
      ? {
          id: i + 1,
          guid: `g${i}`,
          noteTypeId: CLOZE.id,
          fields: [`De {{c1::aanvraag ${i}}} wordt {{c2::behandeld}} door <b>dienst ${i % 37}</b>.`, 'Uitleg'],
        }
      : {
          id: i + 1,
          guid: `g${i}`,
          noteTypeId: BASIC.id,
          fields: [`de term ${i}`, `<div>Uitleg bij term ${i}&nbsp;met <i>opmaak</i>.</div>`],
        },
  );
  return { noteTypes: [BASIC, CLOZE], decks: [DEFAULT_DECK], notes };
}

function textExport(): Uint8Array {
  const rows = Array.from({ length: NOTES }, (_, i) => `g${i}\tde term ${i}\t<div>Uitleg bij term ${i}&nbsp;met <i>opmaak</i>.</div>`);
  return new TextEncoder().encode(['#separator:tab', '#html:true', '#guid column:1', ...rows].join('\n'));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The bound for 20,000 notes. */
const GOAL_MS = 10_000;
const RUNS = 3;

/** The anchor: the file read with the same libraries, nothing of the converter. Returns the notes' field count. */
function bareRead(bytes: Uint8Array, SQL: SqlJsStatic): number {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    // A text export: decode, rows, fields.
    return new TextDecoder()
      .decode(bytes)
      .split('\n')
      .reduce((n, row) => n + row.split('\t').length, 0);
  }
  const files = unzipSync(bytes);
  const current = files['collection.anki21b'];
  const collection = current ? decompress(current) : (files['collection.anki21'] ?? files['collection.anki2'])!;
  const db = new SQL.Database(collection);
  try {
    const statement = db.prepare('SELECT flds FROM notes');
    let fields = 0;
    while (statement.step()) fields += String(statement.get()[0]).split('\x1f').length;
    statement.free();
    return fields;
  } finally {
    db.close();
  }
}

interface Timing {
  wall: number;
  cpu: number;
}

async function time(task: () => Promise<unknown> | unknown): Promise<Timing> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await task();
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

async function measure(bytes: Uint8Array, fileName: string, SQL: SqlJsStatic) {
  let cards = 0;
  const conversion = await time(async () => {
    const result = await convert(bytes, { fileName, loadSql: async () => SQL });
    cards = result.decks.reduce((n, d) => n + d.cards.length, 0);
  });
  const anchor = await time(() => bareRead(bytes, SQL));
  return { conversion, anchor, cards };
}

const ms = (t: Timing) => `${Math.round(t.wall)} / ${Math.round(t.cpu)}`;

export async function run(): Promise<Record<string, string | number>> {
  const SQL = await initSqlJs();
  const figures: Record<string, string | number> = {};
  const inputs: [string, Uint8Array, string][] = [];
  for (const version of ['anki21b', 'anki2'] as FixtureVersion[])
    inputs.push([`.apkg ${version}`, await buildPackage(version, collection()), 'bench.apkg']);
  inputs.push(['Anki text export', textExport(), 'bench.txt']);
  let slowest = 0;
  for (const [label, bytes, fileName] of inputs) {
    const m = await measure(bytes, fileName, SQL);
    const ratio = m.conversion.cpu / Math.max(m.anchor.cpu, 1);
    slowest = Math.max(slowest, m.conversion.wall);
    const notes = NOTES.toLocaleString('en');
    figures[`${label}, ${notes} notes → ${m.cards.toLocaleString('en')} cards: convert (median of ${RUNS}, ms wall / ms CPU)`] = ms(
      m.conversion,
    );
    const what = fileName.endsWith('.apkg') ? "unzip, zstd, SELECT every note's fields" : 'decode, split rows and fields';
    figures[`${label}: anchor, a bare read of the same file (${what}; ms wall / ms CPU)`] = ms(m.anchor);
    figures[`${label}: ratio convert / bare read (CPU)`] = `${ratio.toFixed(1)}×`;
  }
  figures[`goal: ${NOTES.toLocaleString('en')} notes in ≤ ${GOAL_MS / 1000} s (slowest ${Math.round(slowest)} ms wall)`] =
    slowest <= GOAL_MS ? 'met' : 'NOT met';
  return figures;
}
