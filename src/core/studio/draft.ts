/**
 * The deck as the studio edits it: every field of the format as a form value (text is text,
 * "not set" is the empty string), so a half-written deck can be held, saved and restored. It is
 * stored as what a `.deck.yaml` holds (DeckInput-shaped, possibly invalid) and read back from any
 * shape a stored draft or a backup may have.
 */
import type { CardInput, DeckInput } from '../content/schema.ts';

export interface DraftCard {
  /** Names the row while it is edited (undo, reordering, checks); in memory only, never saved. */
  key: string;
  term: string;
  article: string;
  type: string;
  definition: string;
  example: string;
  plain: string;
  alternatives: string[];
  /** Language code → translation; only codes of two or three lowercase letters are kept. */
  translations: Record<string, string>;
  audio: string;
  id: string;
  sharedTerm: boolean;
}

export interface DraftDeck {
  id: string;
  title: string;
  department: string;
  level: string;
  description: string;
  cards: DraftCard[];
}

export const DECK_TEXT_FIELDS = ['id', 'title', 'department', 'level', 'description'] as const;
export type DeckTextField = (typeof DECK_TEXT_FIELDS)[number];

export const CARD_TEXT_FIELDS = ['term', 'article', 'type', 'definition', 'example', 'plain', 'audio', 'id'] as const;
export type CardTextField = (typeof CARD_TEXT_FIELDS)[number];

/** A field of a card as the editor names it: a text field, the lists, or one translation (`translations.en`). */
export type CardFieldPath = CardTextField | 'alternatives' | 'sharedTerm' | `translations.${string}`;

const LANGUAGE_KEY = /^[a-z]{2,3}$/;

let counter = 0;
/** A row key, unique in this page's life. */
export function newCardKey(): string {
  counter++;
  return `c${counter.toString(36)}`;
}

export function emptyCard(): DraftCard {
  return {
    key: newCardKey(),
    term: '',
    article: '',
    type: '',
    definition: '',
    example: '',
    plain: '',
    alternatives: [],
    translations: {},
    audio: '',
    id: '',
    sharedTerm: false,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A stored card (any shape) as a form card with a fresh key. */
export function draftCardFromInput(raw: unknown): DraftCard {
  const card = isRecord(raw) ? raw : {};
  const translations: Record<string, string> = {};
  if (isRecord(card.translations)) {
    for (const [lang, value] of Object.entries(card.translations)) if (LANGUAGE_KEY.test(lang)) translations[lang] = text(value);
  }
  return {
    key: newCardKey(),
    term: text(card.term),
    article: text(card.article),
    type: text(card.type),
    definition: text(card.definition),
    example: text(card.example),
    plain: text(card.plain),
    alternatives: Array.isArray(card.alternatives)
      ? card.alternatives.map(text)
      : typeof card.alternatives === 'string'
        ? [card.alternatives]
        : [],
    translations,
    audio: text(card.audio),
    id: text(card.id),
    sharedTerm: card.sharedTerm === true,
  };
}

/** A stored draft deck (any shape) as the form. */
export function draftFromInput(raw: unknown): DraftDeck {
  const deck = isRecord(raw) ? raw : {};
  return {
    id: text(deck.id),
    title: text(deck.title),
    department: text(deck.department),
    level: text(deck.level),
    description: text(deck.description),
    cards: Array.isArray(deck.cards) ? deck.cards.map(draftCardFromInput) : [],
  };
}

const set = (value: string) => value.trim() !== '';

/**
 * A form card as a file writes it: fields in the format's order, the ones not set left out (a
 * value of only spaces is not set either). Values stay as typed; the validator trims them.
 */
export function draftCardToInput(card: DraftCard): CardInput {
  const out: Record<string, unknown> = {};
  for (const field of ['term', 'article', 'type', 'definition', 'example', 'plain'] as const)
    if (set(card[field])) out[field] = card[field];
  const alternatives = card.alternatives.filter(set);
  if (alternatives.length) out.alternatives = alternatives;
  const translations = Object.entries(card.translations).filter(([, value]) => set(value));
  if (translations.length) out.translations = Object.fromEntries(translations);
  if (set(card.audio)) out.audio = card.audio;
  if (set(card.id)) out.id = card.id;
  if (card.sharedTerm) out.sharedTerm = true;
  return out as CardInput;
}

/**
 * The form as a deck file's data: what the draft row stores and what the validator reads.
 * `cardInput` may answer from a cache (the editor keeps each unchanged card's data, so saving a
 * 1,000-card deck after a keystroke converts one card, not all of them).
 */
export function draftToInput(deck: DraftDeck, cardInput: (card: DraftCard) => CardInput = draftCardToInput): DeckInput {
  const out: Record<string, unknown> = {};
  for (const field of DECK_TEXT_FIELDS) if (set(deck[field])) out[field] = deck[field];
  out.cards = deck.cards.map((card) => cardInput(card));
  return out as DeckInput;
}

/** Whether a card has nothing filled in (a new row, or one emptied). */
export function isBlankCard(card: DraftCard): boolean {
  return Object.keys(draftCardToInput(card)).length === 0;
}

export function getCardField(card: DraftCard, path: CardFieldPath): string | string[] | boolean {
  if (path.startsWith('translations.')) return card.translations[path.slice('translations.'.length)] ?? '';
  return card[path as CardTextField | 'alternatives' | 'sharedTerm'];
}

export function setCardField(card: DraftCard, path: CardFieldPath, value: string | string[] | boolean): void {
  if (path.startsWith('translations.')) {
    const lang = path.slice('translations.'.length);
    if (!LANGUAGE_KEY.test(lang)) return;
    card.translations[lang] = String(value);
  } else if (path === 'alternatives') card.alternatives = Array.isArray(value) ? [...value] : String(value).split('\n');
  else if (path === 'sharedTerm') card.sharedTerm = value === true;
  else card[path as CardTextField] = String(value);
}

/** A copy of a card with its own key (duplicate, paste, undo). */
export function copyCard(card: DraftCard, key = newCardKey()): DraftCard {
  return { ...card, key, alternatives: [...card.alternatives], translations: { ...card.translations } };
}

/**
 * An id nobody uses yet: the base itself, else the base with -2, -3, …. `taken` is asked about
 * every candidate (built-in, imported and other drafts' decks).
 */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
