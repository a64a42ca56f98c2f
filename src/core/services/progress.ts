import type { VaktaalDB } from '../db/database.ts';
import { forecast, itemOverview } from '../db/dashboard.ts';
import { streak, type StreakInfo } from '../db/streak.ts';
import { dayActivitySince } from '../db/progressStore.ts';
import type { DayActivity } from '../progress/activity.ts';
import { studyDayBounds } from '../progress/days.ts';
import type { DeckMastery } from '../progress/rules.ts';
import { weeklyWords, type Offer, type WeekOfWords, type WordCounts } from '../progress/words.ts';
import { dayStart } from '../srs/day.ts';
import type { ReviewItem } from '../srs/types.ts';

export type ProgressDb = Pick<VaktaalDB, 'items' | 'logs'>;

export interface Dashboard {
  activity: DayActivity;
  goal: StreakInfo;
  /** Reviews falling due on each of the next days, and the start of each day. */
  forecast: { counts: number[]; days: number[] };
  mastery: Map<string, DeckMastery>;
  /** Difficult items (leeches), most lapses first. */
  leeches: ReviewItem[];
  /** Words per deck: learned, being learned, to come (progress/words.ts). */
  words: Map<string, WordCounts>;
  /** The last weeks: different words practised and days practised, oldest first. */
  weeks: WeekOfWords[];
}

/** Weeks the progress screen shows. */
export const PROGRESS_WEEKS = 8;
const WEEK = 7 * 24 * 3600 * 1000;

/** The progress dashboard: today, the goal and streak, the forecast, mastery and difficult words. */
export function createProgressService(db: ProgressDb) {
  /** Only the rows of the last weeks are read (an indexed range), and the very first answer's time. */
  async function recentWeeks(now: number): Promise<WeekOfWords[]> {
    const first = await db.logs.orderBy('reviewedAt').first();
    const rows = await db.logs
      .where('reviewedAt')
      .between(dayStart(now - PROGRESS_WEEKS * WEEK), Infinity)
      .toArray();
    return weeklyWords(rows, now, PROGRESS_WEEKS, first?.reviewedAt);
  }

  return {
    async dashboard(input: {
      deckIds: readonly string[];
      dailyGoal: number;
      days: number;
      offer?: Offer;
      now?: number;
    }): Promise<Dashboard> {
      const now = input.now ?? Date.now();
      const [activity, goal, counts, overview, weeks] = await Promise.all([
        dayActivitySince(db, dayStart(now)),
        streak(db, now, input.dailyGoal),
        forecast(db, input.deckIds, now, input.days),
        itemOverview(db, input.offer),
        recentWeeks(now),
      ]);
      return {
        activity,
        goal,
        forecast: { counts, days: studyDayBounds(now, input.days).slice(0, input.days) },
        mastery: overview.mastery,
        leeches: overview.leeches,
        words: overview.words,
        weeks,
      };
    },
    goal: (dailyGoal: number, now = Date.now()): Promise<StreakInfo> => streak(db, now, dailyGoal),
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
