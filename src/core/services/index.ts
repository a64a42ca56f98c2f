/**
 * The one door from the screens into the domain. The composition root (src/ui/services.ts) opens
 * the database and calls createServices once; screens' controllers use what it returns and never
 * touch storage themselves. Light services (what Today needs to show its numbers) are created at
 * once; the others are loaded when first asked for, so the first-load bundle does not carry the
 * scheduler, zod, the backup format or the report.
 */
import type { VaktaalDB } from '../db/database.ts';
import { createDeckService, type LoadJson } from './decks.ts';
import { createFirstRunService } from './firstRun.ts';
import { createSettingsService } from './settings.ts';
import { createTodayService } from './today.ts';

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () =>
    (value ??= load().catch((error: unknown) => {
      value = undefined;
      throw error;
    }));
}

export interface ServiceOptions {
  loadJson: LoadJson;
  /** The desired retention now (a setting); the scheduler follows it. */
  retention: () => number;
}

export function createServices(db: VaktaalDB, options: ServiceOptions) {
  const decks = createDeckService(db, options.loadJson);
  const settings = createSettingsService(db);
  return {
    settings,
    firstRun: createFirstRunService(db, settings),
    decks,
    today: createTodayService(db),
    practice: lazy(async () => (await import('./practice.ts')).createPracticeService(db, options.retention)),
    drills: lazy(async () => (await import('./drills.ts')).createDrillService(db, options.loadJson)),
    progress: lazy(async () => (await import('./progress.ts')).createProgressService(db)),
    backup: lazy(async () => (await import('./backup.ts')).createBackupService(db, options.retention)),
    drafts: lazy(async () => (await import('./drafts.ts')).createDraftService(db)),
    report: lazy(async () => (await import('./report.ts')).createReportService(db)),
    studio: lazy(async () => (await import('./studio.ts')).createStudioService(db, decks)),
  };
}

export type Services = ReturnType<typeof createServices>;
