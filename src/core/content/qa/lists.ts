/**
 * The two reviewed lists a coach keeps beside the decks. Each entry carries its reason, so a
 * reviewer can see why it is there; an entry without a reason is an error, not a silent pass.
 */
import { problem, type Problem } from '../problems.ts';
import { fold } from '../text.ts';

export interface AllowEntry {
  word: string;
  line: number;
  reason: string;
}

/**
 * `allowlist.txt`: one word per line, in blocks separated by a blank line; each block starts with
 * `#` comment lines that say why its words are correct although the dictionary lacks them.
 */
export function parseAllowlist(text: string, file: string): { entries: AllowEntry[]; problems: Problem[] } {
  const entries: AllowEntry[] = [];
  const problems: Problem[] = [];
  let reason = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      reason = '';
      return;
    }
    if (line.startsWith('#')) {
      reason = `${reason} ${line.replace(/^#+\s*/, '')}`.trim();
      return;
    }
    const at = { line: i + 1, column: 1 };
    if (/\s/.test(line)) {
      problems.push(problem(file, at, 'error', 'allowlist', `one word per line: "${line}" holds more than one`, { word: line }));
      return;
    }
    if (!reason) {
      problems.push(
        problem(file, at, 'error', 'allowlist', `"${line}" has no reason: start its block with a # line that says why the word is correct`, { word: line }),
      );
    }
    entries.push({ word: line, line: i + 1, reason });
  });
  return { entries, problems };
}

export interface ReviewedArticle {
  term: string;
  key: string;
  article: 'de' | 'het';
  reason: string;
  line: number;
}

/** `articles-reviewed.txt`: `term: article — reason`, one per line; `#` lines are comments. */
export function parseReviewedArticles(text: string, file: string): { entries: ReviewedArticle[]; problems: Problem[] } {
  const entries: ReviewedArticle[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = line.match(/^(.+?):\s*(de|het)\s+[—–-]+\s*(.*)$/);
    if (!m || !m[3]!.trim()) {
      problems.push(
        problem(file, { line: i + 1, column: 1 }, 'error', 'article-review', `write "term: de — reason" or "term: het — reason" (the reason is required): ${line}`, {
          entry: line,
        }),
      );
      return;
    }
    entries.push({ term: m[1]!.trim(), key: fold(m[1]!), article: m[2] as 'de' | 'het', reason: m[3]!.trim(), line: i + 1 });
  });
  return { entries, problems };
}
