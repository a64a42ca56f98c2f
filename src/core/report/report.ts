import { z } from 'zod';
import type { Deck } from '../content/model.ts';
import { drillDeckId } from '../drills/drillModel.ts';
import { slugify } from '../content/slug.ts';
import { instantIso } from '../files/instant.ts';
import { readVersionedJson } from '../files/versionedJson.ts';
import { megabytes, REPORT_MAX_BYTES } from '../files/limits.ts';
import { leeches, masteryByDeck, STABLE_DAYS, LEECH_LAPSES } from '../progress/rules.ts';
import { dayKey } from '../srs/day.ts';
import { isoWeek, weeksFrom } from '../progress/weeks.ts';
import type { ReviewItem } from '../srs/types.ts';

/**
 * The coach report: what a trainee hands to a language coach, as a JSON file (and as a printed
 * page, rendered from the same object). It holds counts and the words that give trouble; no
 * review log, no typed answers.
 */
export const REPORT_FORMAT = 'vaktaal-report';
export const REPORT_VERSION = 1;

// Every date in a report is a real moment (2000 to 100 years from now): a coach's screen never draws year 275760.
const isoDate = instantIso;
const count = z.number().int().min(0);

const deckReportSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  department: z.string(),
  /** Active items (card × exercise kind). */
  items: count,
  seen: count,
  stable: count,
  /** stable / items, 0–1, three decimals. */
  mastery: z.number().min(0).max(1),
  reviews: count,
  /** ISO date-time of the last review in this deck, if any. */
  lastReviewed: isoDate.nullable(),
});

/** A drill set in the report: the same figures as a deck, without a department. */
const drillReportSchema = deckReportSchema.omit({ department: true });

const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.number().int().min(1),
  createdAt: isoDate,
  trainee: z.string(),
  /** How the numbers are defined, so a coach reading the file knows. */
  definitions: z.object({ stableDays: z.number(), leechLapses: z.number() }),
  /** Every exercise: the decks' reviews and the drills' add up to `reviews`. */
  totals: z.object({ reviews: count, studyDays: count, firstReview: isoDate.nullable(), lastReview: isoDate.nullable() }),
  decks: z.array(deckReportSchema),
  /** ISO week (e.g. "2026-W48"), reviews, and study days in that week with at least one review. */
  weeks: z.array(z.object({ week: z.string(), reviews: count, days: count })),
  difficult: z.array(
    z.object({
      deckId: z.string(),
      cardId: z.string(),
      term: z.string(),
      article: z.string().optional(),
      lapses: count,
      kinds: z.array(z.string()),
    }),
  ),
  /** Written drills, one entry per set practised (version 1 files written before drills existed hold an empty list). */
  drills: z.array(drillReportSchema),
});

export type TraineeReport = z.infer<typeof reportSchema>;
export type DeckReport = TraineeReport['decks'][number];
export type DrillReport = TraineeReport['drills'][number];
export type WeekActivity = TraineeReport['weeks'][number];
export type DifficultWord = TraineeReport['difficult'][number];

/** Reviews per ISO week, every week from the first review to now (quiet weeks too), the last `maxWeeks`. */
export function weeklyActivity(reviewedAt: readonly number[], now: number, maxWeeks = 52): WeekActivity[] {
  if (reviewedAt.length === 0) return [];
  const byWeek = new Map<string, { reviews: number; days: Set<string> }>();
  let first = Infinity;
  for (const t of reviewedAt) {
    first = Math.min(first, t);
    const day = dayKey(t);
    const week = isoWeek(day);
    let w = byWeek.get(week);
    if (!w) byWeek.set(week, (w = { reviews: 0, days: new Set() }));
    w.reviews++;
    w.days.add(day);
  }
  return weeksFrom(first, now, maxWeeks).map((week) => ({
    week,
    reviews: byWeek.get(week)?.reviews ?? 0,
    days: byWeek.get(week)?.days.size ?? 0,
  }));
}

export interface ReportInput {
  trainee: string;
  decks: readonly Deck[];
  items: readonly ReviewItem[];
  /** Reviews per deck and the moment of every review (from indexes, no log rows needed). */
  reviewsByDeck: ReadonlyMap<string, number>;
  reviewedAt: readonly number[];
  /** Decks the trainee chose to practise; included even before the first review. */
  selected: readonly string[];
  /** The drill sets; a set is listed once practised. Their items and reviews use deck id `drill:<set id>`. */
  drillSets?: readonly { id: string; title: string }[];
  now: number;
}

const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());

