/**
 * Content QA: the checks that need more than the deck format — spelling, articles against a
 * reference list of nouns, required translations, deck sizes, a definition that gives the term
 * away — on top of everything compileDecks reports. Pure: the speller and the lists come in as
 * inputs, so `npm run decks` (src/cli/qa, Hunspell in Node) and the deck studio (Hunspell in a
 * worker, the noun list loaded lazily) run the same checks. Never part of the first load.
 */
import { compileDecks, type CompileResult, type CompiledSource, type SourceFile } from '../compile.ts';
import { problem, type Position, type Problem } from '../problems.ts';
import { fold } from '../text.ts';
import { gapMatchesTerm } from '../inflection.ts';
import type { Card } from '../model.ts';
import { findHeadNoun, type ArticleLexicon, type HeadNoun } from './articles.ts';
import { parseAllowlist, parseReviewedArticles, type AllowEntry, type ReviewedArticle } from './lists.ts';
import { tokenize } from './tokenize.ts';

export const ALLOWLIST_FILE = 'allowlist.txt';
export const REVIEWED_ARTICLES_FILE = 'articles-reviewed.txt';

/** A Dutch spell checker, synchronous: Hunspell in Node, or answers a worker gave beforehand (spellingPasses). */
export interface Speller {
  /** True when the word is correct as written. */
  spell(word: string): boolean;
  suggest(word: string): string[];
  /** Milliseconds spent loading it, for the figures. */
  loadMs?: number;
}

export interface Policy {
  minCards: number;
  maxCards: number;
  /** Languages every card translates to. */
  translations: string[];
}

export const DEFAULT_POLICY: Policy = { minCards: 25, maxCards: 60, translations: ['en', 'fr', 'ar', 'uk', 'tr'] };

export interface TextFile {
  path: string;
  text: string;
}

export interface QaInput {
  files: readonly SourceFile[];
  speller: Speller;
  lexicon?: ArticleLexicon;
  allowlist?: TextFile;
  reviewed?: TextFile;
  policy?: Partial<Policy>;
}

export interface QaFigures {
  hunspellLoadMs: number;
  spellMs: number;
  /** Every word of every Dutch field, and how many different ones. */
  wordsChecked: number;
  distinctWords: number;
  unknownWords: string[];
  allowlistEntries: number;
  allowlistUsed: number;
  nouns: number;
  nounsInReference: number;
  articleWarnings: number;
  reviewedArticlesUsed: number;
}

