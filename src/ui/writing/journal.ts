import type { DraftJournal, DraftRow } from '../../core/db/drafts.ts';

const KEY = 'vaktaal.draftJournal';

/**
 * The draft being typed, copied synchronously to localStorage on every change: if the tab is
 * closed or crashes before IndexedDB has the text, the next start recovers it (recoverJournal).
 */
export const localJournal: DraftJournal = {
  read() {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as DraftRow) : undefined;
    } catch {
      return undefined;
    }
  },
  write(draft) {
    try {
      localStorage.setItem(KEY, JSON.stringify(draft));
    } catch {
      // Storage full or blocked: IndexedDB still gets the draft a moment later.
    }
  },
  clear(id) {
    try {
      const current = this.read();
      if (!current || current.id === id) localStorage.removeItem(KEY);
    } catch {
      // nothing to clear
    }
  },
};