/** Builds the report from plain data (pure, so it is easy to test). */
export function buildReport(input: ReportInput): TraineeReport {
  const mastery = masteryByDeck(input.items);
  const lastReview = new Map<string, number>();
  for (const item of input.items) {
    const t = item.fsrs.last_review;
    if (t !== undefined && t > (lastReview.get(item.deckId) ?? -Infinity)) lastReview.set(item.deckId, t);
  }
  const selected = new Set(input.selected);
  const figures = (deckId: string) => {
    const m = mastery.get(deckId);
    return {
      items: m?.items ?? 0,
      seen: m?.seen ?? 0,
      stable: m?.stable ?? 0,
      mastery: Math.round((m?.share ?? 0) * 1000) / 1000,
      reviews: input.reviewsByDeck.get(deckId) ?? 0,
      lastReviewed: iso(lastReview.get(deckId)),
    };
  };
  const decks: DeckReport[] = [];
  for (const deck of input.decks) {
    const f = figures(deck.id);
    if (!selected.has(deck.id) && f.seen === 0 && !f.reviews) continue;
    decks.push({ id: deck.id, title: deck.title, department: deck.department, ...f });
  }
  const drills: DrillReport[] = [];
  for (const set of input.drillSets ?? []) {
    const f = figures(drillDeckId(set.id));
    if (f.seen > 0 || f.reviews > 0) drills.push({ id: set.id, title: set.title, ...f });
  }
  const cards = new Map(input.decks.map((d) => [d.id, new Map(d.cards.map((c) => [c.id, c]))]));
  const difficult = new Map<string, DifficultWord>();
  for (const item of leeches(input.items)) {
    const card = cards.get(item.deckId)?.get(item.cardId);
    if (!card) continue;
    const key = `${item.deckId}/${item.cardId}`;
    const known = difficult.get(key);
    if (known) {
      known.lapses = Math.max(known.lapses, item.fsrs.lapses);
      known.kinds.push(item.kind);
    } else {
      difficult.set(key, {
        deckId: item.deckId,
        cardId: item.cardId,
        term: card.term,
        ...(card.article ? { article: card.article } : {}),
        lapses: item.fsrs.lapses,
        kinds: [item.kind],
      });
    }
  }
  const days = new Set(input.reviewedAt.map((t) => dayKey(t)));
  let first: number | null = null;
  let last: number | null = null;
  for (const t of input.reviewedAt) {
    if (first === null || t < first) first = t;
    if (last === null || t > last) last = t;
  }
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    createdAt: new Date(input.now).toISOString(),
    trainee: input.trainee,
    definitions: { stableDays: STABLE_DAYS, leechLapses: LEECH_LAPSES },
    totals: { reviews: input.reviewedAt.length, studyDays: days.size, firstReview: iso(first), lastReview: iso(last) },
    decks,
    weeks: weeklyActivity(input.reviewedAt, input.now),
    difficult: [...difficult.values()].sort((a, b) => b.lapses - a.lapses || a.term.localeCompare(b.term, 'nl')),
    drills,
  };
}

export function reportFileName(report: Pick<TraineeReport, 'trainee' | 'createdAt'>): string {
  const name = slugify(report.trainee);
  return `vaktaal-rapport-${name ? `${name}-` : ''}${report.createdAt.slice(0, 10)}.json`;
}

// ---- Reading reports (the coach view) ----

export type ReportProblemCode = 'too-large' | 'corrupt' | 'not-report' | 'newer-version' | 'invalid';
export type ParsedReport = { ok: true; report: TraineeReport } | { ok: false; code: ReportProblemCode; params: Record<string, string> };

export function parseReport(text: string): ParsedReport {
  if (text.length > REPORT_MAX_BYTES) return { ok: false, code: 'too-large', params: { limit: megabytes(REPORT_MAX_BYTES) } };
  const read = readVersionedJson(text, REPORT_FORMAT, REPORT_VERSION);
  if (!read.ok) {
    const { problem } = read;
    if (problem.code === 'corrupt') return { ok: false, code: 'corrupt', params: {} };
    if (problem.code === 'newer-version') return { ok: false, code: 'newer-version', params: { version: problem.params.version } };
    if (problem.code === 'invalid-version') return { ok: false, code: 'invalid', params: { path: 'version' } };
    return { ok: false, code: 'not-report', params: {} };
  }
  const parsed = reportSchema.safeParse(read.raw);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    return { ok: false, code: 'invalid', params: { path } };
  }
  return { ok: true, report: parsed.data };
}

export interface ComparedDeck {
  id: string;
  title: string;
  department: string;
  /** One cell per report, in the order the reports were given; undefined when the trainee has no such deck. */
  cells: (DeckReport | undefined)[];
}

export interface CommonDifficulty {
  deckId: string;
  cardId: string;
  term: string;
  article?: string;
  /** Indexes of the reports that list the word. */
  reports: number[];
}

/** Side by side: one row per deck any report has, and the difficult words two or more trainees share. */
export function compareReports(reports: readonly TraineeReport[]): { decks: ComparedDeck[]; common: CommonDifficulty[] } {
  const decks = new Map<string, ComparedDeck>();
  reports.forEach((report, r) => {
    for (const deck of report.decks) {
      let row = decks.get(deck.id);
      if (!row) {
        row = { id: deck.id, title: deck.title, department: deck.department, cells: reports.map(() => undefined) };
        decks.set(deck.id, row);
      }
      row.cells[r] = deck;
    }
  });
  const words = new Map<string, CommonDifficulty>();
  reports.forEach((report, r) => {
    for (const word of report.difficult) {
      const key = `${word.deckId}/${word.cardId}`;
      let entry = words.get(key);
      if (!entry) {
        entry = {
          deckId: word.deckId,
          cardId: word.cardId,
          term: word.term,
          ...(word.article ? { article: word.article } : {}),
          reports: [],
        };
        words.set(key, entry);
      }
      if (!entry.reports.includes(r)) entry.reports.push(r);
    }
  });
  return {
    decks: [...decks.values()].sort((a, b) => a.department.localeCompare(b.department, 'nl') || a.title.localeCompare(b.title, 'nl')),
    common: [...words.values()]
      .filter((w) => w.reports.length >= 2)
      .sort((a, b) => b.reports.length - a.reports.length || a.term.localeCompare(b.term, 'nl')),
  };
}
