import { FsrsState, type StoredFsrs } from './types.ts';

/**
 * The stored state of an item never answered: ts-fsrs's createEmptyCard, stored (a unit test keeps
 * the two equal). Written out so that syncing decks at start-up, which creates such items, does
 * not pull the scheduler into the first load; everything that schedules uses ts-fsrs itself.
 */
export function newFsrs(now: number): StoredFsrs {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    reps: 0,
    lapses: 0,
    learning_steps: 0,
    state: FsrsState.New,
  };
}
