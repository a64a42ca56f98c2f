import type { VaktaalDB } from '../db/database.ts';
import { sanitizeSetting, settingsFromRows, type Settings } from '../settings/settings.ts';

export type SettingsDb = Pick<VaktaalDB, 'settings' | 'transaction'>;

/** Every read and write of the trainee's settings. What is stored is what the screens show. */
export function createSettingsService(db: SettingsDb) {
  return {
    async load(): Promise<Settings> {
      return settingsFromRows(await db.settings.toArray());
    },
    /** Stores a setting (clamped / sanitized by the settings schema) and returns the value as stored. */
    async save<K extends keyof Settings>(key: K, value: unknown): Promise<Settings[K]> {
      const stored = sanitizeSetting(key, value);
      await db.settings.put({ key, value: stored });
      return stored;
    },
    /** Stores several settings in one transaction (all or none), each sanitized; returns them as stored. */
    async saveAll(values: Partial<Settings>): Promise<Partial<Settings>> {
      const rows = Object.entries(values).map(([key, value]) => ({ key, value: sanitizeSetting(key as keyof Settings, value) }));
      await db.transaction('rw', db.settings, () => db.settings.bulkPut(rows));
      return Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>;
    },
    /** How many settings are stored: none on a device that never chose anything. */
    storedCount: (): Promise<number> => db.settings.count(),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
