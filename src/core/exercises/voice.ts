/** The parts of a SpeechSynthesisVoice we choose by (a plain shape, so this stays DOM-free). */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
}

/**
 * Picks a Dutch voice: Belgian Dutch first, then Netherlands Dutch, then any Dutch. Offline, only
 * voices that run on the device qualify: some (Chrome's "Google Nederlands") need the network.
 */
export function chooseVoice<V extends VoiceInfo>(voices: readonly V[], online: boolean): V | undefined {
  const usable = voices.filter((v) => online || v.localService);
  const lang = (v: VoiceInfo) => v.lang.toLowerCase().replace('_', '-');
  return (
    usable.find((v) => lang(v) === 'nl-be') ??
    usable.find((v) => lang(v) === 'nl-nl') ??
    usable.find((v) => lang(v).startsWith('nl'))
  );
}
