/**
 * The content QA on a folder, for `npm run decks` and the unit tests: reads the decks, the
 * allow-list and the reviewed articles, loads Hunspell and the noun list, and runs the core's
 * checkContent (src/core/content/qa/contentQa.ts), which the deck studio runs in the browser too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readDeckSources } from '../../build/contentFiles.ts';
import type { SourceFile } from '../../core/content/compile.ts';
import {
  ALLOWLIST_FILE,
  checkContent,
  REVIEWED_ARTICLES_FILE,
  type Policy,
  type QaResult,
  type TextFile,
} from '../../core/content/qa/contentQa.ts';
import { loadArticleLexicon } from './articles.ts';
import { loadDutchSpeller } from './spelling.ts';

/** Reference list of Dutch nouns and their articles: a test aid, kept out of the app's first load. */
export const DEFAULT_REFERENCE = 'tests/reference/dutch-noun-articles.tsv';

function readOptional(full: string, cwd: string): TextFile | undefined {
  return existsSync(full) ? { path: relative(cwd, full).split('\\').join('/'), text: readFileSync(full, 'utf8') } : undefined;
}

/**
 * Runs the QA on a content folder as the CLI and the tests do: decks, allow-list, reviewed articles.
 * `files`: its deck sources when the caller has read them already.
 */
export async function checkContentDir(
  dir: string,
  options: { cwd?: string; reference?: string; policy?: Partial<Policy>; files?: readonly SourceFile[] } = {},
): Promise<QaResult> {
  const cwd = options.cwd ?? process.cwd();
  const speller = await loadDutchSpeller();
  const reference = options.reference ?? DEFAULT_REFERENCE;
  const referencePath = resolve(cwd, reference);
  const lexicon = existsSync(referencePath) ? loadArticleLexicon(referencePath) : undefined;
  const root = resolve(cwd, dir);
  const allowlist = readOptional(join(root, ALLOWLIST_FILE), cwd);
  const reviewed = readOptional(join(root, REVIEWED_ARTICLES_FILE), cwd);
  return checkContent({
    files: options.files ?? readDeckSources(root, cwd),
    speller,
    ...(lexicon ? { lexicon } : {}),
    ...(allowlist ? { allowlist } : {}),
    ...(reviewed ? { reviewed } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
}
