/**
 * Dutch day and month names, lowercase. One list for the checks that need them: spelling (no
 * capital mid-sentence) and the dt check (a time noun, never a verb), so both know the same names.
 */
export const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

export const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
