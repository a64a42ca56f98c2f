/**
 * The last step before converted decks are stored in the app: each deck, with the deck fields the
 * importer chose, is written as a deck file (deckToYaml) and read back with parseDeckFile, the
 * validator every deck file goes through; and it takes the recordings its cards name.
 */
import { givenDeckFields } from '../content/csvDeck.ts';
import { AUDIO_TYPES, type PackageAudio } from '../content/deckPackage.ts';
import type { Deck } from '../content/model.ts';
import { parseDeckFile } from '../content/parseDeckFile.ts';
import { hasErrors, type Problem } from '../content/problems.ts';
import type { DeckInput, DeckMetaInput } from '../content/schema.ts';
import { deckToYaml } from '../content/serialize.ts';

/** Deck fields the importer may set for a converted deck; the id stays, so a second conversion keeps progress. */
export type ChosenDeckFields = Pick<DeckMetaInput, 'title' | 'department' | 'level' | 'description'>;

export interface CheckedDeck {
  deck: Deck;
  /** The recordings the deck's cards name, with their MIME type. */
  recordings: PackageAudio[];
  warnings: Problem[];
}

export type ConvertedCheck = { ok: true; decks: CheckedDeck[] } | { ok: false; problems: Problem[] };

const typeOf = (name: string) => AUDIO_TYPES.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ?? 'application/octet-stream';

function withFields(input: DeckInput, chosen: ChosenDeckFields | undefined): DeckInput {
  const { title, department, level, description } = givenDeckFields(chosen);
  return {
    ...input,
    ...(title ? { title } : {}),
    ...(department ? { department } : {}),
    ...(level ? { level } : {}),
    ...(description ? { description } : {}),
  };
}

/**
 * Checks converted decks (mapSource's `decks` and `audio`) as deck files. Any error refuses them
 * all: a conversion is stored whole or not at all. Never throws.
 */
export function checkConverted(
  decks: readonly DeckInput[],
  audio: ReadonlyMap<string, Uint8Array>,
  chosen: ReadonlyMap<string, ChosenDeckFields> = new Map(),
): ConvertedCheck {
  const checked: CheckedDeck[] = [];
  const errors: Problem[] = [];
  for (const input of decks) {
    const path = `${input.id}.deck.yaml`;
    const result = parseDeckFile(path, deckToYaml(withFields(input, chosen.get(input.id))));
    if (hasErrors(result.problems) || !result.deck) {
      errors.push(...result.problems.filter((p) => p.severity === 'error'));
      continue;
    }
    const names = [...new Set(result.deck.cards.map((c) => c.audio).filter((a): a is string => a !== undefined))];
    const recordings: PackageAudio[] = [];
    for (const name of names) {
      const bytes = audio.get(name);
      if (bytes) recordings.push({ name, type: typeOf(name), bytes });
    }
    checked.push({ deck: result.deck, recordings, warnings: result.problems });
  }
  return errors.length ? { ok: false, problems: errors } : { ok: true, decks: checked };
}
