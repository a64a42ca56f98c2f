import { isDrillDeck } from '../drills/drillModel.ts';
import { FIRST_KIND } from '../exercises/kinds.ts';
import { FsrsState, type ReviewLogRow } from '../srs/types.ts';

/**
 * What a study day's answers amount to — the one definition behind "done today", the daily goal,
 * the streak, the daily limits and the coach report. Words (card exercises) and drills (written
 * drills, deck id `drill:…`) are counted apart because each has its own daily limits; the goal and
 * the streak count every exercise.
 */
export interface FamilyActivity {
  /** Answers given. */
  exercises: number;
  /** Items answered for the first time (each counts against the daily new limit). */
  introduced: number;
  /** Words met for the first time: a card's first exercise kind introduced (drills: same as introduced). */
  newWords: number;
  /** Cards (or drill items) touched: their siblings wait for another day. */
  cardKeys: Set<string>;
  /** The items answered: one still being learned comes back the same day, though its card was touched. */
  itemIds: Set<string>;
}

export interface DayActivity {
  words: FamilyActivity;
  drills: FamilyActivity;
  /** words + drills: what the daily goal and the streak count. */
  exercises: number;
}

export type ActivityRow = Pick<ReviewLogRow, 'deckId' | 'itemId' | 'cardKey' | 'kind' | 'stateBefore'>;
export type Family = 'words' | 'drills';

export const familyOf = (deckId: string): Family => (isDrillDeck(deckId) ? 'drills' : 'words');

const emptyFamily = (): FamilyActivity => ({ exercises: 0, introduced: 0, newWords: 0, cardKeys: new Set(), itemIds: new Set() });

export function activityOf(rows: Iterable<ActivityRow>): DayActivity {
  const words = emptyFamily();
  const drills = emptyFamily();
  for (const row of rows) {
    const family = familyOf(row.deckId) === 'drills' ? drills : words;
    family.exercises++;
    family.cardKeys.add(row.cardKey);
    family.itemIds.add(row.itemId);
    if (row.stateBefore === FsrsState.New) {
      family.introduced++;
      if (family === drills || row.kind === FIRST_KIND) family.newWords++;
    }
  }
  return { words, drills, exercises: words.exercises + drills.exercises };
}
