/** Like Anki, a study day starts at 04:00 local time, so a late-evening session counts for that evening. */
export const DAY_START_HOUR = 4;

export function dayStart(now: number, hour = DAY_START_HOUR): number {
  const d = new Date(now);
  if (d.getHours() < hour) d.setDate(d.getDate() - 1);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

export function nextDayStart(now: number, hour = DAY_START_HOUR): number {
  const d = new Date(dayStart(now, hour));
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Local calendar key of a study day, e.g. "2026-11-24". */
export function dayKey(now: number, hour = DAY_START_HOUR): string {
  const d = new Date(dayStart(now, hour));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
