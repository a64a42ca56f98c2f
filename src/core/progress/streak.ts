// The daily goal and the streak: how days of exercises count (apart from the dashboard, which Today does not need).

/**
 * The streak: consecutive study days on which the daily goal was reached, ending today when
 * today's goal is already reached, else ending yesterday (today is not lost until it is over).
 * `counts[0]` is today's number of exercises, `counts[1]` yesterday's, and so on.
 */
export function streakOf(counts: readonly number[], goal: number): number {
  const target = Math.max(1, goal);
  const start = (counts[0] ?? 0) >= target ? 0 : 1;
  let streak = 0;
  for (let i = start; i < counts.length && (counts[i] ?? 0) >= target; i++) streak++;
  return streak;
}

/**
 * The goal and streak as a session goes on: `atStart` (today's count and the streak when the
 * session began) plus the exercises answered since. Reaching the goal today adds today to the
 * streak, by streakOf's rule, without reading the log again after every answer.
 */
export function goalAfter(atStart: { today: number; goal: number; streak: number }, answered: number) {
  const target = Math.max(1, atStart.goal);
  const today = atStart.today + answered;
  const reachedNow = atStart.today < target && today >= target;
  return { today, goal: atStart.goal, streak: atStart.streak + (reachedNow ? 1 : 0), reached: today >= target };
}
