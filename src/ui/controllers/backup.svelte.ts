import {
  backupFileName,
  backupText,
  parseBackup,
  type Backup,
  type BackupProblem,
  type BackupSummary,
  type ImportMode,
  type ImportOutcome,
} from '../../core/db/backup.ts';
import { reloadData, updateSetting } from '../app.svelte.ts';
import { canShareFiles, downloadText, readText, shareText } from '../files.ts';
import { services } from '../services.ts';
import { requestPersistence, storageStatus, type StorageStatus } from '../storage.ts';
import type { Notice } from './notice.ts';

/** Backup, restore and "delete all my data", for the backup screen. */
export const backupActions = {
  /** The whole device as a backup file's name and text; remembers when it was made (for the reminder). */
  async make(now = Date.now()): Promise<{ name: string; text: string }> {
    const backup = await (await services().backup()).export(now);
    await updateSetting('lastBackupAt', now);
    return { name: backupFileName(now), text: backupText(backup) };
  },
  async restore(backup: Backup, mode: ImportMode): Promise<ImportOutcome> {
    const outcome = await (await services().backup()).restore(backup, mode);
    await reloadData();
    return outcome;
  },
  reviewCount: async (): Promise<number> => (await services().backup()).reviewCount(),
  async deleteAll(): Promise<void> {
    await (await services().backup()).deleteAll();
    await reloadData();
  },
};

/** A checked backup file waiting for the trainee's choice (merge or replace). */
export interface PendingBackup {
  backup: Backup;
  summary: BackupSummary;
  file: string;
}

/** The backup screen: make a backup, check and apply one, persistent storage, delete everything. */
export class BackupController {
  storage = $state<StorageStatus>({ persisted: undefined, usage: undefined, quota: undefined });
  /** The browser's answer to "keep my data": an i18n key, '' before asking. */
  persistAnswer = $state('');
  busy = $state(false);
  readonly canShare = canShareFiles();

  exported = $state<Notice | undefined>();
  exportFailed = $state(false);

  /** Raw: IndexedDB cannot store Svelte's proxies, and the backup goes there as it is. */
  pending = $state.raw<PendingBackup | undefined>();
  refusal = $state<BackupProblem | undefined>();
  restored = $state<Notice | undefined>();
  restoreFailed = $state(false);

  /** Review rows that "delete everything" would remove (asked for before the question). */
  logCount = $state(0);
  deleted = $state(false);
  deleteFailed = $state(false);

  async load(): Promise<void> {
    this.storage = await storageStatus();
  }

  /** Downloads the backup file, or shares it (phones) when `share` is set. */
  async export(share = false): Promise<void> {
    this.exported = undefined;
    this.exportFailed = false;
    try {
      const { name, text } = await backupActions.make();
      if (!share) downloadText(name, text);
      else if (!(await shareText(name, text))) return; // the trainee cancelled the share sheet
      this.exported = { key: 'backup.exported', params: { file: name } };
    } catch (error) {
      console.error(error);
      this.exportFailed = true;
    }
  }

  /** Reads and checks a backup file; nothing is applied before the trainee chooses. */
  async check(file: File): Promise<void> {
    this.pending = undefined;
    this.refusal = undefined;
    this.restored = undefined;
    this.restoreFailed = false;
    this.busy = true;
    try {
      const parsed = parseBackup(await readText(file));
      if (parsed.ok) this.pending = { backup: parsed.backup, summary: parsed.summary, file: file.name };
      else this.refusal = parsed.problem;
    } catch {
      this.refusal = { code: 'corrupt', params: {} };
    } finally {
      this.busy = false;
    }
  }

  async apply(mode: ImportMode): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.restoreFailed = false;
    await this.#change(
      async () => {
        const outcome = await backupActions.restore(pending.backup, mode);
        this.restored =
          mode === 'merge'
            ? { key: 'backup.mergedWords', params: { logs: outcome.logsAdded, words: outcome.wordsAnswered } }
            : { key: 'backup.replacedWords', params: { logs: outcome.logsAdded, words: pending.summary.wordsPractised } };
        this.pending = undefined;
      },
      () => (this.restoreFailed = true),
    );
  }

  /** Before the question "delete everything?": how many reviews it would take. */
  async prepareDelete(): Promise<void> {
    this.logCount = await backupActions.reviewCount();
    this.deleted = false;
    this.deleteFailed = false;
  }

  async deleteAll(): Promise<void> {
    await this.#change(
      async () => {
        await backupActions.deleteAll();
        this.deleted = true;
      },
      () => (this.deleteFailed = true),
    );
  }

  async persist(): Promise<void> {
    const granted = await requestPersistence();
    this.persistAnswer = granted ? 'storage.granted' : 'storage.denied';
    this.storage = await storageStatus();
  }

  /** A step that changes the data: the buttons wait meanwhile, the storage figures follow, a failure is logged and flagged. */
  async #change(step: () => Promise<void>, failed: () => void): Promise<void> {
    this.busy = true;
    try {
      await step();
      this.storage = await storageStatus();
    } catch (error) {
      console.error(error);
      failed();
    } finally {
      this.busy = false;
    }
  }
}
