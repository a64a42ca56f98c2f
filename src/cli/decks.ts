/**
 * `npm run decks [-- DIR]`: checks every deck under DIR (default: content/) and prints each problem
 * as `path:line:column severity: message`. Exits 1 when any problem is an error.
 */
import { formatProblem, hasErrors } from '../core/content/problems.ts';
import { compileContentDir } from '../build/contentFiles.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'content';
const { decks, problems } = compileContentDir(dir);

for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const cards = decks.reduce((n, d) => n + d.cards.length, 0);
console.log(`${decks.length} decks, ${cards} cards checked in ${dir}: ${errors} errors, ${warnings} warnings`);
process.exit(hasErrors(problems) ? 1 : 0);
