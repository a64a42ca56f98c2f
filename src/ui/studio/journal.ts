import type { StudioDraftRow } from '../../core/db/database.ts';
import type { StudioJournal } from '../../core/services/studio.ts';
import { storageJournal } from '../storageJournal.ts';

/**
 * The studio draft being edited, copied synchronously to localStorage (shortly after each change
 * and whenever the page is hidden): IndexedDB writes are asynchronous and may not finish when a
 * tab is closed, reloaded or crashes. The next visit merges it back (studio.recover), newer wins.
 */
export const studioJournal: StudioJournal = storageJournal<StudioDraftRow>('vaktaal.studioJournal');
