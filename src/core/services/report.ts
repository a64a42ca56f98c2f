import type { Deck } from '../content/model.ts';
import { drillDeckId } from '../drills/drillModel.ts';
import type { VaktaalDB } from '../db/database.ts';
import { buildReport, type TraineeReport } from '../report/report.ts';

export type ReportDb = Pick<VaktaalDB, 'items' | 'logs'>;

/** The coach report, gathered from the database: items once, the log only through its indexes. */
export function createReportService(db: ReportDb) {
  return {
    async collect(input: {
      trainee: string;
      decks: readonly Deck[];
      drillSets: readonly { id: string; title: string }[];
      selected: readonly string[];
      now?: number;
    }): Promise<TraineeReport> {
      const now = input.now ?? Date.now();
      const items = await db.items.toArray();
      const reviewedAt = (await db.logs.orderBy('reviewedAt').keys()) as number[];
      const reviewsByDeck = new Map<string, number>();
      const deckIds = [...input.decks.map((d) => d.id), ...input.drillSets.map((s) => drillDeckId(s.id))];
      for (const id of deckIds) {
        const count = await db.logs.where('deckId').equals(id).count();
        if (count) reviewsByDeck.set(id, count);
      }
      return buildReport({
        trainee: input.trainee,
        decks: input.decks,
        drillSets: input.drillSets,
        items,
        reviewsByDeck,
        reviewedAt,
        selected: input.selected,
        now,
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