export interface QaResult {
  compiled: CompileResult;
  /** compileDecks' problems and the QA's, in file order. */
  problems: Problem[];
  figures: QaFigures;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Maps offsets in a file to line:column, and finds where a word of a field was written. */
class FileText {
  private readonly starts: number[];
  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.starts = lineStarts(text);
  }
  offsetOf(pos: Position): number {
    return (this.starts[pos.line - 1] ?? 0) + pos.column - 1;
  }
  positionOf(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** The word's own position when it is written plainly after the field start, else the field's. */
  find(raw: string, from: Position): Position {
    const start = this.offsetOf(from);
    const at = this.text.indexOf(raw, start);
    return at >= 0 && at - start < 4000 ? this.positionOf(at) : from;
  }
}

interface Field {
  file: FileText;
  pos: Position;
  text: string;
  /** Term fields are checked against the dictionary alone: they are what makes other fields' words known. */
  isTerm: boolean;
}

function fieldsOf(source: CompiledSource, deckFile: FileText, metaFile: FileText | undefined): Field[] {
  const { deck, locate } = source;
  const fields: Field[] = [];
  for (const key of ['title', 'description'] as const) {
    const value = deck[key];
    if (!value) continue;
    if (source.file.path.endsWith('.csv')) {
      // A CSV deck's title and description come from its meta file (or its name, which is no prose).
      const line = metaFile?.text.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`)) ?? -1;
      if (metaFile && line >= 0) fields.push({ file: metaFile, pos: { line: line + 1, column: 1 }, text: value, isTerm: false });
    } else fields.push({ file: deckFile, pos: locate.at([key]), text: value, isTerm: false });
  }
  deck.cards.forEach((card, k) => {
    const at = (...path: (string | number)[]) => locate.at(['cards', k, ...path]);
    fields.push({ file: deckFile, pos: at('term'), text: card.term, isTerm: true });
    fields.push({ file: deckFile, pos: at('definition'), text: card.definition, isTerm: false });
    if (card.example) fields.push({ file: deckFile, pos: at('example'), text: card.example.replace(/[{}]/g, ' '), isTerm: false });
    if (card.plain) fields.push({ file: deckFile, pos: at('plain'), text: card.plain, isTerm: false });
    card.alternatives.forEach((alt, j) => fields.push({ file: deckFile, pos: at('alternatives', j), text: alt, isTerm: false }));
  });
  return fields;
}

/**
 * Runs every QA check on a set of deck files. Synchronous once Hunspell is loaded, so tests can
 * run it on small fixtures with the speller they loaded once.
 */
export function checkContent(input: QaInput): QaResult {
  const policy = { ...DEFAULT_POLICY, ...input.policy };
  const compiled = compileDecks(input.files);
  const problems: Problem[] = [...compiled.problems];
  const { speller } = input;

  // The reviewed lists.
  const allow = input.allowlist ? parseAllowlist(input.allowlist.text, input.allowlist.path) : { entries: [], problems: [] };
  const reviewed = input.reviewed ? parseReviewedArticles(input.reviewed.text, input.reviewed.path) : { entries: [], problems: [] };
  problems.push(...allow.problems, ...reviewed.problems);
  const allowed = new Map<string, AllowEntry>();
  for (const entry of allow.entries) {
    if (allowed.has(entry.word)) {
      problems.push(problem(input.allowlist!.path, { line: entry.line, column: 1 }, 'warning', 'allowlist', `"${entry.word}" is listed twice`, { word: entry.word }));
    }
    allowed.set(entry.word, entry);
    if (speller.spell(entry.word)) {
      problems.push(
        problem(input.allowlist!.path, { line: entry.line, column: 1 }, 'warning', 'allowlist', `"${entry.word}" is in the dictionary already — remove it from the list`, {
          word: entry.word,
        }),
      );
    }
  }
  const usedAllow = new Set<AllowEntry>();

  // Words the decks' own terms introduce count as known in every other field.
  const abbreviations = new Set<string>();
  const termWords = new Set<string>();
  for (const { deck } of compiled.sources) {
    for (const card of deck.cards) {
      for (const t of tokenize(card.term)) termWords.add(t.word).add(t.word.toLowerCase());
      if (card.type === 'abbreviation') abbreviations.add(card.term);
    }
  }

  const allowEntryFor = (word: string): AllowEntry | undefined => {
    const lowered = word.charAt(0).toLowerCase() + word.slice(1);
    return allowed.get(word) ?? (lowered !== word ? allowed.get(lowered) : undefined);
  };
  const cache = new Map<string, boolean>();
  const known = (word: string, isTerm: boolean): boolean => {
    const key = `${isTerm ? 't' : 'f'}:${word}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let ok = speller.spell(word);
    if (!ok) {
      const entry = allowEntryFor(word);
      if (entry) {
        usedAllow.add(entry);
        ok = true;
      }
    }
    if (!ok && !isTerm) ok = termWords.has(word) || termWords.has(word.toLowerCase());
    // A hyphen joins an abbreviation or a name to a word (GAS-boete, pmd-zak): correct when every
    // part is known and one is such a word: in capitals, or one the dictionary lacks but a deck
    // term or the allow-list vouches for. A hyphen between two ordinary words stays an error.
    if (!ok && word.includes('-')) {
      const parts = word.split('-');
      const isAbbreviation = (p: string) =>
        /^\p{Lu}{2,}$/u.test(p) || abbreviations.has(p) || Boolean(allowEntryFor(p)) || (termWords.has(p) && !speller.spell(p));
      ok = parts.some(isAbbreviation) && parts.every((p) => known(p, isTerm));
    }
    cache.set(key, ok);
    return ok;
  };

  // Spelling.
  const figures: QaFigures = {
    hunspellLoadMs: speller.loadMs ?? 0,
    spellMs: 0,
    wordsChecked: 0,
    distinctWords: 0,
    unknownWords: [],
    allowlistEntries: allow.entries.length,
    allowlistUsed: 0,
    nouns: 0,
    nounsInReference: 0,
    articleWarnings: 0,
    reviewedArticlesUsed: 0,
  };
  const distinct = new Set<string>();
  const unknown = new Set<string>();
  const t0 = performance.now();
  for (const source of compiled.sources) {
    const deckFile = new FileText(source.file.path, source.file.text);
    const metaFile = source.file.meta ? new FileText(source.file.meta.path, source.file.meta.text) : undefined;
    for (const field of fieldsOf(source, deckFile, metaFile)) {
      for (const token of tokenize(field.text)) {
        figures.wordsChecked++;
        distinct.add(token.word);
        if (known(token.word, field.isTerm)) continue;
        unknown.add(token.word);
        const suggestions = speller.suggest(token.word).slice(0, 3);
        const raw = field.text.slice(token.index, token.index + token.word.replace(/\.$/, '').length);
        problems.push(
          problem(
            field.file.path,
            field.file.find(raw, field.pos),
            'warning',
            'spelling',
            `"${token.word}" is not in the Dutch dictionary${suggestions.length ? ` — did you mean ${suggestions.join(', ')}?` : ''} If it is right, add it to ${ALLOWLIST_FILE} with the reason`,
            { word: token.word, suggestions: suggestions.join(', ') },
          ),
        );
      }
    }
  }
  figures.spellMs = performance.now() - t0;
  figures.distinctWords = distinct.size;
  figures.unknownWords = [...unknown].sort();
  figures.allowlistUsed = usedAllow.size;
  for (const entry of allow.entries) {
    if (!usedAllow.has(entry) && !speller.spell(entry.word)) {
      problems.push(
        problem(input.allowlist!.path, { line: entry.line, column: 1 }, 'warning', 'allowlist', `"${entry.word}" is not used in any deck — remove it from the list`, {
          word: entry.word,
        }),
      );
    }
  }

  // Articles, translations, deck sizes.
  const isWord = (w: string) => speller.spell(w);
  const reviewedByTerm = new Map<string, ReviewedArticle>(reviewed.entries.map((e) => [e.key, e]));
  const usedReviews = new Set<ReviewedArticle>();
  for (const source of compiled.sources) {
    const { deck, locate } = source;
    if (deck.cards.length < policy.minCards || deck.cards.length > policy.maxCards) {
      problems.push(
        problem(deck.source, { line: 1, column: 1 }, 'warning', 'deck-size', `deck "${deck.id}" has ${deck.cards.length} cards; keep a deck between ${policy.minCards} and ${policy.maxCards} (split it, or add words)`, {
          count: String(deck.cards.length),
        }),
      );
    }
    deck.cards.forEach((card, k) => {
      const missing = missingTranslations(card, policy.translations);
      if (missing.length) {
        problems.push(
          problem(deck.source, locate.at(['cards', k, 'translations']), 'warning', 'translation-missing', `"${card.term}" has no translation in ${missing.join(', ')}`, {
            term: card.term,
            languages: missing.join(', '),
          }),
        );
      }
      const leaked = termInDefinition(card);
      if (leaked) {
        problems.push(
          problem(
            deck.source,
            locate.at(['cards', k, 'definition']),
            'warning',
            'definition-has-term',
            `the definition contains "${leaked}": the trainee who must find "${card.term}" reads the answer — describe it without the word`,
            { term: card.term, word: leaked },
          ),
        );
      }
      if (!card.article || !input.lexicon) return;
      figures.nouns++;
      const verdict = articleAgainstReference(card, input.lexicon, isWord);
      if (!verdict) return;
      figures.nounsInReference++;
      if (verdict.agrees) return;
      const review = reviewedByTerm.get(fold(card.term));
      if (review && review.article === card.article) {
        usedReviews.add(review);
        return;
      }
      figures.articleWarnings++;
      const { head, reference } = verdict;
      const via = head.listed !== head.word.toLowerCase() ? ` ("${head.listed}" is the last part of "${head.word}")` : head.word !== card.term ? ` ("${head.word}" is the head noun of "${card.term}")` : '';
      problems.push(
        problem(
          deck.source,
          locate.at(['cards', k, 'article']),
          'warning',
          'article-mismatch',
          `"${card.article} ${card.term}", but the reference list has "${reference} ${head.listed}"${via} — check it: fix the article, or if "${card.article}" is right, record it in ${REVIEWED_ARTICLES_FILE} with the reason`,
          { term: card.term, article: card.article, reference, noun: head.listed },
        ),
      );
    });
  }
  figures.reviewedArticlesUsed = usedReviews.size;
  for (const entry of reviewed.entries) {
    if (!usedReviews.has(entry)) {
      problems.push(
        problem(input.reviewed!.path, { line: entry.line, column: 1 }, 'warning', 'article-review', `"${entry.term}: ${entry.article}" is not needed: no card has this term and article against the reference list — remove the line`, {
          entry: entry.term,
        }),
      );
    }
  }
  return { compiled, problems: sortProblems(problems), figures };
}

/** The required translation languages a card lacks. */
export function missingTranslations(card: Pick<Card, 'translations'>, languages: readonly string[]): string[] {
  return languages.filter((lang) => !card.translations[lang]?.trim());
}

export interface ArticleVerdict {
  head: HeadNoun;
  /** Whether the card's article is one the reference list gives for its head noun. */
  agrees: boolean;
  /** The list's article(s) for the head noun: "de", "het" or "de/het". */
  reference: string;
}

/**
 * A noun card's article against the reference list: undefined when the list does not know the
 * head noun (the check stays quiet when unsure). The CLI's QA and the studio both decide here.
 */
export function articleAgainstReference(
  card: Pick<Card, 'term' | 'type' | 'alternatives' | 'article'>,
  lexicon: ArticleLexicon,
  isWord: (word: string) => boolean,
): ArticleVerdict | undefined {
  if (!card.article) return undefined;
  const head = findHeadNoun(card, lexicon, isWord);
  if (!head) return undefined;
  return { head, agrees: head.articles.has(card.article) || head.articles.has('none'), reference: [...head.articles].join('/') };
}

/**
 * The words of the definition that are the term or a form of it. The produce exercise shows the
 * definition and asks for the term, so a definition that contains it gives the answer away.
 */
export function termInDefinition(card: Pick<Card, 'term' | 'type' | 'article' | 'definition'>): string | undefined {
  const size = card.term.trim().split(/\s+/).length;
  const words = card.definition.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  for (let i = 0; i + size <= words.length; i++) {
    const window = words.slice(i, i + size).join(' ');
    if (gapMatchesTerm(card, window)) return window;
  }
  return undefined;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
