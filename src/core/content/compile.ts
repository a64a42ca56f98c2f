import { parseDeckFile } from './parseDeckFile.ts';
import { problem, type Position, type Problem } from './problems.ts';
import { fold } from './text.ts';
import type { Card, Deck } from './model.ts';
import type { Locator } from './validate.ts';
import type { MetaSource } from './csvDeck.ts';

export interface SourceFile {
  /** Path relative to the content folder, used in every message. */
  path: string;
  text: string;
  /** A CSV deck's `<name>.meta.yaml`, when there is one beside it. */
  meta?: MetaSource;
}

/** A deck that compiled, with the file it came from and where its fields were written. */
export interface CompiledSource {
  file: SourceFile;
  deck: Deck;
  locate: Locator;
}

export interface CompileResult {
  decks: Deck[];
  problems: Problem[];
  /** The same decks, with their source file and locator: for checks that run afterwards (content QA). */
  sources: CompiledSource[];
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
function idLine(text: string): number | undefined {
  const index = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
  return index >= 0 ? index + 1 : undefined;
}

/** Where a deck's id was written: its `id:` line, in the meta file for a CSV deck; else the top of the file. */
function idPosition(file: SourceFile): { path: string; pos: Position } {
  const metaLine = file.meta ? idLine(file.meta.text) : undefined;
  if (file.meta && metaLine) return { path: file.meta.path, pos: { line: metaLine, column: 1 } };
  return { path: file.path, pos: { line: file.path.endsWith('.csv') ? 1 : (idLine(file.text) ?? 1), column: 1 } };
}

interface Occurrence {
  source: CompiledSource;
  card: Card;
  index: number;
}

/**
 * A term belongs in one deck: the same word in two decks is practised twice and drifts apart.
 * Where both decks really need it, each card says so with `sharedTerm: true`. A term that is
 * another deck's alternative answer counts too (organigram / organogram).
 */
function termsAcrossDecks(sources: readonly CompiledSource[]): Problem[] {
  const byTerm = new Map<string, Occurrence[]>();
  const byAlternative = new Map<string, Occurrence[]>();
  const add = (map: Map<string, Occurrence[]>, key: string, o: Occurrence) => {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  };
  for (const source of sources) {
    source.deck.cards.forEach((card, index) => {
      const o = { source, card, index };
      add(byTerm, fold(card.term), o);
      for (const alt of new Set(card.alternatives.map(fold))) add(byAlternative, alt, o);
    });
  }
  const problems: Problem[] = [];
  const where = (o: Occurrence) => `${o.source.deck.source}:${o.card.line}`;
  for (const source of sources) {
    source.deck.cards.forEach((card, index) => {
      const key = fold(card.term);
      const sameTerm = (byTerm.get(key) ?? []).filter((o) => o.source.deck.id !== source.deck.id);
      const asAlternative = (byAlternative.get(key) ?? []).filter((o) => o.source.deck.id !== source.deck.id && fold(o.card.term) !== key);
      const pos = () => source.locate.at(['cards', index, 'term']);
      if (sameTerm.length || asAlternative.length) {
        if (card.sharedTerm) return;
        const found = [
          ...sameTerm.map((o) => `is also in deck "${o.source.deck.id}" (${where(o)})`),
          ...asAlternative.map((o) => `is also an accepted answer for "${o.card.term}" in deck "${o.source.deck.id}" (${where(o)})`),
        ];
        problems.push(
          problem(
            source.deck.source,
            pos(),
            'warning',
            'term-in-other-deck',
            `term "${card.term}" ${found.join(' and ')} — keep the word in the deck where it belongs, or mark each card with "sharedTerm: true"`,
            { term: card.term, other: [...sameTerm, ...asAlternative].map(where).join(', ') },
          ),
        );
      } else if (card.sharedTerm) {
        problems.push(
          problem(source.deck.source, pos(), 'warning', 'shared-term-alone', `"sharedTerm: true" is set but no other deck has "${card.term}" — remove it`, {
            term: card.term,
          }),
        );
      }
    });
  }
  return problems;
}

/**
 * Compiles a set of deck files: each is parsed and validated on its own, then checks that span
 * files (deck ids, terms in two decks) run. The build, the CLI and in-app import all come through here.
 */
export function compileDecks(files: readonly SourceFile[]): CompileResult {
  const problems: Problem[] = [];
  const decks: Deck[] = [];
  const sources: CompiledSource[] = [];
  const byId = new Map<string, Deck>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const department = departmentFromFolder(file.path);
    const result = parseDeckFile(file.path, file.text, { ...(department ? { department } : {}), ...(file.meta ? { meta: file.meta } : {}) });
    problems.push(...result.problems);
    if (!result.deck || !result.locate) continue;
    const other = byId.get(result.deck.id);
    if (other) {
      const at = idPosition(file);
      problems.push(
        problem(
          at.path,
          at.pos,
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
    sources.push({ file, deck: result.deck, locate: result.locate });
  }
  problems.push(...termsAcrossDecks(sources));
  return { decks, problems, sources };
}
