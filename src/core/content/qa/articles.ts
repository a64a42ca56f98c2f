/**
 * Checks a noun card's article against a reference list of Dutch nouns (see
 * tests/reference/README.md). The list is a check, not the truth: a disagreement is a warning
 * that a person resolves, by fixing the card or by recording the reviewed exception.
 */
export type ReferenceArticle = 'de' | 'het' | 'none';

export interface ArticleLexicon {
  /** Articles the list gives for a noun (both for de/het words); undefined when it is not listed. */
  get(noun: string): ReadonlySet<ReferenceArticle> | undefined;
  size: number;
}

export function parseArticleTsv(text: string): ArticleLexicon {
  const map = new Map<string, Set<ReferenceArticle>>();
  const add = (key: string, a: ReferenceArticle) => {
    const set = map.get(key);
    if (set) set.add(a);
    else map.set(key, new Set([a]));
  };
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [article, noun] = line.split('\t');
    if (!article || !noun) continue;
    const articles: ReferenceArticle[] = article === 'de/het' ? ['de', 'het'] : article === 'de' || article === 'het' ? [article] : article === '-' ? ['none'] : [];
    for (const a of articles) {
      add(noun, a);
      if (noun.toLowerCase() !== noun) add(`\u0000${noun.toLowerCase()}`, a);
    }
  }
  return {
    get: (noun) => map.get(noun) ?? map.get(noun.toLowerCase()) ?? map.get(`\u0000${noun.toLowerCase()}`),
    size: map.size,
  };
}

/** Words after which a noun phrase continues with a post-modifier: the head stands before them. */
const PREPOSITIONS = new Set([
  'van', 'voor', 'op', 'uit', 'in', 'met', 'aan', 'bij', 'tot', 'over', 'om', 'naar', 'zonder', 'tegen', 'per', 'ter', 'te', 'door', 'onder', 'tussen', 'na',
]);
const CONJUNCTIONS = new Set(['en', 'of']);

export interface HeadNoun {
  /** The word of the term whose article the phrase takes. */
  word: string;
  /** The listed noun that decided: the word itself, or its longest listed ending (the last part of a compound). */
  listed: string;
  articles: ReadonlySet<ReferenceArticle>;
}

/**
 * The word that decides a Dutch noun phrase's article. A phrase's head stands before a
 * prepositional post-modifier ("college van burgemeester en schepenen" → college), takes the first
 * of two coordinated nouns ("papier en karton" → papier), and is otherwise the last word after its
 * adjectives ("openbaar domein" → domein); a number after it is not the head ("zone 30").
 */
export function headWord(term: string): string {
  let words = term.trim().split(/\s+/);
  const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
  if (prep > 0) words = words.slice(0, prep);
  const conj = words.findIndex((w, i) => i > 0 && CONJUNCTIONS.has(w.toLowerCase()));
  if (conj > 0) words = words.slice(0, conj);
  while (words.length > 1 && /^\d+$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  return words[words.length - 1] ?? term;
}

/** Linking sounds between the parts of a compound: dokter|s|attest, boek|en|kast, zieke|n|huis. */
const LINKS = ['s', 'en', 'n', 'e', 'er', '-'];

/**
 * Whether `first` can be the first part of a compound: a word itself or with a linking sound.
 * Without this, any word ending in a listed noun would split (at|test, kad|aster).
 */
function isFirstPart(first: string, isWord: (w: string) => boolean): boolean {
  if (first.length < 3) return false;
  if (isWord(first)) return true;
  return LINKS.some((l) => first.endsWith(l) && first.length - l.length >= 3 && isWord(first.slice(0, -l.length)));
}

/**
 * Looks up the head noun: the word itself, else (for a compound the list lacks) its longest ending
 * that is a listed noun after a first part that is a word: a compound takes the article of its
 * last part (omgevings|vergunning). Abbreviations are only looked up whole, or through an
 * expansion given as alternative. `isWord` (the spell checker) judges first parts.
 */
export function findHeadNoun(
  card: { term: string; type?: string | undefined; alternatives?: readonly string[] },
  lexicon: ArticleLexicon,
  isWord: (word: string) => boolean = () => true,
): HeadNoun | undefined {
  const isAbbreviation = card.type === 'abbreviation' || /^[A-Z]{2,}$/.test(card.term);
  const phrases = isAbbreviation ? [card.term, ...(card.alternatives ?? []).filter((a) => a.includes(' '))] : [card.term];
  for (const phrase of phrases) {
    const word = headWord(phrase);
    const whole = lexicon.get(word);
    if (whole) return { word, listed: word, articles: whole };
    if (isAbbreviation && phrase === card.term) continue;
    const lower = word.toLowerCase();
    const lastPart = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
    const direct = lexicon.get(lastPart);
    if (direct) return { word, listed: lastPart, articles: direct };
    for (let i = 3; i <= lastPart.length - 3; i++) {
      const ending = lastPart.slice(i);
      const found = lexicon.get(ending);
      if (found && !found.has('none') && isFirstPart(lastPart.slice(0, i), isWord)) return { word, listed: ending, articles: found };
    }
  }
  return undefined;
}
