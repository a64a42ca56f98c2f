import { newLogUid } from '../db/logUid.ts';
import { dailyReminderIcs } from './ics.ts';

/** The daily practice time the reminder books: the quarter of an hour the app is made for. */
export const REMINDER_MINUTES = 15;

export interface ReminderTexts {
  /** The event's title, in the UI language. */
  title: string;
  description: string;
}

/**
 * The trainee's daily reminder as .ics text: every day from today at `time` (local, "HH:MM"), 15
 * minutes. Each file gets a new UID, so an event imported before is never silently changed.
 */
export function dailyReminderFile(time: string, texts: ReminderTexts, now = new Date(), uid = newLogUid()): string {
  return dailyReminderIcs({
    uid: `${uid}@vaktaal`,
    stamp: now,
    firstDay: { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
    time,
    minutes: REMINDER_MINUTES,
    title: texts.title,
    description: texts.description,
  });
}
