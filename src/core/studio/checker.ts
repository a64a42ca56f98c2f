/**
 * The studio's live checks, incremental: a keystroke re-checks only the card it changed, with the
 * same validator the build and the import use (validateDeck, on that one card) and the same
 * content QA rules; checks that span cards (ids, terms twice, a term another deck has) are
 * lookups in maps kept up to date as cards change. A 1,000-card deck is checked in full once,
 * when it opens; after that, typing costs the one card (see `npm run bench`, studio).
 *
 * Spelling comes from outside (Hunspell runs in a worker): the results are handed in per field
 * with the text they were computed for, and shown only while the field still holds that text.
 */
import type { Card, Deck } from '../content/model.ts';
import type { Problem, Severity } from '../content/problems.ts';
import { CARD_FIELDS } from '../content/schema.ts';
import { fold } from '../content/text.ts';
import { validateDeck, type Locator, type Path } from '../content/validate.ts';
import type { ArticleLexicon } from '../content/qa/articles.ts';
import { articleAgainstReference, DEFAULT_POLICY, missingTranslations, termInDefinition, type Policy } from '../content/qa/contentQa.ts';
import { knownWords } from '../writing/spelling.ts';
import { draftCardToInput, DECK_TEXT_FIELDS, type DraftCard, type DraftDeck } from './draft.ts';

/**
 * The checks the studio words itself (i18n `studio.check.<code>`): what to change, at the field.
 * Any other validator code is shown with the import screen's text (`problems.<code>`).
 */
export const STUDIO_CHECK_CODES = [
  'missing-field',
  'empty-value',
  'invalid-value',
  'invalid-id',
  'duplicate-card-id',
  'duplicate-term',
  'gap-missing',
  'gap-count',
  'gap-mismatch',
  'article-missing',
  'article-on-non-noun',
  'invisible-character',
  'spelling',
  'spelling-capital-day',
  'spelling-capital-language',
  'article-mismatch',
  'translation-missing',
  'term-in-other-deck',
  'shared-term-alone',
  'deck-size',
  'definition-has-term',
  'deck-id-built-in',
  'deck-id-imported',
  'recording-missing',
] as const;
export type StudioCheckCode = (typeof STUDIO_CHECK_CODES)[number];
const STUDIO_CODES: ReadonlySet<string> = new Set(STUDIO_CHECK_CODES);

export function isStudioCheckCode(code: string): code is StudioCheckCode {
  return STUDIO_CODES.has(code);
}

export interface StudioProblem {
  /** The card's row key; absent for the deck's own fields. */
  card?: string;
  /** The field it is about: a card field (`term`, `translations.en`, …) or a deck field (`title`, `cards`). */
  field: string;
  severity: Severity;
  code: StudioCheckCode | Problem['code'];
  params: Record<string, string>;
  /** English, as the CLI would say it (tests, logs). */
  message: string;
}

/** One spelling finding of a field, as the worker's check gives it (offsets into the checked text). */
export interface SpellFinding {
  code: string;
  word: string;
  start: number;
  end: number;
  suggestions: string[];
}

export interface SpellResult {
  /** The field's text the findings are for; they are shown only while the field still says this. */
  text: string;
  findings: SpellFinding[];
}

/** Where a term also is in another deck. */
interface OtherDeckTerm {
  deckId: string;
  title: string;
  term: string;
}

export interface CheckContext {
  /** Built-in and imported decks: terms another deck has, ids taken. The draft's own deck id is skipped. */
  otherDecks: readonly Deck[];
  builtInIds: ReadonlySet<string>;
  /** Ids of decks added on this device (installing under one replaces it). */
  importedIds?: ReadonlySet<string>;
  policy?: Partial<Policy>;
}

export interface ArticleReference {
  lexicon: ArticleLexicon;
  /** Reviewed exceptions (content/articles-reviewed.txt): folded term → the article a person confirmed. */
  reviewed?: ReadonlyMap<string, 'de' | 'het'>;
  /** Judges the first part of a compound (see findHeadNoun); without a speller here, the noun list itself. */
  isWord?: (word: string) => boolean;
}

/** The key under which the deck's own fields (title, description) keep their spelling results. */
export const DECK_KEY = '';

