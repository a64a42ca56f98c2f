import { MAX_DECK_FILE_BYTES } from '../content/deckFile.ts';
import { DECK_PACKAGE_MAX_BYTES } from '../content/deckPackage.ts';

/**
 * The largest file the app reads, per kind: larger files are refused with a message before they
 * are parsed (the coaches' guide states these). A backup of 200,000 answers is about 60 MB.
 */
export const BACKUP_MAX_BYTES = 256 * 1024 * 1024;
/** A coach report holds counts, not the log: a few kilobytes; 5 MB leaves room for years. */
export const REPORT_MAX_BYTES = 5 * 1024 * 1024;

export const FILE_LIMITS = {
  deck: MAX_DECK_FILE_BYTES,
  package: DECK_PACKAGE_MAX_BYTES,
  backup: BACKUP_MAX_BYTES,
  report: REPORT_MAX_BYTES,
} as const;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
