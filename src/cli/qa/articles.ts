import { readFileSync } from 'node:fs';
import { parseArticleTsv, type ArticleLexicon } from '../../core/content/qa/articles.ts';

/** The reference list of nouns and their articles, read from a file (tests/reference/dutch-noun-articles.tsv). */
export function loadArticleLexicon(path: string): ArticleLexicon {
  return parseArticleTsv(readFileSync(path, 'utf8'));
}
