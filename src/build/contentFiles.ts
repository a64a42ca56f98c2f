import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { compileDecks, type CompileResult, type SourceFile } from '../core/content/compile.ts';
import {
  compileDrills,
  DRILL_SUFFIX,
  EQUIVALENTS_FILE,
  isEquivalentsFile,
  PROMPTS_SUFFIX,
  type DrillCompileResult,
} from '../core/drills/drillCompile.ts';
import { deckFileKind, metaPathFor } from '../core/content/parseDeckFile.ts';
import { problem, type Problem } from '../core/content/problems.ts';
import { NO_STADHUISTAAL } from '../core/writing/stadhuistaal.ts';
import { parseStadhuistaalYaml, STADHUISTAAL_FILE, type StadhuistaalResult } from '../core/writing/stadhuistaalYaml.ts';

/** The folder of the coaches' recordings, and the app path they are served under (`/audio/<file>`). */
export const AUDIO_FOLDER = 'audio';
const AUDIO_FILE = /\.(mp3|ogg|m4a|wav|webm)$/i;

/** Files in a `decks/` folder that look like an attempt at a deck (so they are reported, not skipped). */
const LOOKS_LIKE_A_DECK = /\.(ya?ml|xlsx|xls|ods|tsv|txt)$/i;

/**
 * A content folder sorted into its kinds, in one walk. Paths are relative to the working
 * directory (clickable in logs).
 */
export interface ContentFiles {
  /**
   * Deck sources. A CSV deck carries the text of its `<name>.meta.yaml` when there is one. A meta
   * file without its CSV, or a spreadsheet in `decks/` that was not exported, is here too (empty
   * for a spreadsheet), so the parser reports it instead of it being silently ignored.
   */
  decks: SourceFile[];
  /** Drill files (`*.drill.yaml`) and writing-prompt files (`*.prompts.yaml`). */
  drills: SourceFile[];
  /** Recordings in `audio/`: file name → full path. */
  audio: Map<string, string>;
  /** YAML files in a `drills/` or `prompts/` folder that no kind takes: reported with the drills. */
  misnamedDrills: Problem[];
  /** The audio folder as written in messages. */
  audioDir: string;
  /** The writing desk's list of stadhuistaal (`stadhuistaal.yaml` at the top of the folder), when there is one. */
  stadhuistaal?: SourceFile;
}

/** Every name under `dir` (recursive, `/`-separated, sorted); none when it is not a folder. */
function namesUnder(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
    return (readdirSync(dir, { recursive: true }) as string[]).map((n) => n.split(sep).join('/')).sort();
  } catch {
    return [];
  }
}

export function readContentFiles(dir: string, cwd = process.cwd()): ContentFiles {
  const rel = (full: string) => relative(cwd, full).split(sep).join('/');
  const files: ContentFiles = { decks: [], drills: [], audio: new Map(), misnamedDrills: [], audioDir: `${rel(join(dir, AUDIO_FOLDER))}/` };
  const names = namesUnder(dir);
  const lowerNames = new Set(names.map((n) => n.toLowerCase()));
  for (const name of names) {
    if (basename(name).startsWith('.')) continue;
    const full = join(dir, name);
    const text = () => readFileSync(full, 'utf8');
    const lower = name.toLowerCase();
    const folders = name.split('/').slice(0, -1);
    const kind = deckFileKind(name);
    if (lower === STADHUISTAAL_FILE) files.stadhuistaal = { path: rel(full), text: text() };
    else if (kind === 'yaml') files.decks.push({ path: rel(full), text: text() });
    else if (kind === 'csv') {
      const metaFull = join(dir, metaPathFor(name));
      const metaAlt = metaFull.replace(/\.yaml$/, '.yml');
      const metaFile = existsSync(metaFull) ? metaFull : existsSync(metaAlt) ? metaAlt : undefined;
      files.decks.push({
        path: rel(full),
        text: text(),
        ...(metaFile ? { meta: { path: rel(metaFile), text: readFileSync(metaFile, 'utf8') } } : {}),
      });
    } else if (kind === 'meta') {
      if (!lowerNames.has(lower.replace(/\.meta\.ya?ml$/, '.csv'))) files.decks.push({ path: rel(full), text: text() });
    } else if (lower.endsWith(DRILL_SUFFIX) || lower.endsWith(PROMPTS_SUFFIX) || isEquivalentsFile(lower)) {
      files.drills.push({ path: rel(full), text: text() });
    } else if (folders.join('/') === AUDIO_FOLDER && AUDIO_FILE.test(name)) {
      files.audio.set(basename(name), full);
    } else if (!statSync(full).isFile()) {
      continue;
    } else if (folders.includes('decks') && LOOKS_LIKE_A_DECK.test(name)) {
      files.decks.push({ path: rel(full), text: '' });
    } else if ((folders.includes('drills') || folders.includes('prompts')) && /\.ya?ml$/i.test(name)) {
      const message = `not read: name a drill file <name>${DRILL_SUFFIX}, a prompts file <name>${PROMPTS_SUFFIX} and the list of equivalent forms drills/${EQUIVALENTS_FILE}`;
      files.misnamedDrills.push(problem(rel(full), { line: 1, column: 1 }, 'error', 'unsupported-file', message, {}));
    }
  }
  // A folder inside a content folder's decks/ (checked on its own, e.g. after `npm run convert`):
  // its recordings live in that content folder's audio/, where the build finds them.
  const parts = resolve(dir).split(sep);
  const decksAt = parts.lastIndexOf('decks');
  if (decksAt > 0 && !names.some((n) => n.split('/')[0] === AUDIO_FOLDER)) {
    const audioDir = join(parts.slice(0, decksAt).join(sep) || sep, AUDIO_FOLDER);
    files.audioDir = `${rel(audioDir)}/`;
    for (const name of namesUnder(audioDir)) if (!name.includes('/') && AUDIO_FILE.test(name)) files.audio.set(name, join(audioDir, name));
  }
  return files;
}

