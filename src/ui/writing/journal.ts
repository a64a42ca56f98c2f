import type { DraftJournal, DraftRow } from '../../core/db/drafts.ts';
import { storageJournal } from '../storageJournal.ts';

/**
 * The draft being typed, copied synchronously to localStorage on every change: if the tab is
 * closed or crashes before IndexedDB has the text, the next start recovers it (recoverJournal).
 */
export const localJournal: DraftJournal = storageJournal<DraftRow>('vaktaal.draftJournal');
