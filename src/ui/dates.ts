import { dateLocale } from './dateLocale.ts';
import { language, t } from './i18n.svelte.ts';

/**
 * Every date and time the app draws, in one place. They follow the browser's region, not a fixed
 * format per UI language: English on a British browser reads "7 March 2026 at 07:57", on an
 * American one "March 7, 2026 at 7:57 AM"; Dutch on a Belgian phone uses nl-BE.
 */

type DateInput = number | string | Date;
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(value: DateInput, options: Intl.DateTimeFormatOptions): string {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const locale = dateLocale(language(), browser);
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter.format(typeof value === 'string' ? Date.parse(value) : value);
}

/** "7 March 2026" (long) or "7 Mar 2026" (medium). */
export const formatDate = (value: DateInput, style: 'long' | 'medium' = 'long') => format(value, { dateStyle: style });

/** "7 March 2026 at 07:57" (long) or "7 Mar 2026, 07:57" (medium). */
export const formatDateTime = (value: DateInput, style: 'long' | 'medium' = 'medium') =>
  format(value, { dateStyle: style, timeStyle: 'short' });

/** "07:57". */
export const formatTime = (value: DateInput) => format(value, { timeStyle: 'short' });

/** "Sat 7 Mar": a day of the coming weeks. */
export const formatDay = (value: DateInput) => format(value, { weekday: 'short', day: 'numeric', month: 'short' });

/** "week of 2 March" for the Monday "2026-03-02" (a local calendar day, see core/report isoWeekStart). */
export function formatWeekOf(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  // The year only when it is not this year's week (a report can reach back over New Year).
  const year = y === new Date().getFullYear() ? {} : { year: 'numeric' as const };
  return t('dates.weekOf', { date: format(new Date(y, m - 1, d), { day: 'numeric', month: 'long', ...year }) });
}