export function readDeckSources(dir: string, cwd = process.cwd()): SourceFile[] {
  return readContentFiles(dir, cwd).decks;
}

/** The decks of a content folder, compiled. */
export function compileContentDir(dir: string, cwd = process.cwd()): CompileResult {
  return compileDecks(readDeckSources(dir, cwd));
}

function compileDrillFiles(files: ContentFiles): DrillCompileResult {
  const result = compileDrills(files.drills);
  return { ...result, problems: [...files.misnamedDrills, ...result.problems] };
}

/** The drills and writing prompts of a content folder, compiled. */
export function compileDrillDir(dir: string, cwd = process.cwd()): DrillCompileResult {
  return compileDrillFiles(readContentFiles(dir, cwd));
}

/**
 * What the decks can only get wrong against the rest of the folder and the app's layout: a card
 * naming a recording that is not in `audio/`, and a deck taking the id of `decks/index.json`.
 */
export function deckFolderProblems(compiled: CompileResult, files: ContentFiles): Problem[] {
  const problems: Problem[] = [];
  for (const { deck, locate } of compiled.sources) {
    if (deck.id === 'index') {
      problems.push(
        problem(deck.source, locate.at(['id']), 'error', 'invalid-id', 'the id "index" is reserved — choose another id', {
          field: 'id',
          value: 'index',
        }),
      );
    }
    deck.cards.forEach((card, k) => {
      if (!card.audio || files.audio.has(card.audio)) return;
      problems.push(
        problem(
          deck.source,
          locate.at(['cards', k, 'audio']),
          'error',
          'invalid-value',
          `audio file "${card.audio}" not found in ${files.audioDir} — add it there, or correct the name`,
          {
            field: 'audio',
            value: card.audio,
          },
        ),
      );
    });
  }
  return problems;
}

/** A whole content folder compiled from one walk: what the build and the dev server serve. */
export interface CompiledContent {
  files: ContentFiles;
  decks: CompileResult;
  /** compileDecks' problems and the folder's (deckFolderProblems). */
  deckProblems: Problem[];
  drills: DrillCompileResult;
  /** The list of stadhuistaal; empty (and no problem) when the folder has none. */
  stadhuistaal: StadhuistaalResult;
}

/** The stadhuistaal list of a content folder, parsed and validated. */
export function compileStadhuistaal(files: Pick<ContentFiles, 'stadhuistaal'>): StadhuistaalResult {
  const file = files.stadhuistaal;
  return file ? parseStadhuistaalYaml(file.text, file.path) : { list: NO_STADHUISTAAL, problems: [] };
}

export function compileContent(dir: string, cwd = process.cwd()): CompiledContent {
  const files = readContentFiles(dir, cwd);
  const decks = compileDecks(files.decks);
  return {
    files,
    decks,
    deckProblems: [...decks.problems, ...deckFolderProblems(decks, files)],
    drills: compileDrillFiles(files),
    stadhuistaal: compileStadhuistaal(files),
  };
}
