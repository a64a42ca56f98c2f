import { applyBackup, exportBackup, type Backup, type ImportMode, type ImportOutcome } from '../db/backup.ts';
import type { VaktaalDB } from '../db/database.ts';
import { createScheduler } from '../srs/scheduler.ts';

/** Backup, restore and "delete all my data": the only service that reaches every table. */
export function createBackupService(db: VaktaalDB, retention: () => number) {
  return {
    export: (now = Date.now()): Promise<Backup> => exportBackup(db, now),
    /** Writes a parsed, validated backup in one transaction (merge or replace). */
    restore: (backup: Backup, mode: ImportMode): Promise<ImportOutcome> =>
      applyBackup(db, backup, mode, createScheduler({ retention: retention() })),
    /** How many answers this device holds, for the confirmations. */
    reviewCount: (): Promise<number> => db.logs.count(),
    /** Every table, in one transaction. */
    async deleteAll(): Promise<void> {
      await db.transaction('rw', db.tables, async () => {
        await Promise.all(db.tables.map((t) => t.clear()));
      });
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
