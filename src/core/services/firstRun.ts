import type { VaktaalDB } from '../db/database.ts';
import { isFirstRun } from '../settings/firstRun.ts';
import type { SettingsService } from './settings.ts';

export type FirstRunDb = Pick<VaktaalDB, 'logs'>;

export interface WelcomeChoice {
  /** The UI language chosen; left out when skipped (the browser's language keeps applying). */
  lang?: string;
  selectedDecks?: string[];
}

/** The first-run welcome: whether to show it, and storing what the trainee chose (or that they skipped). */
export function createFirstRunService(db: FirstRunDb, settings: SettingsService) {
  return {
    async isFirstRun(): Promise<boolean> {
      const [storedSettings, answers] = await Promise.all([settings.storedCount(), db.logs.count()]);
      return isFirstRun({ storedSettings, answers });
    },
    /** Stores the choice with the "welcomed" mark in one transaction, so the welcome never comes back half-answered. */
    complete: (choice: WelcomeChoice) => settings.saveAll({ ...choice, welcomed: true }),
  };
}

export type FirstRunService = ReturnType<typeof createFirstRunService>;
