import type { Card, Deck } from '../content/model.ts';

/**
 * Exercise kinds. Each (card, kind) pair is its own review item with its own FSRS state.
 *
 * The order below is the order in which a card's kinds are introduced, easy to hard: a new card
 * always starts with `recognise` (meet the word), then the kinds that ask to pick (multiple choice,
 * de/het, the plain alternative), and only then the kinds that ask to type (produce, cloze, listen). Siblings are
 * never shown on the same day, so a card meets one new kind per day at most; the session mixes the
 * kinds of different cards (srs/queue.ts). Match pairs is not a review item: it is a short,
 * unscheduled warm-up round (see matchRound).
 */
export const EXERCISE_KINDS = ['recognise', 'choice', 'article', 'plain', 'produce', 'cloze', 'listen'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/**
 * Bumped when the introduction order above (or how items are laid out per card) changes, so a
 * device re-ranks its stored items once even though the deck itself did not change.
 */
export const ITEM_LAYOUT = 2;

export const FIRST_KIND: ExerciseKind = 'recognise';

/** Multiple choice shows the right answer among this many options. */
export const CHOICE_OPTIONS = 4;

/**
 * Which kinds a card's fields allow, whether or not the trainee has them switched on (that is a
 * queue-time filter, so switching a kind back on resumes its history).
 */
export function kindsForCard(card: Card, deck?: Pick<Deck, 'cards'>): ExerciseKind[] {
  const kinds: ExerciseKind[] = ['recognise', 'produce'];
  if (card.example && /\{[^{}]+\}/.test(card.example)) kinds.push('cloze');
  if (card.article) kinds.push('article');
  // Needs enough other cards in the deck to draw distractors from.
  if (!deck || deck.cards.length >= CHOICE_OPTIONS) kinds.push('choice');
  if (card.plain) kinds.push('plain');
  kinds.push('listen');
  return EXERCISE_KINDS.filter((k) => kinds.includes(k));
}

/** A listen item needs sound: the card's own recording, or a usable speech voice. */
export function needsVoice(card: Card, kind: ExerciseKind): boolean {
  return kind === 'listen' && !card.audio;
}

/** The text of the example's gap, e.g. "vergadert" in "De raad {vergadert} maandelijks.". */
export function gapText(example: string): string | undefined {
  return example.match(/\{([^{}]+)\}/)?.[1]?.trim();
}
