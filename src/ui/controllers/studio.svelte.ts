import { AUDIO_TYPES } from '../../core/content/deckPackage.ts';
import type { Deck } from '../../core/content/model.ts';
import type { StudioDraftRow } from '../../core/db/database.ts';
import type { StudioRecording } from '../../core/services/studio.ts';
import { app, isBuiltInDeck } from '../app.svelte.ts';
import { navigate } from '../router.svelte.ts';
import { services } from '../services.ts';
import { studioJournal } from '../studio/journal.ts';

/** The studio's editor for one draft. */
export function openDraft(id: string, options: { replace?: boolean; card?: string } = {}): void {
  const card = options.card ? `&card=${encodeURIComponent(options.card)}` : '';
  navigate(`/studio/edit?draft=${encodeURIComponent(id)}${card}`, options.replace ? { replace: true } : {});
}

/** "Edit this card" for a deck added on this device: its draft in the studio, at that card. */
export async function editCard(deckId: string, cardId: string): Promise<void> {
  const deck = app.decks.find((d) => d.id === deckId);
  if (!deck || isBuiltInDeck(deckId)) return;
  const row = await (await services().studio()).edit(deck, await importedRecordings(deck));
  openDraft(row.id, { card: cardId });
}

/** A built-in deck's recordings are files of the app (precached); fetched so the copy holds them itself. */
async function builtInRecordings(deck: Deck): Promise<StudioRecording[]> {
  const names = [...new Set(deck.cards.map((c) => c.audio).filter((a): a is string => !!a))];
  const out: StudioRecording[] = [];
  for (const name of names) {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}audio/${encodeURIComponent(name)}`);
      if (!response.ok) continue;
      const type = AUDIO_TYPES.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ?? 'application/octet-stream';
      out.push({ name, type, bytes: new Uint8Array(await response.arrayBuffer()) });
    } catch (error) {
      // Offline before it was cached: the copy goes without it (the card then uses a speech voice).
      console.warn('recording not copied', name, error);
    }
  }
  return out;
}

async function importedRecordings(deck: Deck): Promise<StudioRecording[]> {
  const names = [...new Set(deck.cards.map((c) => c.audio).filter((a): a is string => !!a))];
  const found = await Promise.all(names.map((name) => services().decks.recording(deck.id, name)));
  return found.filter((r): r is StudioRecording => !!r);
}

/** The studio's first screen: her drafts, the decks on this device, a new deck, a copy of a deck. */
export class StudioListController {
  drafts = $state.raw<StudioDraftRow[]>([]);
  loaded = $state(false);
  busy = $state(false);
  /** i18n key of the last failure. */
  error = $state('');

  readonly builtIn = $derived(app.decks.filter((d) => isBuiltInDeck(d.id)));
  readonly imported = $derived(app.decks.filter((d) => !isBuiltInDeck(d.id)));

  async load(): Promise<void> {
    const studio = await services().studio();
    await studio.recover(studioJournal).catch((e: unknown) => console.error(e));
    this.drafts = await studio.list();
    this.loaded = true;
  }

  private async run(work: () => Promise<StudioDraftRow>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      openDraft((await work()).id);
    } catch (error) {
      console.error(error);
      this.error = 'studio.list.failed';
    } finally {
      this.busy = false;
    }
  }

  create(): Promise<void> {
    return this.run(async () => (await services().studio()).create());
  }

  /** A copy of any deck, under a new id: a deck of her own to change and share. */
  copy(deckId: string): Promise<void> {
    return this.run(async () => {
      const deck = app.decks.find((d) => d.id === deckId);
      if (!deck) throw new Error(`no deck ${deckId}`);
      const recordings = isBuiltInDeck(deckId) ? await builtInRecordings(deck) : await importedRecordings(deck);
      return (await services().studio()).copy(deck, recordings);
    });
  }

  /** A deck added on this device, edited under its own id (practising it again updates it). */
  edit(deckId: string): Promise<void> {
    return this.run(async () => {
      const deck = app.decks.find((d) => d.id === deckId);
      if (!deck) throw new Error(`no deck ${deckId}`);
      return (await services().studio()).edit(deck, await importedRecordings(deck));
    });
  }

  async remove(id: string): Promise<void> {
    const studio = await services().studio();
    await studio.remove(id);
    this.drafts = await studio.list();
  }
}
