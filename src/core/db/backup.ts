import { z } from 'zod';
import type { FSRS } from 'ts-fsrs';
import { replay } from '../srs/scheduler.ts';
import { DRILL_KINDS } from '../drills/drillSchema.ts';
import { EXERCISE_KINDS } from '../exercises/kinds.ts';
import { FsrsState, type ReviewItem, type ReviewLogRow } from '../srs/types.ts';
import { instantIso, instantMs } from '../files/instant.ts';
import { readVersionedJson } from '../files/versionedJson.ts';
import { legacyLogUid } from './legacyLogUid.ts';
import { totalWords, wordsAnswered, wordsByDeck } from '../progress/words.ts';

export { legacyLogUid };
import { fromBase64, toBase64 } from '../files/base64.ts';
import { BACKUP_MAX_BYTES, megabytes } from '../files/limits.ts';
import {
  SCHEMA_VERSION,
  type ImportedDeckRow,
  type RecordingRow,
  type SettingRow,
  type StudioDraftRow,
  type VaktaalDB,
} from './database.ts';
import type { DraftRow } from './drafts.ts';

/**
 * Backup: everything on this device in one versioned JSON file.
 *
 * {
 *   "format": "vaktaal-backup",      // what this file is
 *   "version": 2,                    // version of this file format (BACKUP_VERSION)
 *   "schemaVersion": 3,              // Dexie schema version the rows were written with
 *   "createdAt": "2026-11-24T12:00:00.000Z",
 *   "data": { "items": [...], "logs": [...], "settings": [...], "importedDecks": [...] }
 * }
 *
 * Import is all or nothing: the file is parsed and validated completely first (parseBackup), then
 * written in one Dexie transaction (applyBackup). A corrupt file, a newer format version or a
 * newer schema is refused whole and the database is not touched.
 */
export const BACKUP_FORMAT = 'vaktaal-backup';
/**
 * 2: every review carries `uid`, its identity (version 1 rows are given one derived from item and
 * moment, see legacyLogUid). Version 1 files are still read.
 */
export const BACKUP_VERSION = 2;
/** Oldest schema a backup may come from. v1 → v2 only added `importedDecks`, so v1 data loads as is. */
export const MIN_BACKUP_SCHEMA = 1;

/** Tables a backup carries. A new table must be added here or to DERIVED_TABLES (a unit test checks). */
export const BACKUP_TABLES = ['items', 'logs', 'settings', 'importedDecks', 'drafts', 'recordings', 'studioDrafts'] as const;
/** Tables rebuilt from the others and so left out: deckSync is redone by syncDeck on the next load. */
export const DERIVED_TABLES = ['deckSync'] as const;

