import type { SourceFile } from '../content/compile.ts';
import type { DrillSet, PromptSet } from './drillModel.ts';
import { parseDrillYaml, parseEquivalentsYaml, parsePromptsYaml } from './drillYaml.ts';
import { problem, type Problem } from '../content/problems.ts';
import type { EquivalentsTable } from './equivalents.ts';

export const DRILL_SUFFIX = '.drill.yaml';
export const PROMPTS_SUFFIX = '.prompts.yaml';
/** The list of forms that are equally right in gap and fix answers, in a drills folder. */
export const EQUIVALENTS_FILE = 'equivalents.yaml';

export const isEquivalentsFile = (path: string) => (path.split('/').pop() ?? '').toLowerCase() === EQUIVALENTS_FILE;

export interface DrillCompileResult {
  sets: DrillSet[];
  prompts: PromptSet[];
  /** The lists of equivalent forms, merged; applied to every drill set. */
  equivalents: EquivalentsTable;
  problems: Problem[];
}

function idLine(text: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
  return index >= 0 ? index + 1 : 1;
}

/**
 * Compiles drill files and writing-prompt files: the lists of equivalent forms first (every drill
 * set uses them), then each file on its own, then ids across files (a duplicate names both files).
 * The build and the CLI come through here.
 */
export function compileDrills(files: readonly SourceFile[]): DrillCompileResult {
  const problems: Problem[] = [];
  const sets: DrillSet[] = [];
  const prompts: PromptSet[] = [];
  const setSources = new Map<string, string>();
  const promptSources = new Map<string, string>();
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const equivalents: EquivalentsTable = { entries: [] };
  const forms = new Map<string, string>();
  for (const file of sorted.filter((f) => isEquivalentsFile(f.path))) {
    const result = parseEquivalentsYaml(file.text, file.path, forms);
    problems.push(...result.problems);
    equivalents.entries.push(...result.table.entries);
  }
  for (const file of sorted) {
    if (isEquivalentsFile(file.path)) continue;
    const isDrill = file.path.endsWith(DRILL_SUFFIX);
    const result = isDrill ? parseDrillYaml(file.text, file.path, equivalents) : parsePromptsYaml(file.text, file.path);
    problems.push(...result.problems);
    const compiled = 'set' in result ? result.set : 'prompts' in result ? result.prompts : undefined;
    if (!compiled) continue;
    if (isDrill && compiled.id === 'index') {
      // drills/index.json is the list of sets; a set cannot take its name.
      problems.push(
        problem(
          file.path,
          { line: idLine(file.text), column: 1 },
          'error',
          'invalid-id',
          'the id "index" is reserved — choose another id',
          {
            field: 'id',
            value: 'index',
            suggestion: 'index-1',
          },
        ),
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
  return { sets, prompts, equivalents, problems };
}
