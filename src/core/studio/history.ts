/**
 * Undo and redo for the studio: every change to a draft is an edit that knows how to go back.
 * Edits, not snapshots: a 1,000-card deck is not copied on every keystroke. Typing into one field
 * is one step until she pauses or moves on.
 */
import { copyCard, getCardField, setCardField, type CardFieldPath, type DeckTextField, type DraftCard, type DraftDeck } from './draft.ts';

type FieldValue = string | string[] | boolean;

export type Edit =
  | { kind: 'card'; key: string; field: CardFieldPath; before: FieldValue; after: FieldValue }
  | { kind: 'deck'; field: DeckTextField; before: string; after: string }
  | { kind: 'insert'; index: number; cards: DraftCard[] }
  | { kind: 'remove'; index: number; cards: DraftCard[] }
  | { kind: 'move'; from: number; to: number };

/** Keystrokes in one field closer together than this are one step. */
export const COALESCE_MS = 1500;
const LIMIT = 500;

const clone = (value: FieldValue): FieldValue => (Array.isArray(value) ? [...value] : value);

function inverse(edit: Edit): Edit {
  switch (edit.kind) {
    case 'card':
      return { ...edit, before: edit.after, after: edit.before };
    case 'deck':
      return { ...edit, before: edit.after, after: edit.before };
    case 'insert':
      return { kind: 'remove', index: edit.index, cards: edit.cards };
    case 'remove':
      return { kind: 'insert', index: edit.index, cards: edit.cards };
    case 'move':
      return { kind: 'move', from: edit.to, to: edit.from };
  }
}

/** Applies an edit to the deck (a plain object or a reactive proxy of one). */
export function applyEdit(deck: DraftDeck, edit: Edit): void {
  switch (edit.kind) {
    case 'card': {
      const card = deck.cards.find((c) => c.key === edit.key);
      if (card) setCardField(card, edit.field, clone(edit.after));
      return;
    }
    case 'deck':
      deck[edit.field] = edit.after;
      return;
    case 'insert':
      deck.cards.splice(edit.index, 0, ...edit.cards.map((c) => copyCard(c, c.key)));
      return;
    case 'remove':
      deck.cards.splice(edit.index, edit.cards.length);
      return;
    case 'move': {
      const [card] = deck.cards.splice(edit.from, 1);
      if (card) deck.cards.splice(edit.to, 0, card);
      return;
    }
  }
}

export class EditHistory {
  private done: Edit[] = [];
  private undone: Edit[] = [];
  private lastAt = 0;
  /** Set when she moved on (another field, a pause): the next keystroke starts a new step. */
  private sealed = true;

  /**
   * Applies an edit and remembers it. A card or deck field edited again soon after, with nothing
   * in between, extends the last step instead of adding one.
   */
  do(deck: DraftDeck, edit: Edit, now: number): void {
    applyEdit(deck, edit);
    this.undone = [];
    const last = this.done[this.done.length - 1];
    const sameField =
      !this.sealed &&
      last &&
      now - this.lastAt < COALESCE_MS &&
      ((last.kind === 'card' && edit.kind === 'card' && last.key === edit.key && last.field === edit.field) ||
        (last.kind === 'deck' && edit.kind === 'deck' && last.field === edit.field));
    if (sameField && (last.kind === 'card' || last.kind === 'deck')) last.after = clone(edit.after) as never;
    else {
      this.done.push(edit.kind === 'card' ? { ...edit, before: clone(edit.before), after: clone(edit.after) } : edit);
      if (this.done.length > LIMIT) this.done.shift();
    }
    this.lastAt = now;
    this.sealed = edit.kind !== 'card' && edit.kind !== 'deck';
  }

  /** The next edit starts a new step (focus left the field). */
  seal(): void {
    this.sealed = true;
  }

  /** Undoes the last step; returns the edit that was applied to go back, for the caller to re-check. */
  undo(deck: DraftDeck): Edit | undefined {
    const edit = this.done.pop();
    if (!edit) return undefined;
    const back = inverse(edit);
    applyEdit(deck, back);
    this.undone.push(edit);
    this.sealed = true;
    return back;
  }

  redo(deck: DraftDeck): Edit | undefined {
    const edit = this.undone.pop();
    if (!edit) return undefined;
    applyEdit(deck, edit);
    this.done.push(edit);
    this.sealed = true;
    return edit;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}

/** A field edit of a card, with its value before (read from the card). */
export function cardEdit(card: DraftCard, field: CardFieldPath, value: FieldValue): Edit {
  return { kind: 'card', key: card.key, field, before: clone(getCardField(card, field)), after: clone(value) };
}