interface CardState {
  card: DraftCard;
  own: StudioProblem[];
  compiled?: Card;
  /** compiled and without errors of its own: what the preview may show. */
  valid: boolean;
  id?: string;
  termKey?: string;
  termFold?: string;
  termWords: string[];
}

/** A locator that remembers the paths it was asked for, so a problem's line says which field it is about. */
function pathRecorder(): { locate: Locator; pathOf: (p: Problem) => Path | undefined } {
  const paths: Path[] = [];
  return {
    locate: {
      at(path: Path) {
        paths.push(path);
        // Line 1 is what the validator uses when it has no place (a missing top-level field).
        return { line: paths.length + 1, column: 1 };
      },
    },
    pathOf: (p) => (p.line >= 2 ? paths[p.line - 2] : undefined),
  };
}

const CARD_FIELD_SET: ReadonlySet<string> = new Set(CARD_FIELDS);

/** A validator path inside a card (after `cards, <index>`) as the studio's field name. */
function cardField(rest: Path, p: Problem): string {
  const [field, sub] = rest;
  if (typeof field !== 'string') return CARD_FIELD_SET.has(p.params.field ?? '') ? p.params.field! : 'term';
  if (field === 'translations' && typeof sub === 'string') return `translations.${sub}`;
  return field;
}

function dedupe(problems: StudioProblem[]): StudioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.code}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The validator on one card: its problems at their fields, and the compiled card when its fields are sound. */
export function validateCard(card: DraftCard): { problems: StudioProblem[]; compiled?: Card } {
  const { locate, pathOf } = pathRecorder();
  const result = validateDeck({ id: 'studio', title: 'studio', cards: [draftCardToInput(card)] }, { file: 'studio', locate });
  const problems = result.problems.map((p): StudioProblem => {
    const path = pathOf(p) ?? [];
    const field =
      path[0] === 'cards' ? cardField(path.slice(2), p) : p.params.field && CARD_FIELD_SET.has(p.params.field) ? p.params.field : 'term';
    return { card: card.key, field, severity: p.severity, code: p.code, params: p.params, message: p.message };
  });
  const compiled = result.deck?.cards[0];
  return { problems: dedupe(problems), ...(compiled ? { compiled } : {}) };
}

/** The validator on the deck's own fields (the cards are checked one by one, elsewhere). */
export function validateDeckFields(deck: Pick<DraftDeck, (typeof DECK_TEXT_FIELDS)[number]>): StudioProblem[] {
  const { locate, pathOf } = pathRecorder();
  const raw: Record<string, unknown> = {};
  for (const field of DECK_TEXT_FIELDS) if (deck[field].trim()) raw[field] = deck[field];
  // One stand-in card, so the envelope's "at least one card" is judged elsewhere, on the real count.
  raw.cards = [null];
  const result = validateDeck(raw, { file: 'studio', locate });
  return dedupe(
    result.problems
      .map((p) => ({ p, path: pathOf(p) ?? [] }))
      .filter(({ path }) => path[0] !== 'cards')
      .map(({ p, path }): StudioProblem => {
        const field = typeof path[0] === 'string' ? path[0] : (p.params.field ?? 'id');
        return { field, severity: p.severity, code: p.code, params: p.params, message: p.message };
      }),
  );
}

/** Which fields of a card are spell-checked, and the text the checker gets (an example without its braces). */
export function spellingFields(
  card: Pick<DraftCard, 'term' | 'definition' | 'example' | 'plain' | 'alternatives'>,
): { field: string; text: string; check: string }[] {
  const out: { field: string; text: string; check: string }[] = [];
  const add = (field: string, text: string, check = text) => {
    if (text.trim()) out.push({ field, text, check });
  };
  add('term', card.term);
  add('definition', card.definition);
  add('example', card.example, card.example.replace(/[{}]/g, ' '));
  add('plain', card.plain);
  card.alternatives.forEach((alt, j) => add(`alternatives.${j}`, alt));
  return out;
}

export function deckSpellingFields(deck: Pick<DraftDeck, 'title' | 'description'>): { field: string; text: string; check: string }[] {
  return [
    { field: 'title', text: deck.title, check: deck.title },
    { field: 'description', text: deck.description, check: deck.description },
  ].filter((f) => f.text.trim());
}

