import { dayStart, nextDayStart } from '../srs/day.ts';

/** Starts of `days` study days from today on, plus the end of the last one (length days + 1). */
export function studyDayBounds(now: number, days: number): number[] {
  const bounds = [dayStart(now)];
  for (let i = 0; i < days; i++) bounds.push(nextDayStart(bounds[i]!));
  return bounds;
}

/** Which day a due moment falls on: overdue counts for today, past the range gives -1. */
export function dayIndex(bounds: readonly number[], due: number): number {
  for (let i = 1; i < bounds.length; i++) if (due < bounds[i]!) return i - 1;
  return -1;
}
