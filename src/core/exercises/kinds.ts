import type { Card } from '../content/model.ts';

/**
 * Exercise kinds. Each (card, kind) pair is its own review item with its own FSRS state.
 * Order matters: it is the order in which a new card's kinds are introduced (see srs/queue.ts).
 */
export const EXERCISE_KINDS = ['recognise', 'produce'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** Which kinds a card's fields allow. Every card has a term and a definition, so both apply. */
export function kindsForCard(_card: Card, enabled: readonly ExerciseKind[] = EXERCISE_KINDS): ExerciseKind[] {
  return EXERCISE_KINDS.filter((k) => enabled.includes(k));
}

/** The kind a new card starts with; its siblings are introduced on a later day. */
export const FIRST_KIND: ExerciseKind = 'recognise';
