import { z } from 'zod';

/**
 * A moment a file may hold (a review time, a due date, a creation date): a real instant between
 * 2000 and a hundred years from now. Anything else — year 275760, before year 0, NaN — is refused
 * with the file, so no screen ever has to draw an impossible date.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
const HUNDRED_YEARS = 100 * 365.25 * 24 * 60 * 60 * 1000;

export function latestInstant(now = Date.now()): number {
  return now + HUNDRED_YEARS;
}

export function isSaneInstant(ms: number, now = Date.now()): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT && ms <= latestInstant(now);
}

/** Epoch milliseconds in the sane range. */
export const instantMs = z.number().refine((ms) => isSaneInstant(ms), { message: 'not a real moment between 2000 and 100 years from now' });

/** An ISO date-time string for a sane instant. */
export const instantIso = z
  .string()
  .refine((s) => isSaneInstant(Date.parse(s)), { message: 'not a real moment between 2000 and 100 years from now' });
