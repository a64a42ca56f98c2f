import type { StudioDraftRow } from '../../core/db/database.ts';
import type { StudioJournal } from '../../core/services/studio.ts';

const KEY = 'vaktaal.studioJournal';

/**
 * The studio draft being edited, copied synchronously to localStorage (shortly after each change
 * and whenever the page is hidden): IndexedDB writes are asynchronous and may not finish when a
 * tab is closed, reloaded or crashes. The next visit merges it back (studio.recover), newer wins.
 */
export const studioJournal: StudioJournal = {
  read() {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as StudioDraftRow) : undefined;
    } catch {
      return undefined;
    }
  },
  write(row) {
    try {
      localStorage.setItem(KEY, JSON.stringify(row));
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
