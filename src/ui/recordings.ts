import type { Card } from '../core/content/model.ts';
import { app, isBuiltInDeck } from './app.svelte.ts';
import { services } from './services.ts';

/** Object URLs of stored recordings, made once per recording while the page lives. */
const urls = new Map<string, string>();
/** Cards the studio previews: a draft's card plays the recording made for it (see previewRecording). */
const previews = new WeakMap<Card, string>();

/** The studio's preview: this card object (a draft's, not in any deck) plays from this URL. */
export function previewRecording(card: Card, url: string): void {
  previews.set(card, url);
}

/**
 * Where a card's recording plays from: a built-in deck's file (`audio/<name>`, precached), or the
 * recording stored with a deck added on this device (a package, an Anki import, the studio).
 */
export async function audioSource(card: Card, name: string): Promise<string> {
  const preview = previews.get(card);
  if (preview) return preview;
  const deck = app.decks.find((d) => d.cards.includes(card));
  if (deck && !isBuiltInDeck(deck.id)) {
    const key = `${deck.id}/${name}`;
    const known = urls.get(key);
    if (known) return known;
    const recording = await services().decks.recording(deck.id, name);
    if (recording) {
      const url = URL.createObjectURL(new Blob([recording.bytes.slice()], { type: recording.type }));
      urls.set(key, url);
      return url;
    }
  }
  return `${import.meta.env.BASE_URL}audio/${encodeURIComponent(name)}`;
}