function textOfSpellField(card: DraftCard, field: string): string {
  if (field.startsWith('alternatives.')) return card.alternatives[Number(field.slice('alternatives.'.length))] ?? '';
  return (card as unknown as Record<string, unknown>)[field] as string;
}

function termIndex(decks: readonly Deck[]): Map<string, OtherDeckTerm[]> {
  const index = new Map<string, OtherDeckTerm[]>();
  const add = (key: string, entry: OtherDeckTerm) => {
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  };
  for (const deck of decks) {
    for (const card of deck.cards) {
      const entry = { deckId: deck.id, title: deck.title, term: card.term };
      const key = fold(card.term);
      add(key, entry);
      // A term that is another deck's accepted answer counts too (organigram / organogram), as in compileDecks.
      for (const alt of new Set(card.alternatives.map(fold))) if (alt !== key) add(alt, entry);
    }
  }
  return index;
}

/** Incremental checks of one draft deck. Feed it every change; ask it for the problems of what is on screen. */
export class DeckChecker {
  private readonly policy: Policy;
  private readonly others: Map<string, OtherDeckTerm[]>;
  private reference: ArticleReference | undefined;
  private recordings: ReadonlySet<string> = new Set();
  private readonly states = new Map<string, CardState>();
  private order: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly ids = new Map<string, Set<string>>();
  private readonly terms = new Map<string, Set<string>>();
  private readonly termWordCount = new Map<string, number>();
  private readonly spelling = new Map<string, Map<string, SpellResult>>();
  private deck: Pick<DraftDeck, (typeof DECK_TEXT_FIELDS)[number]> = { id: '', title: '', department: '', level: '', description: '' };
  private deckOwn: StudioProblem[] = [];
  /**
   * Each card's problems as last worked out, and the version of what spans cards they were worked
   * out against (ids, terms, order, the deck's words, recordings, the deck id). A keystroke that
   * leaves all of that as it was re-works only the card it changed; the totals and the list then
   * read the kept results of the other cards.
   */
  private readonly results = new Map<string, { version: number; problems: StudioProblem[] }>();
  private version = 0;

  constructor(private readonly context: CheckContext) {
    this.policy = { ...DEFAULT_POLICY, ...context.policy };
    this.others = termIndex(context.otherDecks);
  }

  /** Checks a whole deck (on opening it). */
  load(deck: DraftDeck): void {
    this.states.clear();
    this.ids.clear();
    this.terms.clear();
    this.termWordCount.clear();
    this.spelling.clear();
    this.results.clear();
    this.version++;
    for (const card of deck.cards) this.updateCard(card);
    this.setOrder(deck.cards.map((c) => c.key));
    this.updateDeck(deck);
  }

  /** The noun list arrived (it loads after the studio opens): every noun card is checked against it. */
  setArticleReference(reference: ArticleReference | undefined): void {
    this.reference = reference;
    for (const state of this.states.values()) state.own = this.ownChecks(state.card, state.compiled);
    this.version++;
  }

  /** The names of the recordings the draft holds (a card may only name one of those). */
  setRecordings(names: Iterable<string>): void {
    this.recordings = new Set(names);
    this.version++;
  }

  /** A card was added or edited: its own checks again, and the maps that span cards. */
  updateCard(card: DraftCard): void {
    const snapshot: DraftCard = { ...card, alternatives: [...card.alternatives], translations: { ...card.translations } };
    const before = this.states.get(card.key);
    if (before) this.unindex(card.key, before);
    const { problems, compiled } = validateCard(snapshot);
    const own = [...problems, ...this.ownChecks(snapshot, compiled)];
    const state: CardState = {
      card: snapshot,
      own,
      ...(compiled ? { compiled } : {}),
      valid: !!compiled && !problems.some((p) => p.severity === 'error'),
      termWords: [...knownWords([snapshot.term])],
    };
    if (compiled) {
      state.id = compiled.id || undefined;
      state.termKey = fold(`${compiled.article ?? ''} ${compiled.term}`);
      state.termFold = fold(compiled.term);
    }
    this.states.set(card.key, state);
    this.indexState(card.key, state);
    this.results.delete(card.key);
    // Another card's checks change only when what spans cards does: its id, its term, its words.
    const same =
      before &&
      before.id === state.id &&
      before.termKey === state.termKey &&
      before.termFold === state.termFold &&
      before.termWords.join('\u0000') === state.termWords.join('\u0000');
    if (!same) this.version++;
    if (!this.index.has(card.key)) {
      // A new card goes at the end until setOrder says where.
      this.index.set(card.key, this.order.length);
      this.order.push(card.key);
    }
  }

