import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { LEECH_LAPSES } from '../../src/core/progress/rules.ts';
import {
  buildReport,
  compareReports,
  parseReport,
  REPORT_FORMAT,
  reportFileName,
  weeklyActivity,
  type TraineeReport,
} from '../../src/core/report/report.ts';
import { isoWeek } from '../../src/core/progress/weeks.ts';
import { createReportService } from '../../src/core/services/report.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { FsrsState } from '../../src/core/srs/types.ts';
import { DAY, freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });

describe('weeks', () => {
  it('names ISO weeks, also around the turn of the year', () => {
    expect(isoWeek('2026-11-24')).toBe('2026-W48');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });

  it('lists every week from the first review to now, quiet weeks with zero', () => {
    const weeks = weeklyActivity([NOON - 15 * DAY, NOON - 15 * DAY + 1000, NOON], NOON);
    expect(weeks.map((w) => w.week)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    expect(weeks.map((w) => [w.reviews, w.days])).toEqual([
      [2, 1],
      [0, 0],
      [1, 1],
    ]);
    expect(weeklyActivity([], NOON)).toEqual([]);
  });
});

async function practisedDb() {
  const db = freshDb();
  const a = makeDeck('a', 3);
  const b = makeDeck('b', 2);
  const c = makeDeck('c', 2);
  for (const d of [a, b, c]) await syncDeck(db, d, NOON - 30 * DAY);
  for (const id of ['a/woord-0/recognise', 'a/woord-1/recognise']) {
    await recordReview(db, scheduler, { itemId: id, rating: 3, now: NOON - 10 * DAY, durationMs: 1 });
  }
  // A word forgotten again and again: a leech.
  await db.items.update('a/woord-1/recognise', { 'fsrs.lapses': LEECH_LAPSES, 'fsrs.state': FsrsState.Relearning });
  // A stable one.
  await db.items.update('a/woord-0/recognise', { 'fsrs.stability': 30, 'fsrs.state': FsrsState.Review });
  return { db, decks: [a, b, c] };
}

describe('the trainee report', () => {
  it('has per deck mastery and reviews, weekly activity, difficult words and an empty drills list', async () => {
    const { db, decks } = await practisedDb();
    const report = await createReportService(db).collect({ trainee: 'Amina El Idrissi', decks, drillSets: [], selected: ['b'], now: NOON });
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.trainee).toBe('Amina El Idrissi');
    // a (practised) and b (chosen) are in; c (neither) is not.
    expect(report.decks.map((d) => d.id)).toEqual(['a', 'b']);
    const a = report.decks[0]!;
    expect(a).toMatchObject({ reviews: 2, seen: 2, stable: 1 });
    expect(a.mastery).toBeCloseTo(1 / a.items, 3);
    expect(a.lastReviewed).toBe(new Date(NOON - 10 * DAY).toISOString());
    expect(report.totals).toMatchObject({ reviews: 2, studyDays: 1 });
    expect(report.weeks.at(-1)?.week).toBe('2026-W48');
    expect(report.weeks.reduce((n, w) => n + w.reviews, 0)).toBe(2);
    expect(report.difficult).toEqual([
      { deckId: 'a', cardId: 'woord-1', term: 'woord1', article: 'de', lapses: LEECH_LAPSES, kinds: ['recognise'] },
    ]);
    expect(report.drills).toEqual([]);
    expect(reportFileName(report)).toBe('vaktaal-rapport-amina-el-idrissi-2026-11-24.json');
  });

  it('reads back what it writes, and refuses other files', async () => {
    const { db, decks } = await practisedDb();
    const report = await createReportService(db).collect({ trainee: 'X', decks, drillSets: [], selected: [], now: NOON });
    const parsed = parseReport(JSON.stringify(report));
    expect(parsed).toEqual({ ok: true, report });
    expect(parseReport('{oops')).toMatchObject({ ok: false, code: 'corrupt' });
    expect(parseReport('{"format":"vaktaal-backup"}')).toMatchObject({ ok: false, code: 'not-report' });
    expect(parseReport(JSON.stringify({ ...report, version: 99 }))).toMatchObject({ ok: false, code: 'newer-version' });
    expect(parseReport(JSON.stringify({ ...report, decks: [{ id: 'a' }] }))).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('the coach view', () => {
  const base = (trainee: string, decks: [string, number][], difficult: string[]): TraineeReport => ({
    ...buildReport({ trainee, decks: [], items: [], reviewsByDeck: new Map(), reviewedAt: [], selected: [], now: NOON }),
    decks: decks.map(([id, mastery]) => ({
      id,
      title: id.toUpperCase(),
      department: 'D',
      items: 10,
      seen: 5,
      stable: mastery * 10,
      mastery,
      reviews: 7,
      lastReviewed: null,
    })),
    difficult: difficult.map((cardId) => ({ deckId: 'a', cardId, term: cardId, lapses: 3, kinds: ['recognise'] })),
  });

  it('puts the reports side by side per deck and finds the difficult words they share', () => {
    const one = base(
      'Amina',
      [
        ['a', 0.5],
        ['b', 0.1],
      ],
      ['raad', 'akte'],
    );
    const two = base('Bram', [['a', 0.2]], ['akte', 'college']);
    const three = base('Chen', [['c', 0.9]], ['akte', 'raad']);
    const { decks, common } = compareReports([one, two, three]);
    expect(decks.map((d) => [d.id, d.cells.map((c) => c?.mastery)])).toEqual([
      ['a', [0.5, 0.2, undefined]],
      ['b', [0.1, undefined, undefined]],
      ['c', [undefined, undefined, 0.9]],
    ]);
    expect(common.map((w) => [w.cardId, w.reports])).toEqual([
      ['akte', [0, 1, 2]],
      ['raad', [0, 2]],
    ]);
  });
});
