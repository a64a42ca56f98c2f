/**
 * `npm run convert -- INPUT [--out DIR] [--map term=1,definition=2,...] [--quizlet] [--term-sep STR --row-sep STR]`
 *
 * Converts an Anki package (.apkg), an Anki text export or a Quizlet export into deck files
 * `DIR/<id>.deck.yaml` (DIR defaults to the current folder), with the sounds the cards use in the
 * content's `audio/` folder (the folder beside `decks/` when DIR lies inside one, as the build
 * expects; else DIR/audio). Everything is checked before anything is written: on any error the
 * command prints one line `INPUT: what is wrong`, exits 1 and writes nothing.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import initSqlJs from 'sql.js';
import { compileDecks } from '../core/content/compile.ts';
import { formatProblem } from '../core/content/problems.ts';
import { deckToYaml } from '../core/content/serialize.ts';
import { convert, ConvertError, parseFieldMap, type ConvertOptions, type ConvertResult, type FieldMap } from '../core/convert/index.ts';
import { separatorFromText } from '../core/convert/separators.ts';
import { readDeckSources } from '../build/contentFiles.ts';

const USAGE = 'usage: npm run convert -- INPUT [--out DIR] [--map term=1,definition=2,...] [--quizlet] [--term-sep STR --row-sep STR]';
const VALUE_FLAGS = new Set(['--out', '--map', '--term-sep', '--row-sep']);
const BOOLEAN_FLAGS = new Set(['--quizlet']);

interface Args {
  input: string;
  out: string;
  map?: FieldMap;
  quizlet: boolean;
  termSep?: string;
  rowSep?: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else if (BOOLEAN_FLAGS.has(flag)) {
      flags.add(flag);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? 'give one input file' : 'no input file given');
  const termSep = values.has('--term-sep') ? separatorFromText(values.get('--term-sep')!) : undefined;
  const rowSep = values.has('--row-sep') ? separatorFromText(values.get('--row-sep')!) : undefined;
  if (termSep === '' || rowSep === '') throw new UsageError('a separator cannot be empty');
  return {
    input: positional[0]!,
    out: values.get('--out') ?? '.',
    ...(values.has('--map') ? { map: parseFieldMap(values.get('--map')!) } : {}),
    quizlet: flags.has('--quizlet') || termSep !== undefined || rowSep !== undefined,
    ...(termSep !== undefined ? { termSep } : {}),
    ...(rowSep !== undefined ? { rowSep } : {}),
  };
}

/** Where the build looks for recordings: `<content>/audio/`, `<content>` being the folder that holds `decks/`. */
export function audioDirFor(outDir: string): string {
  const parts = resolve(outDir).split(sep);
  const decks = parts.lastIndexOf('decks');
  return decks > 0 ? join(parts.slice(0, decks).join(sep) || sep, 'audio') : join(resolve(outDir), 'audio');
}

/** The folder whose decks are compiled together with the new ones (the content root when there is one). */
function checkRootFor(outDir: string): string {
  const audio = audioDirFor(outDir);
  return audio === join(resolve(outDir), 'audio') ? resolve(outDir) : dirname(audio);
}

interface Output {
  path: string;
  data: string | Uint8Array;
}

