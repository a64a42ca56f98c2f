import { parseDeckYaml } from './yamlDeck.ts';
import { parseDeckCsv, type MetaSource } from './csvDeck.ts';
import { problem } from './problems.ts';
import type { DeckResult } from './validate.ts';
import type { DeckMetaInput } from './schema.ts';

export interface DeckFileOptions {
  /** Used when the file sets no department (the folder the file sits in). */
  department?: string;
  /** For a CSV deck: the `<name>.meta.yaml` beside it, if there is one. */
  meta?: MetaSource;
  /** For a CSV deck: title, department, level … chosen by the importer; they win over the meta file. */
  deck?: DeckMetaInput;
}

export type DeckFileKind = 'yaml' | 'csv' | 'meta';

/** What a content file is, by its name: a YAML deck, a CSV deck, or the meta file of a CSV deck. */
export function deckFileKind(path: string): DeckFileKind | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.deck.yaml') || name.endsWith('.deck.yml')) return 'yaml';
  if (name.endsWith('.meta.yaml') || name.endsWith('.meta.yml')) return 'meta';
  if (name.endsWith('.csv')) return 'csv';
  return undefined;
}

/** The meta file that belongs to a CSV deck: `afval.csv` → `afval.meta.yaml`. */
export function metaPathFor(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '.meta.yaml');
}

function csvNameFor(metaPath: string): string {
  return (metaPath.split('/').pop() ?? metaPath).replace(/\.meta\.ya?ml$/i, '.csv');
}

/** The hint for a file that is not a deck, by what it most likely is. */
function unsupportedMessage(path: string): string {
  const name = path.toLowerCase();
  if (/\.(xlsx|xls|ods|numbers)$/.test(name)) return 'a spreadsheet is not read directly: save it as "CSV UTF-8" (.csv)';
  if (/\.(tsv|txt)$/.test(name)) return 'this is not a deck file: a spreadsheet export needs a name ending in .csv';
  if (/\.ya?ml$/.test(name)) return 'this is not a deck file: a deck in YAML needs a name ending in .deck.yaml';
  return 'this is not a deck file: use a name ending in .deck.yaml or .csv';
}

/**
 * One entry point for a single deck file of any supported kind, chosen by its name. The build
 * (via compileDecks), the CLI and in-app import all parse through here. A CSV deck may come with
 * the text of its meta file; without one (in-app import of a lone .csv) the names fill in.
 */
export function parseDeckFile(path: string, text: string, options: DeckFileOptions = {}): DeckResult {
  const department = options.department ? { department: options.department } : {};
  switch (deckFileKind(path)) {
    case 'yaml':
      return parseDeckYaml(text, path, department);
    case 'csv':
      return parseDeckCsv(text, path, { ...department, ...(options.meta ? { meta: options.meta } : {}), ...(options.deck ? { deck: options.deck } : {}) });
    case 'meta':
      return {
        problems: [
          problem(
            path,
            { line: 1, column: 1 },
            'error',
            'unsupported-file',
            `this meta file belongs to a CSV deck, but there is no ${csvNameFor(path)} beside it`,
            {},
          ),
        ],
      };
    default:
      return { problems: [problem(path, { line: 1, column: 1 }, 'error', 'unsupported-file', unsupportedMessage(path), {})] };
  }
}
