import type { Card, Deck } from '../content/model.ts';
import { fold, withinOneEdit } from '../content/text.ts';
import { typoBudget } from '../exercises/answer.ts';

/**
 * The glossary: search every deck (built-in and imported) as the trainee types. Text is folded
 * (lowercase, no diacritics: "financiën" is found by "financien") once, when the index is built;
 * a search is then one substring scan over precomputed strings, a few milliseconds for 10,000
 * cards (scripts/bench/glossary.ts), so no inverted index is needed. A query that matches nowhere
 * may still be one typo away from a term or an alternative, or from how one starts
 * ("schepencolege" finds schepencollege); those hits rank after every real match.
 */
export type MatchField = 'term' | 'alternative' | 'plain' | 'translation' | 'definition' | 'example';

export interface GlossaryEntry {
  deckId: string;
  deckTitle: string;
  card: Card;
}

export interface GlossaryHit extends GlossaryEntry {
  /** Where the whole query was found best; tells the trainee why a result is there. */
  field: MatchField;
  /** Found only by tolerating one typo in the query (in `field`: the term or an alternative). */
  typo?: boolean;
}

interface Indexed extends GlossaryEntry {
  /** Folded text per field, best first; `all` joins them for the every-word check. */
  fields: [MatchField, string][];
  term: string;
  /** The term (with and without article) and the alternatives: a query equal to one ranks first. */
  exact: string[];
  /** `exact` as code points, for the one-typo match. */
  exactPoints: string[][];
  all: string;
  sortKey: string;
}

export interface GlossaryIndex {
  readonly size: number;
  readonly entries: readonly Indexed[];
}

/** Field order is rank order: a hit in the term beats one in a translation or a definition. */
const FIELD_RANK: Record<MatchField, number> = {
  term: 0,
  alternative: 1,
  plain: 2,
  translation: 3,
  definition: 4,
  example: 5,
};

const SEP = '\u0001';

// eslint-disable-next-line no-control-regex -- the ASCII range, control characters included, on purpose
const ASCII = /^[\x00-\x7f]*$/;
/**
 * `fold` (content/text.ts) with a fast path: most text is plain ASCII, where Unicode
 * normalisation changes nothing, and skipping it halves the time to build the index.
 */
export function foldText(text: string): string {
  return ASCII.test(text) ? text.replace(/`/g, "'").toLowerCase().replace(/\s+/g, ' ').trim() : fold(text);
}

/** The code points of a text; plain ASCII (most terms) splits faster. */
const codePoints = (text: string): string[] => (ASCII.test(text) ? text.split('') : Array.from(text));

export function buildGlossary(decks: readonly Deck[]): GlossaryIndex {
  const entries: Indexed[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      const term = foldText(card.term);
      const withArticle = card.article ? `${card.article} ${term}` : term;
      const alternatives = card.alternatives.map(foldText);
      const fields: [MatchField, string][] = [
        ['term', `${term}${SEP}${withArticle}`],
        ['alternative', alternatives.join(SEP)],
        ['plain', card.plain ? foldText(card.plain) : ''],
        ['translation', Object.values(card.translations).map(foldText).join(SEP)],
        ['definition', foldText(card.definition)],
        ['example', card.example ? foldText(card.example.replace(/[{}]/g, '')) : ''],
      ];
      const present = fields.filter(([, text]) => text);
      entries.push({
        deckId: deck.id,
        deckTitle: deck.title,
        card,
        fields: present,
        term,
        exact: [term, withArticle, ...alternatives],
        exactPoints: [term, withArticle, ...alternatives].map(codePoints),
        all: present.map(([, text]) => text).join(SEP),
        sortKey: `${term}${SEP}${deck.title}`,
      });
    }
  }
  return { size: entries.length, entries };
}

export interface GlossaryResult {
  hits: GlossaryHit[];
  /** All matches, of which `hits` are the best `limit`. */
  total: number;
}

/** Typo hits rank after every real match: one typo away from the whole term first, then from its start. */
const TYPO_WHOLE = 21;
const TYPO_START = 22;

/**
 * How a query one typo away matches an entry's term (with or without article) or an alternative:
 * the whole of it, or its start (the trainee is still typing). Undefined when it does not.
 */
function typoMatch(entry: Indexed, query: readonly string[]): { score: number; field: MatchField } | undefined {
  let start: MatchField | undefined;
  for (let k = 0; k < entry.exactPoints.length; k++) {
    const text = entry.exactPoints[k]!;
    // exact[0] and [1] are the term (with and without article), the rest are alternatives.
    const field: MatchField = k < 2 ? 'term' : 'alternative';
    if (withinOneEdit(query, text)) return { score: TYPO_WHOLE, field };
    if (!start && text.length > query.length) {
      // A prefix one typo away is as long as the query, or one letter shorter or longer.
      for (let n = query.length - 1; n <= query.length + 1; n++) {
        if (withinOneEdit(query, text, n)) {
          start = field;
          break;
        }
      }
    }
  }
  return start ? { score: TYPO_START, field: start } : undefined;
}

/**
 * Every entry containing every word of the query (in any field) matches. Ranking: the term
 * itself, then a term starting with the query, then the field the whole query was found in
 * (term, alternative, plain, translation, definition, example), then alphabetical. A query long
 * enough to have a typo budget (answer checking's rule: five letters) also finds, after all of
 * those, terms and alternatives one typo away from it or from their start.
 */
export function searchGlossary(index: GlossaryIndex, query: string, limit = 50): GlossaryResult {
  const q = foldText(query);
  if (!q) return { hits: [], total: 0 };
  const words = q.split(' ');
  const typoPoints = typoBudget(q) > 0 ? codePoints(q) : undefined;
  // Scores are small integers: bucket by score, then sort only the buckets the page needs.
  const buckets: { entry: Indexed; field: MatchField; typo?: boolean }[][] = [];
  let total = 0;
  for (const entry of index.entries) {
    if (!words.every((w) => entry.all.includes(w))) {
      const typo = typoPoints && typoMatch(entry, typoPoints);
      if (typo) {
        (buckets[typo.score] ??= []).push({ entry, field: typo.field, typo: true });
        total++;
      }
      continue;
    }
    let field: MatchField = entry.fields[0]![0];
    let score = 20;
    for (const [name, text] of entry.fields) {
      if (text.includes(q)) {
        field = name;
        score = 2 + FIELD_RANK[name];
        break;
      }
    }
    if (entry.exact.includes(q)) score = 0;
    else if (entry.term.startsWith(q)) score = 1;
    (buckets[score] ??= []).push({ entry, field });
    total++;
  }
  const hits: GlossaryHit[] = [];
  for (const bucket of buckets) {
    if (!bucket || hits.length >= limit) continue;
    bucket.sort((a, b) => (a.entry.sortKey < b.entry.sortKey ? -1 : a.entry.sortKey > b.entry.sortKey ? 1 : 0));
    for (const { entry, field, typo } of bucket.slice(0, limit - hits.length)) {
      hits.push({ deckId: entry.deckId, deckTitle: entry.deckTitle, card: entry.card, field, ...(typo ? { typo } : {}) });
    }
  }
  return { hits, total };
}
