import type { Deck } from './model.ts';
import type { MetaSource } from './csvDeck.ts';
import { deckFileKind, metaPathFor, parseDeckFile } from './parseDeckFile.ts';
import { hasErrors, type Problem } from './problems.ts';
import type { DeckMetaInput } from './schema.ts';
import { MAX_DECK_FILE_BYTES } from '../files/limits.ts';


export type DeckFileCheck =
  | { ok: true; deck: Deck; warnings: Problem[] }
  | { ok: false; reason: 'problems'; problems: Problem[] }
  | { ok: false; reason: 'built-in-id'; id: string }
  | { ok: false; reason: 'too-big' };

/**
 * Checks a deck file picked in the app with the same parser and validator as the build
 * (parseDeckFile). Any error refuses the file; warnings are shown but do not stop it. A deck
 * whose id a built-in deck uses is refused: it would hide that deck or be hidden by it.
 * For a CSV deck, `deck` holds the fields the importer chose on screen (title, department, level);
 * they win over the meta file.
 */
export function checkDeckFile(
  fileName: string,
  text: string,
  builtInIds: Pick<ReadonlySet<string>, 'has'>,
  meta?: MetaSource,
  deck?: DeckMetaInput,
): DeckFileCheck {
  if (text.length > MAX_DECK_FILE_BYTES) return { ok: false, reason: 'too-big' };
  const result = parseDeckFile(fileName, text, { ...(meta ? { meta } : {}), ...(deck ? { deck } : {}) });
  if (hasErrors(result.problems) || !result.deck) {
    const problems = [...result.problems].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, reason: 'problems', problems };
  }
  if (builtInIds.has(result.deck.id)) return { ok: false, reason: 'built-in-id', id: result.deck.id };
  return { ok: true, deck: result.deck, warnings: result.problems };
}

export interface PickedFile {
  name: string;
  text: string;
}

/**
 * Files picked or dropped together, as deck files to check: a CSV deck takes the
 * `<name>.meta.yaml` picked with it (title, department); a meta file with its CSV is not a deck
 * of its own. Anything else goes through as picked (and is refused with a clear message if it is
 * not a deck).
 */
export function groupDeckFiles(files: readonly PickedFile[]): { file: PickedFile; meta?: MetaSource }[] {
  const metas = new Map(files.filter((f) => deckFileKind(f.name) === 'meta').map((f) => [f.name.toLowerCase(), f]));
  const metaOf = (csv: PickedFile) => {
    const path = metaPathFor(csv.name).toLowerCase();
    return metas.get(path) ?? metas.get(path.replace(/\.yaml$/, '.yml'));
  };
  const paired = new Set(files.filter((f) => deckFileKind(f.name) === 'csv').map(metaOf).filter((m) => m !== undefined));
  return files
    .filter((f) => !paired.has(f))
    .map((file) => {
      const meta = deckFileKind(file.name) === 'csv' ? metaOf(file) : undefined;
      return { file, ...(meta ? { meta: { path: meta.name, text: meta.text } } : {}) };
    });
}
