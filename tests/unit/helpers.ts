import type { Card, Deck } from '../../src/core/content/model.ts';
import { VaktaalDB } from '../../src/core/db/database.ts';

let counter = 0;

/** A fresh database per test (fake-indexeddb keeps them in memory). */
export function freshDb(): VaktaalDB {
  counter++;
  return new VaktaalDB(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function makeCard(i: number, extra: Partial<Card> = {}): Card {
  return {
    id: `woord-${i}`,
    term: `woord${i}`,
    article: 'de',
    type: 'noun',
    definition: `Betekenis ${i}.`,
    example: `Dit is {woord${i}}.`,
    alternatives: [],
    translations: { en: `word ${i}` },
    line: i + 1,
    ...extra,
  };
}

export function makeDeck(id: string, count: number, cards?: Card[]): Deck {
  const list = cards ?? Array.from({ length: count }, (_, i) => makeCard(i));
  return {
    id,
    title: `Deck ${id}`,
    department: 'Test',
    source: `content/decks/${id}.deck.yaml`,
    cardCount: list.length,
    hash: `${id}-${list.map((c) => `${c.id}:${c.term}`).join(',')}`,
    cards: list,
  };
}

export const DAY = 24 * 60 * 60 * 1000;
/** A fixed moment in the middle of a study day, so day boundaries are predictable. */
export const NOON = new Date(2026, 10, 24, 12, 0, 0).getTime();
