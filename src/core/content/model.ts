import type { Article, CardType, Level } from './schema.ts';

/** A card as the app uses it, after validation: ids filled in, optional lists present. */
export interface Card {
  id: string;
  term: string;
  article?: Article;
  type?: CardType;
  definition: string;
  example?: string;
  plain?: string;
  alternatives: string[];
  translations: Record<string, string>;
  audio?: string;
  /** Set when the coach marked the term as deliberately also in another deck. */
  sharedTerm?: boolean;
  /** 1-based line of the card in its source file, for messages. */
  line: number;
}

export interface DeckMeta {
  id: string;
  title: string;
  department: string;
  level?: Level;
  description?: string;
  /** Source file, relative to the content folder. */
  source: string;
  cardCount: number;
  /** Content hash: changes when any card changes, so the app knows to re-sync items. */
  hash: string;
}

export interface Deck extends DeckMeta {
  cards: Card[];
}

/** The term as a trainee types it: with its article when it has one. */
export function displayTerm(card: Pick<Card, 'term' | 'article'>): string {
  return card.article ? `${card.article} ${card.term}` : card.term;
}
