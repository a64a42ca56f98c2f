import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyReminderIcs, escapeText, foldLine, type DailyReminder } from '../../src/core/reminder/ics.ts';
import { dailyReminderFile, REMINDER_MINUTES } from '../../src/core/reminder/reminder.ts';
import { component, contentLines, physicalLines, unescapeText } from '../e2e/ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

const reminder: DailyReminder = {
  uid: '3b1c0f5e-1111-4a2b-9c3d-1234567890ab@vaktaal',
  stamp: new Date(Date.UTC(2026, 2, 7, 6, 57, 9)),
  firstDay: { year: 2026, month: 3, day: 7 },
  time: '08:05',
  minutes: 15,
  title: 'Vaktaal: 15 minuten Nederlands oefenen',
  description: 'Open Vaktaal, oefen; en dan\nverder.',
};

describe('the daily reminder as iCalendar (RFC 5545)', () => {
  it('is one VCALENDAR with one daily VEVENT: UID, DTSTAMP in UTC, a floating local DTSTART, 15 minutes', () => {
    const lines = contentLines(dailyReminderIcs(reminder));
    expect(lines[0]).toEqual({ name: 'BEGIN', params: {}, value: 'VCALENDAR' });
    expect(lines.at(-1)).toEqual({ name: 'END', params: {}, value: 'VCALENDAR' });
    const calendar = component(lines, 'VCALENDAR');
    expect(calendar.get('VERSION')?.value).toBe('2.0');
    expect(calendar.get('PRODID')?.value).toBeTruthy();
    expect(lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT')).toHaveLength(1);
    const event = component(lines, 'VEVENT');
    expect(event.get('UID')?.value).toBe(reminder.uid);
    expect(event.get('DTSTAMP')?.value).toBe('20260307T065709Z');
    // Floating time (no Z, no TZID): 08:05 wherever the calendar is.
    expect(event.get('DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20260307T080500' });
    expect(event.get('DURATION')?.value).toBe('PT15M');
    expect(event.has('DTEND')).toBe(false); // DTEND and DURATION never both
    expect(event.get('RRULE')?.value).toBe('FREQ=DAILY');
    expect(unescapeText(event.get('SUMMARY')!.value)).toBe(reminder.title);
    expect(unescapeText(event.get('DESCRIPTION')!.value)).toBe(reminder.description);
    const alarm = component(lines, 'VALARM');
    expect(alarm.get('ACTION')?.value).toBe('DISPLAY');
    expect(alarm.get('TRIGGER')?.value).toBe('PT0S');
    expect(alarm.get('DESCRIPTION')?.value).toBeTruthy();
  });

  it('ends every line with CRLF and has no bare CR or LF, also with a line break in a text', () => {
    const text = dailyReminderIcs(reminder);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(() => physicalLines(text)).not.toThrow();
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    fc.assert(fc.property(fc.string(), (s) => unescapeText(escapeText(s)) === s.replace(/\r\n|\r/g, '\n')));
  });

  it('folds lines at 75 octets without splitting a character, so Arabic and Ukrainian titles come back whole', () => {
    const arabic = 'Vaktaal: تمرّن على الهولندية 15 دقيقة كل يوم، في القطار أو في المكتب؛ كلمات عملك في البلدية';
    const text = dailyReminderIcs({
      ...reminder,
      title: arabic,
      description: 'Щодня чверть години тренуйте слова своєї роботи в міській адміністрації 🇧🇪.',
    });
    for (const line of physicalLines(text)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(physicalLines(text).filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    const event = component(contentLines(text), 'VEVENT');
    expect(unescapeText(event.get('SUMMARY')!.value)).toBe(arabic);
    expect(unescapeText(event.get('DESCRIPTION')!.value)).toContain('🇧🇪');
  });

  it('folding: any text unfolds to itself, every physical line at most 75 octets, continuations start with one space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `SUMMARY:${s.replace(/[\r\n]/g, '')}`;
        const parts = foldLine(line).split('\r\n');
        expect(parts.every((p) => octets(p) <= 75)).toBe(true);
        expect(parts.slice(1).every((p) => p.startsWith(' ') && p.length > 1)).toBe(true);
        expect(
          parts[0] +
            parts
              .slice(1)
              .map((p) => p.slice(1))
              .join(''),
        ).toBe(line);
      }),
    );
    // Exactly 75 octets stays one line; 76 folds.
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('refuses a time or length that is not one', () => {
    expect(() => dailyReminderIcs({ ...reminder, time: '24:00' })).toThrow();
    expect(() => dailyReminderIcs({ ...reminder, time: '8:5' })).toThrow();
    expect(() => dailyReminderIcs({ ...reminder, minutes: 0 })).toThrow();
  });

  it('the trainee’s file starts today at the chosen local time, for the quarter of an hour the app is made for', () => {
    const now = new Date(2026, 10, 30, 22, 10);
    const text = dailyReminderFile('07:45', { title: 'T', description: 'D' }, now, 'abc');
    const event = component(contentLines(text), 'VEVENT');
    expect(event.get('DTSTART')?.value).toBe('20261130T074500');
    expect(event.get('DURATION')?.value).toBe(`PT${REMINDER_MINUTES}M`);
    expect(event.get('UID')?.value).toBe('abc@vaktaal');
    // A new file, a new UID (an event imported before is never silently replaced).
    const again = component(contentLines(dailyReminderFile('07:45', { title: 'T', description: 'D' }, now)), 'VEVENT');
    expect(again.get('UID')?.value).toMatch(/^[0-9a-f-]{36}@vaktaal$/);
  });
});