  /** After cards were added, removed or moved: the order decides which of two equal cards is "the other". */
  setOrder(keys: readonly string[]): void {
    const keep = new Set(keys);
    for (const key of [...this.states.keys()]) {
      if (keep.has(key)) continue;
      this.unindex(key, this.states.get(key)!);
      this.states.delete(key);
      this.spelling.delete(key);
      this.results.delete(key);
    }
    this.order = [...keys];
    this.version++;
    this.index.clear();
    this.order.forEach((key, i) => this.index.set(key, i));
  }

  updateDeck(deck: Pick<DraftDeck, (typeof DECK_TEXT_FIELDS)[number]>): void {
    // Its id decides which decks are "another deck" for every card.
    if (deck.id.trim() !== this.deck.id.trim()) this.version++;
    this.deck = { id: deck.id, title: deck.title, department: deck.department, level: deck.level, description: deck.description };
    this.deckOwn = validateDeckFields(this.deck);
  }

  /** Spelling findings for a field (`term`, `alternatives.2`, or a deck field under DECK_KEY). */
  setSpelling(key: string, field: string, result: SpellResult): void {
    if (key !== DECK_KEY && !this.states.has(key)) return;
    let fields = this.spelling.get(key);
    if (!fields) this.spelling.set(key, (fields = new Map()));
    fields.set(field, result);
    this.results.delete(key);
  }

  /** The compiled card, when its fields are sound: for the preview. */
  compiled(key: string): Card | undefined {
    const state = this.states.get(key);
    return state?.valid ? state.compiled : undefined;
  }

  /** Every sound card in deck order (the preview draws multiple-choice options from them). */
  compiledCards(): Card[] {
    const out: Card[] = [];
    for (const key of this.order) {
      const state = this.states.get(key);
      if (state?.valid && state.compiled) out.push(state.compiled);
    }
    return out;
  }

  /** Everything about one card: its own checks, the ones across cards and decks, its spelling. */
  problemsOf(key: string): StudioProblem[] {
    const kept = this.results.get(key);
    if (kept && kept.version === this.version) return kept.problems;
    const state = this.states.get(key);
    if (!state) return [];
    const problems = this.workOut(key, state);
    this.results.set(key, { version: this.version, problems });
    return problems;
  }

  private workOut(key: string, state: CardState): StudioProblem[] {
    const out = [...state.own];
    const at = this.index.get(key) ?? 0;
    const first = (keys: Set<string> | undefined) => {
      let min = Infinity;
      for (const k of keys ?? []) min = Math.min(min, this.index.get(k) ?? Infinity);
      return min;
    };
    const card = state.compiled;
    if (card) {
      // A card without an id (none given, none derivable) still counts for duplicate terms, as in the file check.
      const firstWithId = state.id ? first(this.ids.get(state.id)) : Infinity;
      if (state.id && firstWithId < at) {
        out.push({
          card: key,
          field: state.card.id.trim() ? 'id' : 'term',
          severity: 'error',
          code: 'duplicate-card-id',
          params: { id: state.id, other: String(firstWithId + 1) },
          message: `duplicate card id "${state.id}" (also card ${firstWithId + 1}) — give one of them its own id`,
        });
      }
      const firstWithTerm = first(this.terms.get(state.termKey!));
      if (firstWithTerm < at && firstWithId !== firstWithTerm) {
        out.push({
          card: key,
          field: 'term',
          severity: 'warning',
          code: 'duplicate-term',
          params: { term: card.term, other: String(firstWithTerm + 1) },
          message: `term "${card.term}" is also card ${firstWithTerm + 1}`,
        });
      }
      const elsewhere = (this.others.get(state.termFold!) ?? []).filter((o) => o.deckId !== this.deck.id.trim());
      if (elsewhere.length && !card.sharedTerm) {
        const titles = [...new Set(elsewhere.map((o) => o.title))];
        out.push({
          card: key,
          field: 'term',
          severity: 'warning',
          code: 'term-in-other-deck',
          params: { term: card.term, deck: titles.join(', ') },
          message: `term "${card.term}" is also in ${titles.join(', ')} — keep the word in the deck where it belongs, or tick "also in another deck"`,
        });
      } else if (!elsewhere.length && card.sharedTerm) {
        out.push({
          card: key,
          field: 'sharedTerm',
          severity: 'warning',
          code: 'shared-term-alone',
          params: { term: card.term },
          message: `"also in another deck" is set but no other deck has "${card.term}" — remove it`,
        });
      }
    }
    const audio = state.card.audio.trim();
    if (audio && !this.recordings.has(audio)) {
      out.push({
        card: key,
        field: 'audio',
        severity: 'error',
        code: 'recording-missing',
        params: { file: audio },
        message: `the card names the recording "${audio}", but the studio holds no such recording — record it, or clear the field`,
      });
    }
    out.push(...this.spellingProblems(key, state));
    return out;
  }