export interface BackupData {
  items: ReviewItem[];
  logs: ReviewLogRow[];
  settings: SettingRow[];
  importedDecks: ImportedDeckRow[];
  /** Writing-desk texts. */
  drafts: DraftRow[];
  /** Recordings of decks added on this device and of studio drafts (bytes as base64 in the file). */
  recordings: RecordingRow[];
  /** Decks being written in the studio. */
  studioDrafts: StudioDraftRow[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  createdAt: string;
  data: BackupData;
}

// Known fields are checked; fields a later minor change adds to a row (without a schema bump) are
// kept as they are (looseObject), so a round trip never drops data.
const num = z.number();
const int0 = z.number().int().min(0);
const str = z.string().min(1);
const stateNum = z.number().int().min(0).max(3);

const fsrsSchema = z.looseObject({
  due: instantMs,
  stability: num,
  difficulty: num,
  elapsed_days: num,
  scheduled_days: num,
  learning_steps: num,
  reps: int0,
  lapses: int0,
  state: stateNum,
  last_review: instantMs.optional(),
});

const itemKind = z.enum([...EXERCISE_KINDS, ...DRILL_KINDS]);

const itemSchema = z.looseObject({
  id: str,
  deckId: str,
  cardId: str,
  kind: itemKind,
  cardKey: str,
  fsrs: fsrsSchema,
  due: instantMs.optional(),
  newRank: num.optional(),
  order: num,
  active: z.boolean(),
  known: z.literal(true).optional(),
});

const logSchema = z.looseObject({
  id: z.number().int().positive().optional(),
  uid: str.optional(),
  itemId: str,
  cardKey: str,
  deckId: str,
  kind: itemKind,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  stateBefore: stateNum,
  reviewedAt: instantMs,
  durationMs: num,
  answer: z.string().optional(),
  stateAfter: stateNum,
  dueAfter: instantMs,
  stabilityAfter: num,
});

const settingSchema = z.strictObject({ key: str, value: z.unknown() });

const cardSchema = z.looseObject({
  id: str,
  term: str,
  article: z.enum(['de', 'het']).optional(),
  definition: str,
  example: z.string().optional(),
  plain: z.string().optional(),
  alternatives: z.array(z.string()),
  translations: z.record(z.string(), z.string()),
  line: num,
});

const deckSchema = z.looseObject({
  id: str,
  title: str,
  department: str,
  source: z.string(),
  cardCount: int0,
  hash: str,
  cards: z.array(cardSchema),
});

const importedDeckSchema = z.strictObject({
  id: str,
  deck: deckSchema,
  fileName: z.string(),
  importedAt: instantMs,
});

const draftSchema = z.looseObject({
  id: str,
  promptId: z.string().optional(),
  title: z.string(),
  text: z.string(),
  createdAt: instantMs,
  updatedAt: instantMs,
  ignored: z.array(z.string()).optional(),
});

/** A recording as the file holds it: the bytes as base64 text. */
const recordingSchema = z.strictObject({
  key: str,
  deckId: str,
  name: str,
  type: z.string().regex(/^audio\/[\w.+-]+$/),
  base64: z.string().transform((text, ctx) => {
    const bytes = fromBase64(text);
    if (!bytes) ctx.addIssue({ code: 'custom', message: 'not base64' });
    return bytes ?? new Uint8Array();
  }),
});

const studioDraftSchema = z.strictObject({
  id: str,
  deck: z.record(z.string(), z.unknown()),
  copiedFrom: z.string().optional(),
  createdAt: instantMs,
  updatedAt: instantMs,
});

const dataSchema = z.strictObject({
  items: z.array(itemSchema),
  logs: z.array(logSchema),
  settings: z.array(settingSchema),
  // Absent in a schema-1 backup (the table did not exist yet).
  importedDecks: z.array(importedDeckSchema).default([]),
  // Absent in backups made before the writing desk existed.
  drafts: z.array(draftSchema).default([]),
  // Absent before schema 4.
  recordings: z.array(recordingSchema).default([]),
  studioDrafts: z.array(studioDraftSchema).default([]),
});

export type BackupProblemCode =
  'too-large' | 'corrupt' | 'not-backup' | 'newer-format' | 'newer-schema' | 'older-schema' | 'invalid' | 'inconsistent';

/** Why a file was refused; `code` + `params` become the message in the UI language (`backup.errors.<code>`). */
export interface BackupProblem {
  code: BackupProblemCode;
  params: Record<string, string>;
}

export interface BackupSummary {
  createdAt: string;
  items: number;
  /** Items seen at least once. */
  seen: number;
  logs: number;
  importedDecks: number;
  decks: number;
  /** What a trainee recognises: words in the backup's decks, words practised (progress/words.ts). */
  words: number;
  wordsPractised: number;
  /** The first and the last answer (epoch ms), null without answers. */
  firstAnswer: number | null;
  lastAnswer: number | null;
}

export type ParsedBackup = { ok: true; backup: Backup; summary: BackupSummary } | { ok: false; problem: BackupProblem };

const refuse = (code: BackupProblemCode, params: Record<string, string> = {}): ParsedBackup => ({
  ok: false,
  problem: { code, params },
});

/** `data.items[3].fsrs.due`: where in the file a value is wrong. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => out + (typeof p === 'number' ? `[${p}]` : `.${String(p)}`), 'data');
}

/** Rules across rows that a schema cannot express; returns what is wrong, or undefined. */
function inconsistency(data: BackupData): string | undefined {
  const itemIds = new Set<string>();
  for (const item of data.items) {
    if (itemIds.has(item.id)) return `item ${item.id} appears twice`;
    itemIds.add(item.id);
  }
  const logIds = new Set<number>();
  const identities = new Set<string>();
  for (const log of data.logs) {
    if (log.id !== undefined) {
      if (logIds.has(log.id)) return `log row ${log.id} appears twice`;
      logIds.add(log.id);
    }
    const identity = log.uid;
    if (identities.has(identity)) return `review ${identity} appears twice`;
    identities.add(identity);
    if (!itemIds.has(log.itemId)) return `review of ${log.itemId} has no item`;
  }
  const keys = new Set<string>();
  for (const row of data.settings) {
    if (keys.has(row.key)) return `setting ${row.key} appears twice`;
    keys.add(row.key);
  }
  const deckIds = new Set<string>();
  for (const row of data.importedDecks) {
    if (deckIds.has(row.id) || row.deck.id !== row.id) return `imported deck ${row.id} is not unique`;
    deckIds.add(row.id);
  }
  const draftIds = new Set<string>();
  for (const row of data.drafts) {
    if (draftIds.has(row.id)) return `draft ${row.id} appears twice`;
    draftIds.add(row.id);
  }
  return undefined;
}

/** Checks a backup file completely before anything is written. Never throws. */
export function parseBackup(text: string, maxBytes = BACKUP_MAX_BYTES): ParsedBackup {
  if (text.length > maxBytes) return refuse('too-large', { limit: megabytes(maxBytes) });
  const read = readVersionedJson(text, BACKUP_FORMAT, BACKUP_VERSION);
  if (!read.ok) {
    const { problem } = read;
    if (problem.code === 'corrupt') return refuse('corrupt', problem.params);
    if (problem.code === 'not-format') return refuse('not-backup');
    if (problem.code === 'invalid-version') return refuse('invalid', { path: 'version' });
    return refuse('newer-format', problem.params);
  }
  const head = read.raw as { version: number; schemaVersion?: unknown; createdAt?: unknown; data?: unknown };
  if (typeof head.schemaVersion !== 'number' || !Number.isInteger(head.schemaVersion)) {
    return refuse('invalid', { path: 'schemaVersion' });
  }
  if (head.schemaVersion > SCHEMA_VERSION) {
    return refuse('newer-schema', { version: String(head.schemaVersion), supported: String(SCHEMA_VERSION) });
  }
  if (head.schemaVersion < MIN_BACKUP_SCHEMA) {
    return refuse('older-schema', { version: String(head.schemaVersion) });
  }
  if (!instantIso.safeParse(head.createdAt).success) return refuse('invalid', { path: 'createdAt' });
  const createdAt = head.createdAt as string;
  const parsed = dataSchema.safeParse(head.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('invalid', { path: pathText(issue?.path ?? []) });
  }
  const data: BackupData = {
    ...parsed.data,
    logs: withUids(parsed.data.logs),
    recordings: parsed.data.recordings.map(({ base64, ...row }) => ({ ...row, bytes: base64 })),
  };
  const wrong = inconsistency(data);
  if (wrong) return refuse('inconsistent', { detail: wrong });
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: head.version,
    schemaVersion: head.schemaVersion,
    createdAt,
    data,
  };
  return { ok: true, backup, summary: summarize(backup) };
}

