/** The parts of a SpeechSynthesisVoice we choose by (a plain shape, so this stays DOM-free). */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
}

/** Dutch variants in the order trainees in Flanders should hear them. */
const PREFERENCE = ['nl-be', 'nl-nl'] as const;

/**
 * The voice that speaks Dutch terms: Belgian Dutch first, then Netherlands Dutch, then any other
 * Dutch. Only voices that run on the device (`localService`) qualify: network voices (Chrome's
 * "Google Nederlands") fall silent on the tram without signal, halfway through a listen exercise.
 * `undefined`: the device has no offline Dutch voice (the screen says so and what to do).
 */
export function chooseVoice<V extends VoiceInfo>(voices: readonly V[]): V | undefined {
  const dutch = voices.filter((v) => v.localService && /^nl(-|$)/.test(langOf(v)));
  for (const wanted of PREFERENCE) {
    const match = dutch.find((v) => langOf(v) === wanted);
    if (match) return match;
  }
  return dutch[0];
}

/** "nl_BE", "NL-be" → "nl-be". */
const langOf = (v: VoiceInfo) => v.lang.toLowerCase().replace('_', '-');
