import { parseDeckFile } from './parseDeckFile.ts';
import { problem, type Problem } from './problems.ts';
import type { Deck } from './model.ts';

export interface SourceFile {
  /** Path relative to the content folder, used in every message. */
  path: string;
  text: string;
}

export interface CompileResult {
  decks: Deck[];
  problems: Problem[];
}

export const DECK_SUFFIX = '.deck.yaml';

/** Folder name → department label when a deck does not name one ("sociaal-huis" → "Sociaal huis"). */
export function departmentFromFolder(path: string): string | undefined {
  const parts = path.split('/');
  const folder = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (!folder || folder === 'decks') return undefined;
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Line of the top-level `id:` key, so a duplicate-id message points at it. */
function idLine(text: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
  return index >= 0 ? index + 1 : 1;
}

/**
 * Compiles a set of deck files: each is parsed and validated on its own, then checks that span
 * files (deck ids) run. The build, the CLI and in-app import all come through here.
 */
export function compileDecks(files: readonly SourceFile[]): CompileResult {
  const problems: Problem[] = [];
  const decks: Deck[] = [];
  const byId = new Map<string, Deck>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const department = departmentFromFolder(file.path);
    const result = parseDeckFile(file.path, file.text, department ? { department } : {});
    problems.push(...result.problems);
    if (!result.deck) continue;
    const other = byId.get(result.deck.id);
    if (other) {
      problems.push(
        problem(
          file.path,
          { line: idLine(file.text), column: 1 },
          'error',
          'duplicate-deck-id',
          `deck id "${result.deck.id}" is already used by ${other.source} — every deck needs its own id`,
          { id: result.deck.id, other: other.source },
        ),
      );
      continue;
    }
    byId.set(result.deck.id, result.deck);
    decks.push(result.deck);
  }
  return { decks, problems };
}
