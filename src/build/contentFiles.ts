import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { compileDecks, type CompileResult, type SourceFile } from '../core/content/compile.ts';
import { deckFileKind, metaPathFor } from '../core/content/parseDeckFile.ts';

/** Files in a `decks/` folder that look like an attempt at a deck (so they are reported, not skipped). */
const LOOKS_LIKE_A_DECK = /\.(ya?ml|xlsx|xls|ods|tsv|txt)$/i;

/**
 * Every deck source under `dir`, with paths relative to the working directory (clickable in logs).
 * A CSV deck carries the text of its `<name>.meta.yaml` when there is one. A meta file without
 * its CSV, or a spreadsheet that was not exported, is passed on too, so the parser reports it
 * instead of it being silently ignored.
 */
export function readDeckSources(dir: string, cwd = process.cwd()): SourceFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  const rel = (full: string) => relative(cwd, full).split(sep).join('/');
  const sources: SourceFile[] = [];
  for (const name of names.map((n) => n.split(sep).join('/')).sort()) {
    const full = join(dir, name);
    const kind = deckFileKind(name);
    const inDecksFolder = name.split('/').includes('decks');
    if (basename(name).startsWith('.')) continue;
    if (kind === 'yaml') sources.push({ path: rel(full), text: readFileSync(full, 'utf8') });
    else if (kind === 'csv') {
      const metaFull = join(dir, metaPathFor(name));
      const metaAlt = metaFull.replace(/\.yaml$/, '.yml');
      const metaFile = existsSync(metaFull) ? metaFull : existsSync(metaAlt) ? metaAlt : undefined;
      sources.push({
        path: rel(full),
        text: readFileSync(full, 'utf8'),
        ...(metaFile ? { meta: { path: rel(metaFile), text: readFileSync(metaFile, 'utf8') } } : {}),
      });
    } else if (kind === 'meta') {
      const csv = name.replace(/\.meta\.ya?ml$/i, '.csv');
      if (!names.some((n) => n.split(sep).join('/').toLowerCase() === csv.toLowerCase())) sources.push({ path: rel(full), text: readFileSync(full, 'utf8') });
    } else if (inDecksFolder && LOOKS_LIKE_A_DECK.test(name) && statSync(full).isFile()) {
      sources.push({ path: rel(full), text: '' });
    }
  }
  return sources;
}

export function compileContentDir(dir: string, cwd = process.cwd()): CompileResult {
  return compileDecks(readDeckSources(dir, cwd));
}
