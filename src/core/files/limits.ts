/**
 * The largest file the app reads, per kind: larger files are refused with a message before they
 * are parsed (the coaches' guide states these). A backup of 200,000 answers is about 60 MB.
 * Plain numbers with no imports: screens show them without loading the parsers.
 */
/** A deck file (YAML or CSV); a deck of 10,000 cards is about 3 MB. */
export const MAX_DECK_FILE_BYTES = 10 * 1024 * 1024;
/** A deck package (.vaktaal: the deck and its recordings), compressed or not: 50 MB holds hours of speech. */
export const DECK_PACKAGE_MAX_BYTES = 50 * 1024 * 1024;
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