export function summarize(backup: Backup): BackupSummary {
  const { items, logs, importedDecks } = backup.data;
  const words = totalWords(wordsByDeck(items).values());
  return {
    createdAt: backup.createdAt,
    items: items.length,
    seen: items.filter((i) => i.fsrs.state !== FsrsState.New).length,
    logs: logs.length,
    importedDecks: importedDecks.length,
    decks: new Set(items.map((i) => i.deckId)).size,
    words: words.words,
    wordsPractised: words.learned + words.learning,
    firstAnswer: logs.length ? logs.reduce((min, r) => Math.min(min, r.reviewedAt), Infinity) : null,
    lastAnswer: logs.length ? logs.reduce((max, r) => Math.max(max, r.reviewedAt), -Infinity) : null,
  };
}

/** Everything on this device, read in one transaction so the snapshot is consistent. */
export async function exportBackup(db: VaktaalDB, now = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.items, db.logs, db.settings, db.importedDecks, db.drafts, db.recordings, db.studioDrafts], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date(now).toISOString(),
    data: {
      items: await db.items.toArray(),
      logs: await db.logs.toArray(),
      settings: await db.settings.toArray(),
      importedDecks: await db.importedDecks.toArray(),
      drafts: await db.drafts.toArray(),
      recordings: await db.recordings.toArray(),
      studioDrafts: await db.studioDrafts.toArray(),
    },
  }));
}