  /** The deck's own fields: validator, ids of other decks, size, spelling of title and description. */
  deckProblems(): StudioProblem[] {
    const out = [...this.deckOwn];
    const id = this.deck.id.trim();
    const owner = id ? this.context.otherDecks.find((d) => d.id === id) : undefined;
    if (id && this.context.builtInIds.has(id)) {
      out.push({
        field: 'id',
        severity: 'error',
        code: 'deck-id-built-in',
        params: { id, title: owner?.title ?? id },
        message: `the built-in deck "${owner?.title ?? id}" has the id "${id}" — give this deck its own id`,
      });
    } else if (id && this.context.importedIds?.has(id)) {
      out.push({
        field: 'id',
        severity: 'warning',
        code: 'deck-id-imported',
        params: { id, title: owner?.title ?? id },
        message: `a deck added on this device, "${owner?.title ?? id}", has the id "${id}": practising this one replaces it (progress stays for cards whose id remains)`,
      });
    }
    const count = this.order.length;
    if (count === 0) {
      out.push({
        field: 'cards',
        severity: 'error',
        code: 'empty-value',
        params: { field: 'cards' },
        message: '"cards" must not be empty',
      });
    } else if (count < this.policy.minCards || count > this.policy.maxCards) {
      out.push({
        field: 'cards',
        severity: 'warning',
        code: 'deck-size',
        params: { count: String(count), min: String(this.policy.minCards), max: String(this.policy.maxCards) },
        message: `the deck has ${count} cards; keep a deck between ${this.policy.minCards} and ${this.policy.maxCards}`,
      });
    }
    for (const [field, result] of this.spelling.get(DECK_KEY) ?? []) {
      const text = field === 'title' ? this.deck.title : field === 'description' ? this.deck.description : undefined;
      if (text !== result.text) continue;
      for (const f of result.findings) {
        if (f.code === 'unknown-word' && this.isDeckWord(f.word)) continue;
        out.push(spellingProblem(undefined, field, f));
      }
    }
    return out;
  }

  /** Errors and warnings over the whole deck: what stands between the draft and "practise" or "export". */
  totals(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    const count = (problems: StudioProblem[]) => {
      for (const p of problems) {
        if (p.severity === 'error') errors++;
        else warnings++;
      }
    };
    count(this.deckProblems());
    for (const key of this.order) count(this.problemsOf(key));
    return { errors, warnings };
  }

  /** Every problem in deck order (deck fields first), at most `limit`, and how many there are. */
  allProblems(limit = Infinity): { problems: StudioProblem[]; total: number } {
    const problems: StudioProblem[] = [];
    let total = 0;
    const take = (list: StudioProblem[]) => {
      for (const p of list) {
        total++;
        if (problems.length < limit) problems.push(p);
      }
    };
    take(this.deckProblems());
    for (const key of this.order) take(this.problemsOf(key));
    return { problems, total };
  }

  /** The 1-based number of a card in the deck, as the table shows it. */
  numberOf(key: string): number {
    return (this.index.get(key) ?? -1) + 1;
  }

