import { z } from 'zod';
import type { Deck } from '../content/model.ts';
import type { VaktaalDB } from '../db/database.ts';
import { leeches, masteryByDeck, STABLE_DAYS, LEECH_LAPSES } from '../progress/rules.ts';
import { dayKey } from '../srs/day.ts';
import type { ReviewItem } from '../srs/types.ts';

/**
 * The coach report: what a trainee hands to a language coach, as a JSON file (and as a printed
 * page, rendered from the same object). It holds counts and the words that give trouble; no
 * review log, no typed answers.
 */
export const REPORT_FORMAT = 'vaktaal-report';
export const REPORT_VERSION = 1;

export interface DeckReport {
  id: string;
  title: string;
  department: string;
  /** Active items (card × exercise kind). */
  items: number;
  seen: number;
  stable: number;
  /** stable / items, 0–1, three decimals. */
  mastery: number;
  reviews: number;
  /** ISO date-time of the last review in this deck, if any. */
  lastReviewed: string | null;
}

export interface WeekActivity {
  /** ISO week, e.g. "2026-W48". */
  week: string;
  reviews: number;
  /** Study days in that week with at least one review. */
  days: number;
}

export interface DifficultWord {
  deckId: string;
  cardId: string;
  term: string;
  article?: string;
  lapses: number;
  kinds: string[];
}

export interface TraineeReport {
  format: typeof REPORT_FORMAT;
  version: number;
  createdAt: string;
  trainee: string;
  /** How the numbers are defined, so a coach reading the file knows. */
  definitions: { stableDays: number; leechLapses: number };
  totals: { reviews: number; studyDays: number; firstReview: string | null; lastReview: string | null };
  decks: DeckReport[];
  weeks: WeekActivity[];
  difficult: DifficultWord[];
  /** Written drills done. Drills do not exist yet: always an empty list for now. */
  drills: unknown[];
}

/** ISO-8601 week of a calendar day "YYYY-MM-DD": weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7)); // the Thursday of this week
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const utcDayKey = (d: Date) => d.toISOString().slice(0, 10);

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
  // Walk calendar days (as UTC dates, so daylight saving cannot skip or repeat one).
  const weeks: string[] = [];
  const [y, m, d] = dayKey(first).split('-').map(Number) as [number, number, number];
  const cursor = new Date(Date.UTC(y, m - 1, d));
  const last = dayKey(Math.max(now, first));
  for (;;) {
    const key = utcDayKey(cursor);
    const week = isoWeek(key);
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
    if (key >= last) break;
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return weeks.slice(-maxWeeks).map((week) => ({
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
  const decks: DeckReport[] = [];
  for (const deck of input.decks) {
    const m = mastery.get(deck.id);
    const reviews = input.reviewsByDeck.get(deck.id);
    if (!selected.has(deck.id) && !(m && m.seen > 0) && !reviews) continue;
    decks.push({
      id: deck.id,
      title: deck.title,
      department: deck.department,
      items: m?.items ?? 0,
      seen: m?.seen ?? 0,
      stable: m?.stable ?? 0,
      mastery: Math.round((m?.share ?? 0) * 1000) / 1000,
      reviews: reviews ?? 0,
      lastReviewed: iso(lastReview.get(deck.id)),
    });
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
    drills: [],
  };
}

/** Gathers the report's data from the database: items once, the log only through its indexes. */
export async function collectReport(
  db: VaktaalDB,
  decks: readonly Deck[],
  options: { trainee: string; selected: readonly string[]; now?: number },
): Promise<TraineeReport> {
  const now = options.now ?? Date.now();
  const items = await db.items.toArray();
  const reviewedAt = (await db.logs.orderBy('reviewedAt').keys()) as number[];
  const reviewsByDeck = new Map<string, number>();
  for (const deck of decks) {
    const count = await db.logs.where('deckId').equals(deck.id).count();
    if (count) reviewsByDeck.set(deck.id, count);
  }
  return buildReport({ trainee: options.trainee, decks, items, reviewsByDeck, reviewedAt, selected: options.selected, now });
}

export function reportFileName(report: Pick<TraineeReport, 'trainee' | 'createdAt'>): string {
  const name = report.trainee
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `vaktaal-rapport-${name ? `${name}-` : ''}${report.createdAt.slice(0, 10)}.json`;
}

// ---- Reading reports (the coach view) ----

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.number().int().min(1),
  createdAt: isoDate,
  trainee: z.string(),
  definitions: z.object({ stableDays: z.number(), leechLapses: z.number() }),
  totals: z.object({
    reviews: z.number().int().min(0),
    studyDays: z.number().int().min(0),
    firstReview: isoDate.nullable(),
    lastReview: isoDate.nullable(),
  }),
  decks: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      department: z.string(),
      items: z.number().int().min(0),
      seen: z.number().int().min(0),
      stable: z.number().int().min(0),
      mastery: z.number().min(0).max(1),
      reviews: z.number().int().min(0),
      lastReviewed: isoDate.nullable(),
    }),
  ),
  weeks: z.array(z.object({ week: z.string(), reviews: z.number().int().min(0), days: z.number().int().min(0) })),
  difficult: z.array(
    z.object({
      deckId: z.string(),
      cardId: z.string(),
      term: z.string(),
      article: z.string().optional(),
      lapses: z.number().int().min(0),
      kinds: z.array(z.string()),
    }),
  ),
  drills: z.array(z.unknown()),
});

export type ReportProblemCode = 'corrupt' | 'not-report' | 'newer-version' | 'invalid';
export type ParsedReport = { ok: true; report: TraineeReport } | { ok: false; code: ReportProblemCode; params: Record<string, string> };

export function parseReport(text: string): ParsedReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, code: 'corrupt', params: {} };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== REPORT_FORMAT) return { ok: false, code: 'not-report', params: {} };
  if (typeof head.version === 'number' && head.version > REPORT_VERSION) {
    return { ok: false, code: 'newer-version', params: { version: String(head.version) } };
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    return { ok: false, code: 'invalid', params: { path } };
  }
  return { ok: true, report: parsed.data as TraineeReport };
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
        entry = { deckId: word.deckId, cardId: word.cardId, term: word.term, ...(word.article ? { article: word.article } : {}), reports: [] };
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