/** The backup file's text: recordings' bytes as base64 (what parseBackup reads back). */
export function backupText(backup: Backup): string {
  const recordings = backup.data.recordings.map(({ bytes, ...row }) => ({ ...row, base64: toBase64(bytes) }));
  return JSON.stringify({ ...backup, data: { ...backup.data, recordings } });
}

export function backupFileName(now = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `vaktaal-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Gives every row its identity: its own `uid`, or one derived the legacy way. */
function withUids<T extends Pick<ReviewLogRow, 'itemId' | 'reviewedAt'> & { uid?: string | undefined }>(
  rows: readonly T[],
): (T & { uid: string })[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (row.uid) return { ...row, uid: row.uid };
    const key = `${row.itemId}@${row.reviewedAt}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { ...row, uid: legacyLogUid(row, n) };
  });
}

/** A review's identity across devices: its uid (row ids are per device). */
export const logIdentity = (row: Pick<ReviewLogRow, 'uid'>): string => row.uid;

/**
 * - replace: this device's items, logs, settings and imported decks are removed and the backup's
 *   written instead (the UI asks for confirmation first).
 * - merge: nothing on this device is removed. Review logs are united (a review already here, by
 *   logIdentity, is not added twice). An item takes the state of the side whose reviews include
 *   the other side's; when both sides have reviews the other lacks, the state is rebuilt from the
 *   united log (the log is the source of truth), so no review is lost as with "latest wins".
 *   Settings this device has set stay; the backup fills in the others. An imported deck present
 *   on both sides keeps the most recently imported version.
 */
export type ImportMode = 'merge' | 'replace';

export interface ImportOutcome {
  mode: ImportMode;
  itemsAdded: number;
  itemsUpdated: number;
  logsAdded: number;
  settingsAdded: number;
  decksAdded: number;
  /** Different words among the answers added (what the screen says instead of items). */
  wordsAnswered: number;
}

function groupByItem(rows: readonly ReviewLogRow[]): Map<string, ReviewLogRow[]> {
  const out = new Map<string, ReviewLogRow[]>();
  for (const row of rows) {
    const list = out.get(row.itemId);
    if (list) list.push(row);
    else out.set(row.itemId, [row]);
  }
  return out;
}

const identities = (rows: readonly ReviewLogRow[] | undefined) => new Set((rows ?? []).map(logIdentity));

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size > b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * This device's item with another FSRS state. The item's other fields (active, order) follow this
 * device's deck version; the index fields follow the state (syncDeck refines them on the next load).
 */
function withState(mine: ReviewItem, fsrs: ReviewItem['fsrs']): ReviewItem {
  const next: ReviewItem = { ...mine, fsrs };
  if (fsrs.state !== FsrsState.New) {
    delete next.newRank;
    if (next.active) next.due = fsrs.due;
    else delete next.due;
  }
  return next;
}

/**
 * Writes a parsed backup in one transaction: if anything fails, nothing is changed. The deckSync
 * cache is cleared so every deck's items are brought in line with its current cards afterwards.
 */
