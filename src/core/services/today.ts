import type { VaktaalDB } from '../db/database.ts';
import { streak, type StreakInfo } from '../db/streak.ts';
import { dayActivitySince, deckCounts, queueSource, type DeckCounts } from '../db/progressStore.ts';
import type { DayActivity } from '../progress/activity.ts';
import { dayStart } from '../srs/day.ts';
import { buildTodayQueue, type QueueLimits, type TodayQueue } from '../srs/queue.ts';

export type TodayDb = Pick<VaktaalDB, 'items' | 'logs'>;

export interface TodayOverview {
  /** What a session started now gives: the queue itself was built, so the numbers cannot drift. */
  due: number;
  /** New words (what "new words per day" limits). */
  fresh: number;
  /** New ways of practising words already met (their other exercise kinds). */
  freshKinds: number;
  /** Learning items coming back later today. */
  laterToday: number;
  activity: DayActivity;
  /** The daily goal and streak count every exercise, words and drills. */
  goal: StreakInfo;
  /** Per deck, uncapped by the daily limits: what each deck holds for today. */
  decks: Map<string, DeckCounts>;
}

/** Today's numbers and today's queue of words. */
export function createTodayService(db: TodayDb) {
  const queue = (deckIds: readonly string[], limits: QueueLimits, now = Date.now()): Promise<TodayQueue> =>
    buildTodayQueue(queueSource(db, 'words'), deckIds, now, limits);

  return {
    queue,
    activity: (now = Date.now()): Promise<DayActivity> => dayActivitySince(db, dayStart(now)),
    goal: (dailyGoal: number, now = Date.now()): Promise<StreakInfo> => streak(db, now, dailyGoal),
    async overview(input: {
      deckIds: readonly string[];
      allDeckIds: readonly string[];
      limits: QueueLimits;
      dailyGoal: number;
      now?: number;
    }): Promise<TodayOverview> {
      const now = input.now ?? Date.now();
      const [session, activity, goal, decks] = await Promise.all([
        queue(input.deckIds, input.limits, now),
        dayActivitySince(db, dayStart(now)),
        streak(db, now, input.dailyGoal),
        deckCounts(db, input.allDeckIds, now),
      ]);
      return {
        due: session.dueCount,
        fresh: session.newWords,
        freshKinds: session.newKinds,
        laterToday: session.laterToday,
        activity,
        goal,
        decks,
      };
    },
  };
}

export type TodayService = ReturnType<typeof createTodayService>;
