import type { Card } from '../core/content/model.ts';
import { displayTerm } from '../core/content/model.ts';
import { chooseVoice } from '../core/exercises/voice.ts';

/** Reactive: the offline Dutch voice, once the browser has listed its voices (see chooseVoice). */
let voice = $state<SpeechSynthesisVoice | undefined>();

function refresh() {
  if (typeof speechSynthesis === 'undefined') return;
  voice = chooseVoice(speechSynthesis.getVoices());
}

export function initSpeech(): void {
  if (typeof speechSynthesis === 'undefined') return;
  refresh();
  speechSynthesis.addEventListener('voiceschanged', refresh);
}

export function voiceAvailable(): boolean {
  return voice !== undefined;
}

/** A card can be heard when it has a recording or a voice is available. */
export function canPlay(card: Card): boolean {
  return !!card.audio || voice !== undefined;
}

/** Plays the coach's recording when the card has one, else speaks the term with the chosen voice. */
export async function playCard(card: Card): Promise<void> {
  if (card.audio) {
    // Loaded on first play: it reaches the app's decks, which import this module.
    const { audioSource } = await import('./recordings.ts');
    const audio = new Audio(await audioSource(card, card.audio));
    await audio.play();
    return;
  }
  if (!voice) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(displayTerm(card));
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}
