import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { SourceFile } from '../core/content/compile.ts';
import { compileDrills, DRILL_SUFFIX, PROMPTS_SUFFIX, type DrillCompileResult } from '../core/content/drillCompile.ts';
import { problem } from '../core/content/problems.ts';

/**
 * Every drill file (`*.drill.yaml`) and writing-prompt file (`*.prompts.yaml`) under `dir`, with
 * paths relative to the working directory. A YAML file in a `drills/` or `prompts/` folder with
 * another name is reported rather than silently skipped.
 */
export function compileDrillDir(dir: string, cwd = process.cwd()): DrillCompileResult {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return { sets: [], prompts: [], problems: [] };
    names = (readdirSync(dir, { recursive: true }) as string[]).map((n) => n.split(sep).join('/')).sort();
  } catch {
    return { sets: [], prompts: [], problems: [] };
  }
  const rel = (full: string) => relative(cwd, full).split(sep).join('/');
  const sources: SourceFile[] = [];
  const misnamed = [];
  for (const name of names) {
    if (basename(name).startsWith('.')) continue;
    const full = join(dir, name);
    const lower = name.toLowerCase();
    if (lower.endsWith(DRILL_SUFFIX) || lower.endsWith(PROMPTS_SUFFIX)) {
      sources.push({ path: rel(full), text: readFileSync(full, 'utf8') });
    } else if (/(^|\/)(drills|prompts)\//.test(name) && /\.ya?ml$/i.test(name) && statSync(full).isFile()) {
      misnamed.push(
        problem(rel(full), { line: 1, column: 1 }, 'error', 'unsupported-file', `not read: name a drill file <name>${DRILL_SUFFIX} and a prompts file <name>${PROMPTS_SUFFIX}`, {}),
      );
    }
  }
  const result = compileDrills(sources);
  return { ...result, problems: [...misnamed, ...result.problems] };
}
