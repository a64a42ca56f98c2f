/**
 * One draft at the writing desk, kept safe while the trainee types: every change is copied at once
 * to a synchronous localStorage journal (a crash or a closed tab loses nothing), and saved to
 * IndexedDB a moment later, or at once when the page is hidden (flush).
 */
import type { DraftRow } from '../../core/db/drafts.ts';
import { newDraftId } from '../../core/writing/draftId.ts';
import { promptById } from '../writing/drillData.svelte.ts';
import { localJournal } from '../writing/journal.ts';
import { drafts } from './drafts.svelte.ts';

const SAVE_DELAY = 500;

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

/** A free text is named after its first line (a prompt's draft keeps the prompt's title). */
function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 60);
}

/** One draft: opened or created, journaled on every change, saved a moment later or when the page is hidden. */
export class DraftEditor {
  draft = $state<DraftRow | undefined>();
  status = $state<SaveStatus>('saved');
  savedAt = $state(0);
  /** Whether the draft is in IndexedDB: an empty new draft is not stored, an emptied stored one is. */
  #persisted = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The stored draft `id`, or a new one (for `promptId`, if that prompt exists). Merges the journal back first. */
  async open(id: string | undefined, promptId: string | undefined, now = Date.now()): Promise<DraftRow> {
    await drafts.recover(localJournal).catch((e: unknown) => console.error(e));
    const stored = id ? await drafts.get(id) : undefined;
    this.#persisted = !!stored;
    // A new draft, or one reloaded before its first word was typed (it was never saved).
    const prompt = promptId ? promptById(promptId) : undefined;
    const draft: DraftRow = stored ?? {
      id: id ?? newDraftId(now),
      ...(prompt ? { promptId: prompt.id } : { kind: 'email', register: 'u' }),
      title: prompt?.title ?? '',
      text: '',
      createdAt: now,
      updatedAt: now,
    };
    this.draft = draft;
    this.savedAt = draft.updatedAt;
    return draft;
  }

  /** Changes the draft: journaled now, saved a moment later. */
  change(patch: Partial<Pick<DraftRow, 'text' | 'kind' | 'register' | 'ignored'>>, now = Date.now()): void {
    const draft = this.draft;
    if (!draft) return;
    Object.assign(draft, patch, { updatedAt: now });
    if (!draft.promptId) draft.title = firstLine(draft.text);
    if (draft.text.trim() || this.#persisted) localJournal.write($state.snapshot(draft));
    this.status = 'unsaved';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY);
  }

  /** Saves now if anything is unsaved (the page is hidden, the trainee leaves the desk). */
  flush(): void {
    if (this.status !== 'unsaved') return;
    clearTimeout(this.#timer);
    void this.#save();
  }

  async #save(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    if (!draft.text.trim() && !this.#persisted) {
      this.status = 'saved'; // nothing typed yet: nothing to keep
      return;
    }
    const snapshot = $state.snapshot(draft);
    this.status = 'saving';
    try {
      await drafts.save(snapshot);
      this.#persisted = true;
      // Typing went on while saving: that text is saved by the next round.
      if (draft.updatedAt !== snapshot.updatedAt) return;
      this.status = 'saved';
      this.savedAt = snapshot.updatedAt;
      const journal = localJournal.read();
      if (journal && journal.id === snapshot.id && journal.updatedAt <= snapshot.updatedAt) localJournal.clear(snapshot.id);
    } catch (e) {
      console.error(e);
      this.status = 'failed';
    }
  }
}
