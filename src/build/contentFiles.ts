import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileDecks, DECK_SUFFIX, type CompileResult, type SourceFile } from '../core/content/compile.ts';

/** Every deck source under `dir`, with paths relative to the working directory (clickable in logs). */
export function readDeckSources(dir: string, cwd = process.cwd()): SourceFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(DECK_SUFFIX))
    .sort()
    .map((name) => {
      const full = join(dir, name);
      return { path: relative(cwd, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    });
}

export function compileContentDir(dir: string, cwd = process.cwd()): CompileResult {
  return compileDecks(readDeckSources(dir, cwd));
}
