import type { DraftJournal, DraftRow } from '../../core/db/drafts.ts';
import { services } from '../services.ts';

/** The writing desk's drafts, for the Write and Desk screens. */
export const drafts = {
  list: async (): Promise<DraftRow[]> => (await services().drafts()).list(),
  get: async (id: string): Promise<DraftRow | undefined> => (await services().drafts()).get(id),
  save: async (draft: DraftRow): Promise<boolean> => (await services().drafts()).save(draft),
  remove: async (id: string): Promise<void> => (await services().drafts()).remove(id),
  recover: async (journal: DraftJournal): Promise<DraftRow | undefined> => (await services().drafts()).recover(journal),
};
