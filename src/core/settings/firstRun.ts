import type { DeckMeta } from '../content/model.ts';

/**
 * The first run: a trainee who never chose anything gets a welcome (UI language, department)
 * instead of an empty Today with every deck unticked.
 */

/** The deck every newcomer starts with, whatever their department (content/decks/algemeen/eerste-werkdag.deck.yaml). */
export const DAY_ONE_DECK_ID = 'eerste-werkdag';

export interface DeviceFacts {
  /** Settings rows stored on this device. */
  storedSettings: number;
  /** Answers logged on this device. */
  answers: number;
}

/**
 * Whether this is a first visit. Any stored setting (the welcome stores one even when skipped) or
 * any logged answer means the trainee has been here: an existing user never sees the welcome.
 */
export function isFirstRun(facts: DeviceFacts): boolean {
  return facts.storedSettings === 0 && facts.answers === 0;
}

/** The departments the decks declare, once each, in Dutch alphabetical order. */
export function departmentsOf(decks: readonly Pick<DeckMeta, 'department'>[]): string[] {
  return [...new Set(decks.map((d) => d.department))].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** The decks ticked for a newcomer: the day-one deck first, then every deck of their department (none chosen: the day-one deck alone). */
export function welcomeDecks(decks: readonly Pick<DeckMeta, 'id' | 'department'>[], department: string | undefined): string[] {
  const ids = decks.filter((d) => d.id === DAY_ONE_DECK_ID).map((d) => d.id);
  if (department) for (const d of decks) if (d.department === department && !ids.includes(d.id)) ids.push(d.id);
  return ids;
}
