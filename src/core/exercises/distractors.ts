import type { Card } from '../content/model.ts';
import { displayTerm } from '../content/model.ts';
import { fold, seededRandom, shuffle } from '../content/text.ts';

/** Every answer that counts as this card's term: a distractor may never be one of them. */
function acceptedForms(card: Card): Set<string> {
  return new Set([card.term, displayTerm(card), ...card.alternatives].map(fold));
}

export interface ChoiceOption {
  label: string;
  correct: boolean;
  /** The card an option comes from (for feedback: "that is the word for …"). */
  cardId: string;
}

/**
 * Multiple choice: the card's term among distractors from the same deck (same level), never a
 * synonym listed in either card's `alternatives`, preferring cards of the same kind of word so the
 * grammar gives nothing away.
 */
export function termChoices(card: Card, pool: readonly Card[], count: number, seed: string): ChoiceOption[] {
  const random = seededRandom(seed);
  const own = acceptedForms(card);
  const candidates = pool.filter((other) => {
    if (other.id === card.id) return false;
    const theirs = acceptedForms(other);
    for (const form of theirs) if (own.has(form)) return false;
    return true;
  });
  const sameType = (c: Card) => (c.type ?? (c.article ? 'noun' : 'other')) === (card.type ?? (card.article ? 'noun' : 'other'));
  const ranked = [
    ...shuffle(candidates.filter(sameType), random),
    ...shuffle(
      candidates.filter((c) => !sameType(c)),
      random,
    ),
  ];
  const picked = ranked.slice(0, count - 1).map((c) => ({ label: displayTerm(c), correct: false, cardId: c.id }));
  return shuffle([{ label: displayTerm(card), correct: true, cardId: card.id }, ...picked], random);
}

/** Plain-language choice: the card's `plain` among other cards' plain alternatives. */
export function plainChoices(card: Card, pool: readonly Card[], count: number, seed: string): ChoiceOption[] {
  if (!card.plain) return [];
  const random = seededRandom(seed);
  const right = fold(card.plain);
  const seen = new Set([right]);
  const others: ChoiceOption[] = [];
  for (const other of shuffle(pool, random)) {
    if (!other.plain || other.id === card.id) continue;
    const key = fold(other.plain);
    if (seen.has(key)) continue;
    seen.add(key);
    others.push({ label: other.plain, correct: false, cardId: other.id });
    if (others.length === count - 1) break;
  }
  return shuffle([{ label: card.plain, correct: true, cardId: card.id }, ...others], random);
}
