import { parseArticleTsv, type ArticleLexicon } from '../../core/content/qa/articles.ts';
import { parseAllowlist, parseReviewedArticles } from '../../core/content/qa/lists.ts';

/** Where the build puts the content QA's lists (src/build/qaAssetsPlugin.ts). */
const FILES = { nouns: 'qa/dutch-noun-articles.tsv', reviewed: 'qa/articles-reviewed.txt', allowlist: 'qa/allowlist.txt' };

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/** The reviewed words of the spelling allow-list (content/allowlist.txt): known to the spelling check. */
export async function loadAllowedWords(): Promise<string[]> {
  return parseAllowlist(await fetchText(FILES.allowlist), FILES.allowlist).entries.map((e) => e.word);
}

/** The noun list and the reviewed exceptions, fetched when the studio opens (never in the first load). */
export async function loadArticleReference(): Promise<{ lexicon: ArticleLexicon; reviewed: Map<string, 'de' | 'het'> }> {
  const [nouns, reviewed] = await Promise.all([fetchText(FILES.nouns), fetchText(FILES.reviewed).catch(() => '')]);
  const entries = parseReviewedArticles(reviewed, FILES.reviewed).entries;
  return { lexicon: parseArticleTsv(nouns), reviewed: new Map(entries.map((e) => [e.key, e.article])) };
}
