import { dayKey } from '../srs/day.ts';

/*
 * ISO weeks of study days, for the weekly views (progress, words, the coach report). A module of
 * its own so Today's first load, which counts words, does not carry the report's file format.
 */

/** ISO-8601 week of a calendar day "YYYY-MM-DD": weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7)); // the Thursday of this week
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday "YYYY-MM-DD" of an ISO week "2026-W10" (the inverse of isoWeek): screens say "week of 2 March". */
export function isoWeekStart(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const [year, number] = [Number(match[1]), Number(match[2])];
  // 4 January always lies in week 1; its week's Monday is where week 1 starts.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(Date.UTC(year, 0, 4 - ((jan4.getUTCDay() || 7) - 1) + (number - 1) * 7));
  return utcDayKey(monday);
}

const utcDayKey = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO weeks from the one holding `first` to the one holding `now`, quiet weeks too, the last `maxWeeks`. */
export function weeksFrom(first: number, now: number, maxWeeks: number): string[] {
  // Walk calendar days (as UTC dates, so daylight saving cannot skip or repeat one).
  const weeks: string[] = [];
  const [y, m, d] = dayKey(first).split('-').map(Number) as [number, number, number];
  const cursor = new Date(Date.UTC(y, m - 1, d));
  const last = dayKey(Math.max(now, first));
  for (;;) {
    const key = utcDayKey(cursor);
    const week = isoWeek(key);
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
    if (key >= last) break;
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return weeks.slice(-maxWeeks);
}
