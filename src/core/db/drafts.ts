import type { VaktaalDB } from './database.ts';

/** A text written at the writing desk. Saved as the trainee types; never deleted but by the trainee. */
export interface DraftRow {
  id: string;
  /** The writing prompt it answers (`<file id>/<prompt id>`), if any. */
  promptId?: string;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  /** Words the trainee told the spelling check to accept in this draft (lowercase). */
  ignored?: string[];
  /** For a draft without a prompt: an e-mail or a short text, and u or je. */
  kind?: 'email' | 'text';
  register?: 'u' | 'je';
}

/**
 * Writes a draft unless the stored one is newer: a late debounced save or a recovered journal
 * entry never overwrites text typed after it (e.g. in a second tab). Returns whether it was written.
 */
export async function saveDraft(db: Pick<VaktaalDB, 'transaction' | 'drafts'>, draft: DraftRow): Promise<boolean> {
  return db.transaction('rw', db.drafts, async () => {
    const stored = await db.drafts.get(draft.id);
    if (stored && stored.updatedAt > draft.updatedAt) return false;
    await db.drafts.put(draft);
    return true;
  });
}

/** Newest first, through the updatedAt index. */
export async function listDrafts(db: Pick<VaktaalDB, 'drafts'>): Promise<DraftRow[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

export async function getDraft(db: Pick<VaktaalDB, 'drafts'>, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

export async function deleteDraft(db: Pick<VaktaalDB, 'drafts'>, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/**
 * A synchronous copy of the draft being typed (localStorage in the app), written on every change:
 * IndexedDB writes are asynchronous and may not finish when a tab is closed or crashes. On the next
 * start the journal is merged back (recoverJournal), newer text winning.
 */
export interface DraftJournal {
  read(): DraftRow | undefined;
  write(draft: DraftRow): void;
  clear(id: string): void;
}

export async function recoverJournal(db: Pick<VaktaalDB, 'transaction' | 'drafts'>, journal: DraftJournal): Promise<DraftRow | undefined> {
  const entry = journal.read();
  if (!entry || typeof entry.id !== 'string' || typeof entry.text !== 'string' || typeof entry.updatedAt !== 'number') return undefined;
  await saveDraft(db, entry);
  // Only now, with the text safe in IndexedDB, may the copy go.
  journal.clear(entry.id);
  return entry;
}
