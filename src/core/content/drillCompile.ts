import type { SourceFile } from './compile.ts';
import type { DrillSet, PromptSet } from './drillModel.ts';
import { parseDrillYaml, parsePromptsYaml } from './drillYaml.ts';
import { problem, type Problem } from './problems.ts';

export const DRILL_SUFFIX = '.drill.yaml';
export const PROMPTS_SUFFIX = '.prompts.yaml';

export interface DrillCompileResult {
  sets: DrillSet[];
  prompts: PromptSet[];
  problems: Problem[];
}

function idLine(text: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
  return index >= 0 ? index + 1 : 1;
}

/**
 * Compiles drill files and writing-prompt files: each is validated on its own, then ids are
 * checked across files (a duplicate names both files). The build and the CLI come through here.
 */
export function compileDrills(files: readonly SourceFile[]): DrillCompileResult {
  const problems: Problem[] = [];
  const sets: DrillSet[] = [];
  const prompts: PromptSet[] = [];
  const setSources = new Map<string, string>();
  const promptSources = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const isDrill = file.path.endsWith(DRILL_SUFFIX);
    const result = isDrill ? parseDrillYaml(file.text, file.path) : parsePromptsYaml(file.text, file.path);
    problems.push(...result.problems);
    const compiled = 'set' in result ? result.set : 'prompts' in result ? result.prompts : undefined;
    if (!compiled) continue;
    if (isDrill && compiled.id === 'index') {
      // drills/index.json is the list of sets; a set cannot take its name.
      problems.push(
        problem(file.path, { line: idLine(file.text), column: 1 }, 'error', 'invalid-id', 'the id "index" is reserved — choose another id', {
          field: 'id',
          value: 'index',
          suggestion: 'index-1',
        }),
      );
      continue;
    }
    const seen = isDrill ? setSources : promptSources;
    const other = seen.get(compiled.id);
    if (other) {
      problems.push(
        problem(
          file.path,
          { line: idLine(file.text), column: 1 },
          'error',
          'duplicate-drill-id',
          `id "${compiled.id}" is already used by ${other} — every ${isDrill ? 'drill' : 'prompts'} file needs its own id`,
          { id: compiled.id, other },
        ),
      );
      continue;
    }
    seen.set(compiled.id, file.path);
    if (isDrill) sets.push(compiled as DrillSet);
    else prompts.push(compiled as PromptSet);
  }
  return { sets, prompts, problems };
}
