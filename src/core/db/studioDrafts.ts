import type { RecordingRow, StudioDraftRow, VaktaalDB } from './database.ts';
import { recordingKey } from './importedDecks.ts';

/*
 * Decks being written in the studio, and the recordings made for them (RecordingRows under the
 * deck id `studio:<draft id>`, so they never mix with an installed deck's).
 */

export type StudioDb = Pick<VaktaalDB, 'transaction' | 'studioDrafts' | 'recordings'>;

/** The deck id a draft's recordings are stored under. */
export const studioRecordingsId = (draftId: string) => `studio:${draftId}`;

/**
 * Writes a draft unless the stored one is newer: a late debounced save or a recovered journal
 * entry never overwrites what was typed after it (a second tab, say). Returns whether it was written.
 */
export async function saveStudioDraft(db: StudioDb, row: StudioDraftRow): Promise<boolean> {
  return db.transaction('rw', db.studioDrafts, async () => {
    const stored = await db.studioDrafts.get(row.id);
    if (stored && stored.updatedAt > row.updatedAt) return false;
    await db.studioDrafts.put(row);
    return true;
  });
}

/** Newest first, through the updatedAt index. */
export function listStudioDrafts(db: StudioDb): Promise<StudioDraftRow[]> {
  return db.studioDrafts.orderBy('updatedAt').reverse().toArray();
}

export function getStudioDraft(db: StudioDb, id: string): Promise<StudioDraftRow | undefined> {
  return db.studioDrafts.get(id);
}

/** Removes a draft and its recordings together. */
export async function deleteStudioDraft(db: StudioDb, id: string): Promise<void> {
  await db.transaction('rw', [db.studioDrafts, db.recordings], async () => {
    await db.recordings.where('deckId').equals(studioRecordingsId(id)).delete();
    await db.studioDrafts.delete(id);
  });
}

/** Stores a draft with the recordings it starts with (a copy of a deck that has some), in one transaction. */
export async function createStudioDraft(
  db: StudioDb,
  row: StudioDraftRow,
  recordings: readonly Omit<RecordingRow, 'key' | 'deckId'>[] = [],
): Promise<void> {
  await db.transaction('rw', [db.studioDrafts, db.recordings], async () => {
    await db.studioDrafts.add(row);
    const deckId = studioRecordingsId(row.id);
    await db.recordings.bulkPut(recordings.map((r) => ({ ...r, key: recordingKey(deckId, r.name), deckId })));
  });
}

export async function putStudioRecording(db: StudioDb, draftId: string, recording: Omit<RecordingRow, 'key' | 'deckId'>): Promise<void> {
  const deckId = studioRecordingsId(draftId);
  await db.recordings.put({ ...recording, key: recordingKey(deckId, recording.name), deckId });
}

export function getStudioRecording(db: StudioDb, draftId: string, name: string): Promise<RecordingRow | undefined> {
  return db.recordings.get(recordingKey(studioRecordingsId(draftId), name));
}

export async function deleteStudioRecording(db: StudioDb, draftId: string, name: string): Promise<void> {
  await db.recordings.delete(recordingKey(studioRecordingsId(draftId), name));
}

export function listStudioRecordings(db: StudioDb, draftId: string): Promise<RecordingRow[]> {
  return db.recordings.where('deckId').equals(studioRecordingsId(draftId)).toArray();
}
