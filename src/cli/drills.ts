/**
 * `npm run drills [-- DIR]`: checks every drill file (`*.drill.yaml`), writing-prompt file
 * (`*.prompts.yaml`) and the desk's `stadhuistaal.yaml` under DIR (default: content/) and prints each problem as
 * `path:line:column severity: message`, like `npm run decks`. Exits 1 when any problem is an error.
 */
import { formatProblem, hasErrors } from '../core/content/problems.ts';
import { DRILL_TOPICS } from '../core/drills/drillSchema.ts';
import { compileDrillDir, compileStadhuistaal, readContentFiles } from '../build/contentFiles.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'content';
const drills = compileDrillDir(dir);
const { sets, prompts, equivalents } = drills;
const stadhuistaal = compileStadhuistaal(readContentFiles(dir));
const problems = [...drills.problems, ...stadhuistaal.problems];

for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const items = sets.reduce((n, s) => n + s.items.length, 0);
const perTopic = DRILL_TOPICS.map((t) => `${t} ${sets.filter((s) => s.topic === t).reduce((n, s) => n + s.items.length, 0)}`).join(', ');
const promptCount = prompts.reduce((n, p) => n + p.prompts.length, 0);
console.log(
  `${sets.length} drill sets, ${items} items (${perTopic}), ${promptCount} writing prompts, ${equivalents.entries.length} equivalent forms, ${stadhuistaal.list.entries.length} stadhuistaal entries checked in ${dir}: ${errors} errors, ${problems.length - errors} warnings`,
);
process.exit(hasErrors(problems) ? 1 : 0);
