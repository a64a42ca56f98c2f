import type { Card } from '../core/content/model.ts';
import { displayTerm } from '../core/content/model.ts';
import { chooseVoice } from '../core/exercises/voice.ts';

/** Reactive: whether a Dutch voice can speak right now (changes when voices load or the network goes). */
let voice = $state<SpeechSynthesisVoice | undefined>();
let online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

function refresh() {
  if (typeof speechSynthesis === 'undefined') return;
  voice = chooseVoice(speechSynthesis.getVoices(), online);
}

export function initSpeech(): void {
  if (typeof speechSynthesis === 'undefined') return;
  refresh();
  speechSynthesis.addEventListener('voiceschanged', refresh);
  addEventListener('online', () => {
    online = true;
    refresh();
  });
  addEventListener('offline', () => {
    online = false;
    refresh();
  });
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
    const audio = new Audio(`${import.meta.env.BASE_URL}audio/${encodeURIComponent(card.audio)}`);
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
