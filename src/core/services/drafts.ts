import type { VaktaalDB } from '../db/database.ts';
import { deleteDraft, getDraft, listDrafts, recoverJournal, saveDraft, type DraftJournal, type DraftRow } from '../db/drafts.ts';

export type DraftsDb = Pick<VaktaalDB, 'transaction' | 'drafts'>;

/** The writing desk's texts: saved as the trainee types, merged back from the local journal after a crash. */
export function createDraftService(db: DraftsDb) {
  return {
    list: (): Promise<DraftRow[]> => listDrafts(db),
    get: (id: string): Promise<DraftRow | undefined> => getDraft(db, id),
    save: (draft: DraftRow): Promise<boolean> => saveDraft(db, draft),
    remove: (id: string): Promise<void> => deleteDraft(db, id),
    recover: (journal: DraftJournal): Promise<DraftRow | undefined> => recoverJournal(db, journal),
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