export async function applyBackup(db: VaktaalDB, backup: Backup, mode: ImportMode, scheduler: FSRS): Promise<ImportOutcome> {
  const { data } = backup;
  const tables = [db.items, db.logs, db.settings, db.importedDecks, db.deckSync, db.drafts, db.recordings, db.studioDrafts];
  return db.transaction('rw', tables, async () => {
    if (mode === 'replace') {
      await Promise.all(tables.map((t) => t.clear()));
      await db.drafts.bulkAdd(data.drafts);
      await db.recordings.bulkAdd(data.recordings);
      await db.studioDrafts.bulkAdd(data.studioDrafts);
      await db.items.bulkAdd(data.items);
      await db.logs.bulkAdd(data.logs);
      await db.settings.bulkAdd(data.settings);
      await db.importedDecks.bulkAdd(data.importedDecks);
      return {
        mode,
        itemsAdded: data.items.length,
        itemsUpdated: 0,
        logsAdded: data.logs.length,
        settingsAdded: data.settings.length,
        decksAdded: data.importedDecks.length,
        wordsAnswered: wordsAnswered(data.logs),
      };
    }

    const outcome: ImportOutcome = {
      mode,
      itemsAdded: 0,
      itemsUpdated: 0,
      logsAdded: 0,
      settingsAdded: 0,
      decksAdded: 0,
      wordsAnswered: 0,
    };
    const mineLogs = await db.logs.toArray();
    const mineByItem = groupByItem(mineLogs);
    const theirsByItem = groupByItem(data.logs);
    const known = new Set(mineLogs.map(logIdentity));
    const usedIds = new Set(mineLogs.map((r) => r.id));

    // Logs: append the reviews this device does not have; keep their row id when it is free.
    const newLogs: ReviewLogRow[] = [];
    for (const row of data.logs) {
      if (known.has(logIdentity(row))) continue;
      const copy = { ...row };
      if (copy.id === undefined || usedIds.has(copy.id)) delete copy.id;
      else usedIds.add(copy.id);
      newLogs.push(copy);
    }

    // Items: the side whose reviews cover the other's wins; otherwise replay the united log.
    const mineItems = new Map((await db.items.bulkGet(data.items.map((i) => i.id))).flatMap((i) => (i ? [[i.id, i] as const] : [])));
    const newByItem = groupByItem(newLogs);
    const writes: ReviewItem[] = [];
    for (const theirs of data.items) {
      const mine = mineItems.get(theirs.id);
      if (!mine) {
        writes.push(theirs);
        outcome.itemsAdded++;
        continue;
      }
      const m = identities(mineByItem.get(theirs.id));
      const t = identities(theirsByItem.get(theirs.id));
      let next: ReviewItem;
      if (isSubset(m, t)) next = withState(mine, theirs.fsrs);
      else if (isSubset(t, m)) continue;
      else {
        const rows = [...(mineByItem.get(theirs.id) ?? []), ...(newByItem.get(theirs.id) ?? [])];
        const fsrs = replay(scheduler, rows);
        if (!fsrs) continue;
        next = withState(mine, fsrs);
      }
      // "I know this word" on either device: the word stays out of the new words while unseen.
      if (theirs.known && !next.known && next.fsrs.state === FsrsState.New) {
        next = { ...next, known: true };
        delete next.newRank;
      }
      if (JSON.stringify(next) !== JSON.stringify(mine)) {
        writes.push(next);
        outcome.itemsUpdated++;
      }
    }
    await db.items.bulkPut(writes);
    await db.logs.bulkAdd(newLogs);
    outcome.logsAdded = newLogs.length;
    outcome.wordsAnswered = wordsAnswered(newLogs);

    const mineSettings = new Set((await db.settings.toCollection().primaryKeys()) as string[]);
    const newSettings = data.settings.filter((s) => !mineSettings.has(s.key));
    await db.settings.bulkAdd(newSettings);
    outcome.settingsAdded = newSettings.length;

    for (const row of data.importedDecks) {
      const mine = await db.importedDecks.get(row.id);
      if (!mine || mine.importedAt < row.importedAt) {
        await db.importedDecks.put(row);
        outcome.decksAdded++;
      }
    }
    // Drafts: the most recently edited version of each wins; none is removed.
    for (const row of data.drafts) {
      const mine = await db.drafts.get(row.id);
      if (!mine || mine.updatedAt < row.updatedAt) await db.drafts.put(row);
    }
    // Studio drafts likewise; a recording this device lacks is added (one here stays).
    for (const row of data.studioDrafts) {
      const mine = await db.studioDrafts.get(row.id);
      if (!mine || mine.updatedAt < row.updatedAt) await db.studioDrafts.put(row);
    }
    const mineRecordings = new Set((await db.recordings.toCollection().primaryKeys()) as string[]);
    await db.recordings.bulkAdd(data.recordings.filter((r) => !mineRecordings.has(r.key)));
    await db.deckSync.clear();
    return outcome;
  });
}
