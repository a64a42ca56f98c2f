/**
 * A one-row journal in localStorage: written synchronously, so it survives a tab that is closed,
 * reloaded or crashes before the asynchronous IndexedDB write finishes. Shared by the writing
 * draft and the studio draft journals.
 */
export interface LocalJournal<Row extends { id: string }> {
  read(): Row | undefined;
  write(row: Row): void;
  /** Removes the row, but only when it is the one with this id (or there is none readable). */
  clear(id: string): void;
}

export function storageJournal<Row extends { id: string }>(key: string): LocalJournal<Row> {
  return {
    read() {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as Row) : undefined;
      } catch {
        return undefined;
      }
    },
    write(row) {
      try {
        localStorage.setItem(key, JSON.stringify(row));
      } catch {
        // Storage full or blocked: IndexedDB still gets the draft a moment later.
      }
    },
    clear(id) {
      try {
        const current = this.read();
        if (!current || current.id === id) localStorage.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
