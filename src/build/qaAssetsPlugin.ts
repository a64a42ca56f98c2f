import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { assetFilesPlugin, type AssetFile } from './assetFilesPlugin.ts';

/**
 * What the studio's live content QA reads (the same lists `npm run decks` uses): the reference
 * list of Dutch nouns and their articles, the reviewed article exceptions and the spelling
 * allow-list. Plain assets the studio fetches when it opens, never part of the first load; the
 * service worker caches them on first use (vite.config.ts, runtimeCaching).
 */
export const QA_ASSETS = {
  nouns: 'qa/dutch-noun-articles.tsv',
  reviewed: 'qa/articles-reviewed.txt',
  allowlist: 'qa/allowlist.txt',
  notice: 'qa/NOTICE.txt',
} as const;

const NOTICE = `dutch-noun-articles.tsv: Dutch nouns and their articles, derived from Wiktionary (CC BY-SA)
by the CentreForDigitalHumanities/dutch-plurals project (BSD-3-Clause). See tests/reference/README.md.
`;

export function qaAssetsPlugin(options: { contentDir: string; reference?: string }): Plugin {
  const contentDir = resolve(options.contentDir);
  const reference = resolve(options.reference ?? 'tests/reference/dutch-noun-articles.tsv');
  // A content folder without one of the lists still gets the file (empty): the studio then checks without it.
  const read = (path: string) => (existsSync(path) ? readFileSync(path) : Buffer.from(''));
  const files: AssetFile[] = [
    [QA_ASSETS.nouns, () => read(reference)],
    [QA_ASSETS.reviewed, () => read(join(contentDir, 'articles-reviewed.txt'))],
    [QA_ASSETS.allowlist, () => read(join(contentDir, 'allowlist.txt'))],
    [QA_ASSETS.notice, () => Buffer.from(NOTICE)],
  ];
  return assetFilesPlugin('vaktaal-qa-assets', files, () => 'text/plain; charset=utf-8');
}
