/**
 * The daily practice reminder as an iCalendar file (RFC 5545): a calendar reminds the trainee
 * offline, where web push would need a server. One VEVENT repeating every day at a local time.
 */

export interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export interface DailyReminder {
  /** Globally unique id of the event (RFC 5545 UID). */
  uid: string;
  /** When the file is made; written as DTSTAMP in UTC. */
  stamp: Date;
  /** The first day of the series, in the trainee's calendar. */
  firstDay: LocalDate;
  /** Local start time "HH:MM" (24 h). */
  time: string;
  /** Length of the event in minutes. */
  minutes: number;
  /** SUMMARY: the event's title, in the UI language. */
  title: string;
  /** DESCRIPTION, optional. */
  description?: string;
}

const CRLF = '\r\n';
/** Longest line in octets, line break excluded (RFC 5545 §3.1). */
const MAX_OCTETS = 75;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets (§3.1): each continuation starts with one
 * space. Splits between characters, never inside a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function utcStamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** "HH:MM" → [hours, minutes]; throws on anything else (the settings schema only stores valid times). */
function parseTime(time: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * The .ics text. DTSTART is a floating local time (no TZID, §3.3.5 form #1): the reminder comes
 * at the chosen hour wherever the trainee's calendar is, with no VTIMEZONE to get wrong.
 */
export function dailyReminderIcs(reminder: DailyReminder): string {
  const [hours, minutes] = parseTime(reminder.time);
  if (!Number.isInteger(reminder.minutes) || reminder.minutes <= 0) throw new Error(`not a duration: ${reminder.minutes}`);
  const { year, month, day } = reminder.firstDay;
  const start = `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(hours)}${pad(minutes)}00`;
  const description = reminder.description ? [`DESCRIPTION:${escapeText(reminder.description)}`] : [];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vaktaal//Daily reminder//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${reminder.uid}`,
    `DTSTAMP:${utcStamp(reminder.stamp)}`,
    `DTSTART:${start}`,
    `DURATION:PT${reminder.minutes}M`,
    'RRULE:FREQ=DAILY',
    `SUMMARY:${escapeText(reminder.title)}`,
    ...description,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(reminder.title)}`,
    'TRIGGER:PT0S',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
