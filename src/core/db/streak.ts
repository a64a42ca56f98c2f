import type { VaktaalDB } from './database.ts';
import { dayStart, nextDayStart } from '../srs/day.ts';
import { streakOf } from '../progress/streak.ts';

/** Exercises done on a study day; an indexed count, so it costs the same with 200,000 log rows. */
function exercisesBetween(db: Pick<VaktaalDB, 'logs'>, from: number, to: number): Promise<number> {
  return db.logs.where('reviewedAt').between(from, to, true, false).count();
}

export interface StreakInfo {
  today: number;
  goal: number;
  streak: number;
}

/** Today's exercise count and the streak of days with the goal reached (see progress/streak.ts streakOf). */
export async function streak(db: Pick<VaktaalDB, 'logs'>, now: number, goal: number, maxDays = 3660): Promise<StreakInfo> {
  let start = dayStart(now);
  const counts = [await exercisesBetween(db, start, nextDayStart(now))];
  // Walk back one day at a time and stop at the first day that missed the goal.
  for (let i = 1; i <= maxDays; i++) {
    const end = start;
    start = dayStart(start - 1);
    const n = await exercisesBetween(db, start, end);
    counts.push(n);
    if (n < Math.max(1, goal)) break;
  }
  return { today: counts[0]!, goal, streak: streakOf(counts, goal) };
}
