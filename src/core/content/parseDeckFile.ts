import { parseDeckYaml, type ParseOptions } from './yamlDeck.ts';
import { problem } from './problems.ts';
import type { DeckResult } from './validate.ts';

/**
 * One entry point for a single deck file of any supported kind, chosen by its name. The build
 * (via compileDecks), the CLI and in-app import all parse through here.
 */
export function parseDeckFile(path: string, text: string, options: ParseOptions = {}): DeckResult {
  if (path.endsWith('.deck.yaml') || path.endsWith('.deck.yml')) return parseDeckYaml(text, path, options);
  return {
    problems: [
      problem(path, { line: 1, column: 1 }, 'error', 'unsupported-file', 'this is not a deck file: use a name ending in .deck.yaml', {}),
    ],
  };
}