  private isDeckWord(word: string): boolean {
    return (this.termWordCount.get(word.toLowerCase()) ?? 0) > 0;
  }

  private spellingProblems(key: string, state: CardState): StudioProblem[] {
    const out: StudioProblem[] = [];
    for (const [field, result] of this.spelling.get(key) ?? []) {
      if (textOfSpellField(state.card, field) !== result.text) continue;
      const shown = field.startsWith('alternatives.') ? 'alternatives' : field;
      for (const f of result.findings) {
        // Words of the deck's own terms are known in every other field (as in the content QA); a
        // term itself is judged by the dictionary alone.
        if (field !== 'term' && f.code === 'unknown-word' && this.isDeckWord(f.word)) continue;
        out.push(spellingProblem(key, shown, f));
      }
    }
    return out;
  }

  /** The content QA of one card: translations, a definition that gives the term away, the article against the noun list. */
  private ownChecks(card: DraftCard, compiled: Card | undefined): StudioProblem[] {
    if (!compiled) return [];
    const out: StudioProblem[] = [];
    for (const lang of missingTranslations(compiled, this.policy.translations)) {
      out.push({
        card: card.key,
        field: `translations.${lang}`,
        severity: 'warning',
        code: 'translation-missing',
        params: { term: compiled.term, languages: lang },
        message: `"${compiled.term}" has no translation in ${lang}`,
      });
    }
    const leaked = termInDefinition(compiled);
    if (leaked) {
      out.push({
        card: card.key,
        field: 'definition',
        severity: 'warning',
        code: 'definition-has-term',
        params: { term: compiled.term, word: leaked },
        message: `the definition contains "${leaked}": describe it without the word`,
      });
    }
    const reference = this.reference;
    if (reference && compiled.article) {
      const isWord = reference.isWord ?? ((w: string) => reference.lexicon.get(w) !== undefined);
      const verdict = articleAgainstReference(compiled, reference.lexicon, isWord);
      if (verdict && !verdict.agrees && reference.reviewed?.get(fold(compiled.term)) !== compiled.article) {
        out.push({
          card: card.key,
          field: 'article',
          severity: 'warning',
          code: 'article-mismatch',
          params: { term: compiled.term, article: compiled.article, reference: verdict.reference, noun: verdict.head.listed },
          message: `"${compiled.article} ${compiled.term}", but the reference list has "${verdict.reference} ${verdict.head.listed}"`,
        });
      }
    }
    return out;
  }

  private indexState(key: string, state: CardState): void {
    const add = (map: Map<string, Set<string>>, k: string | undefined) => {
      if (!k) return;
      const set = map.get(k);
      if (set) set.add(key);
      else map.set(k, new Set([key]));
    };
    add(this.ids, state.id);
    add(this.terms, state.termKey);
    for (const w of state.termWords) this.termWordCount.set(w, (this.termWordCount.get(w) ?? 0) + 1);
  }

  private unindex(key: string, state: CardState): void {
    const remove = (map: Map<string, Set<string>>, k: string | undefined) => {
      if (!k) return;
      const set = map.get(k);
      set?.delete(key);
      if (set && !set.size) map.delete(k);
    };
    remove(this.ids, state.id);
    remove(this.terms, state.termKey);
    for (const w of state.termWords) {
      const n = (this.termWordCount.get(w) ?? 1) - 1;
      if (n > 0) this.termWordCount.set(w, n);
      else this.termWordCount.delete(w);
    }
  }
}

function spellingProblem(key: string | undefined, field: string, f: SpellFinding): StudioProblem {
  const code = f.code === 'capital-day' ? 'spelling-capital-day' : f.code === 'capital-language' ? 'spelling-capital-language' : 'spelling';
  const suggestions = f.suggestions.slice(0, 3).join(', ');
  return {
    ...(key !== undefined ? { card: key } : {}),
    field,
    severity: 'warning',
    code,
    params: { word: f.word, suggestions },
    message:
      code === 'spelling'
        ? `"${f.word}" is not in the Dutch dictionary${suggestions ? ` — did you mean ${suggestions}?` : ''}`
        : code === 'spelling-capital-day'
          ? `"${f.word}": days and months take no capital in Dutch`
          : `"${f.word}": names of languages take a capital in Dutch`,
  };
}