/** Writes every file, or none: each goes to a temporary name first, and all are renamed at the end. */
function writeAll(outputs: readonly Output[]): void {
  const written: string[] = [];
  try {
    for (const { path, data } of outputs) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.converting`;
      writeFileSync(temp, data);
      written.push(temp);
    }
    for (const { path } of outputs) renameSync(`${path}.converting`, path);
  } catch (error) {
    for (const temp of written) rmSync(temp, { force: true });
    throw error;
  }
}

function describeSource(result: ConvertResult): string {
  if (result.format === 'apkg') return `Anki package (collection.${result.packageVersion})`;
  return result.format === 'quizlet' ? 'Quizlet export' : 'Anki text file';
}

export interface ConvertIo {
  /** Folder that relative paths (INPUT, --out) start from, and that printed paths are relative to. */
  cwd: string;
  log: (line: string) => void;
  error: (line: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The command, callable in-process (tests): returns the exit code. */
export async function runConvert(argv: readonly string[], io: ConvertIo): Promise<number> {
  const rel = (path: string) => relative(io.cwd, path).split(sep).join('/') || '.';
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConvertError) {
      io.error(`convert: ${error.message}\n${USAGE}`);
      return 1;
    }
    throw error;
  }
  const name = args.input;
  const fail = (message: string) => {
    io.error(`${name}: ${message}`);
    return 1;
  };

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(resolve(io.cwd, args.input)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'this is a folder, not a file'
          : `cannot be read (${code ?? String(error)})`,
    );
  }

  const options: ConvertOptions = {
    fileName: basename(args.input),
    loadSql: () => initSqlJs(),
    ...(args.quizlet ? { format: 'quizlet' as const } : {}),
    quizlet: { ...(args.termSep ? { termSeparator: args.termSep } : {}), ...(args.rowSep ? { rowSeparator: args.rowSep } : {}) },
    ...(args.map ? { fieldMap: args.map } : {}),
  };
  let result: ConvertResult;
  try {
    result = await convert(bytes, options);
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    for (const s of error.skipped.slice(0, 20)) io.error(`  ${s.where} (${s.noteType}) "${s.text}": ${s.reason}`);
    return fail(error.message);
  }

  // Build the files and check them with the deck validator, together with the decks already
  // there: whatever error the new files bring in (their own, or a deck id another file has).
  const outDir = resolve(io.cwd, args.out);
  const audioDir = audioDirFor(outDir);
  const outputs: Output[] = result.decks.map((deck) => ({ path: join(outDir, `${deck.id}.deck.yaml`), data: deckToYaml(deck) }));
  const newPaths = new Set(outputs.map((o) => rel(o.path)));
  const existing = readDeckSources(checkRootFor(outDir), io.cwd).filter((s) => !newPaths.has(s.path));
  const before = new Set(
    compileDecks(existing)
      .problems.filter((p) => p.severity === 'error')
      .map(formatProblem),
  );
  const compiled = compileDecks([...existing, ...outputs.map((o) => ({ path: rel(o.path), text: o.data as string }))]);
  const errors = compiled.problems.filter((p) => p.severity === 'error' && !before.has(formatProblem(p)));
  if (errors.length) {
    for (const p of errors.slice(0, 20)) io.error(`  ${formatProblem(p)}`);
    return fail(`the converted decks do not pass the deck check (${plural(errors.length, 'error', 'errors')} above); nothing was written`);
  }
  for (const [file, data] of result.audio) outputs.push({ path: join(audioDir, file), data });

  try {
    writeAll(outputs);
  } catch (error) {
    return fail(`cannot write the output (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was written`);
  }

  const cards = result.decks.reduce((n, d) => n + d.cards.length, 0);
  io.log(
    `${name}: ${describeSource(result)}, ${plural(result.noteCount, 'note', 'notes')} in ${plural(result.noteTypes.length, 'note type', 'note types')}`,
  );
  for (const deck of result.decks)
    io.log(`  ${rel(join(outDir, `${deck.id}.deck.yaml`))}: "${deck.title}", ${plural(deck.cards.length, 'card', 'cards')}`);
  if (result.audio.size) io.log(`  ${plural(result.audio.size, 'sound file', 'sound files')} in ${rel(audioDir)}/`);
  if (result.skipped.length) {
    io.log(`skipped ${result.skipped.length} that cannot become Vaktaal cards (a note, or one cloze number of a note):`);
    for (const s of result.skipped) io.log(`  ${s.where} (${s.noteType}) "${s.text}"${s.cloze ? ` c${s.cloze}` : ''}: ${s.reason}`);
  }
  for (const warning of result.warnings) io.log(`warning: ${warning}`);
  const warnings = compiled.problems.filter((p) => p.severity === 'warning' && newPaths.has(p.file)).length;
  io.log(
    `${plural(result.decks.length, 'deck', 'decks')}, ${plural(cards, 'card', 'cards')} written to ${rel(outDir)}` +
      (warnings ? `; ${plural(warnings, 'warning', 'warnings')} from the deck check: npm run decks -- ${rel(outDir)} shows them` : ''),
  );
  io.log(
    "Anki's review history is not carried over: Vaktaal practises other exercises with its own schedule, so every card starts as new.",
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = await runConvert(process.argv.slice(2), { cwd: process.cwd(), log: console.log, error: console.error });
}
