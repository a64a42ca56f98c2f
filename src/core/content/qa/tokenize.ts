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
