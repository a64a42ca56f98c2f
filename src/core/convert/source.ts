/**
 * What the converter read from a file, before any mapping: note types with their field names,
 * notes with their raw field text, decks, media. The app shows this to the user (note types,
 * fields, a sample) so the mapping can be changed before anything is stored; mapping it again
 * does not read the file again.
 */

export type SourceFormat = 'apkg' | 'anki-text' | 'quizlet';

/** The Anki package versions: the collection file each one carries. */
export type PackageVersion = 'anki2' | 'anki21' | 'anki21b';

export interface SourceNoteType {
  /** Anki's note type id as text; for text files a name of our own. */
  id: string;
  name: string;
  /** Cloze note types make one card per cloze number; everything else is "basic". */
  kind: 'basic' | 'cloze';
  /** Field names, in order (the first is field 1 of `--map`); '' for a text file's column without a name. */
  fields: string[];
  /** A text file's rows under a name of the reader's own (no `#notetype:`): shown as "the columns", not by that name. */
  unnamed?: boolean;
  /** For cloze note types: the fields the question template shows with `{{cloze:…}}` (0-based). */
  clozeFields: number[];
  /** Set when the whole note type cannot become Vaktaal cards, with the reason. */
  unsupported?: string;
  noteCount: number;
}

export interface SourceNote {
  /** Anki's note guid (packages, text exports with a guid column): the base of stable card ids. */
  guid?: string;
  noteTypeId: string;
  /** Raw field text: HTML when the source holds HTML (`Source.html`), else plain text. */
  fields: string[];
  /** Deck id of the note's first card. */
  deckId: string;
  /** Deck per card ordinal, when cards of one note sit in different decks (cloze cards). */
  cardDecks?: ReadonlyMap<number, string>;
  /** How a person finds this note again: "note 1404529280070" or "line 12". */
  where: string;
}

export interface SourceDeck {
  id: string;
  /** Anki's full name, levels joined by "::". */
  name: string;
  description?: string;
  /** Anki's "Default" deck, which every collection has: named after the file instead. */
  isDefault?: boolean;
}

/** Media files by their name in the notes (`[sound:name]`), read only when a card uses one. */
export interface MediaStore {
  has(name: string): boolean;
  /** The files that could be read; a name missing from the result was absent or damaged. */
  read(names: readonly string[]): Map<string, Uint8Array>;
}

export interface Source {
  format: SourceFormat;
  /** For packages: which collection was read. */
  packageVersion?: PackageVersion;
  fileName: string;
  /** Whether field text is HTML (packages always; text exports per their `#html:` header). */
  html: boolean;
  noteTypes: SourceNoteType[];
  notes: SourceNote[];
  decks: SourceDeck[];
  media: MediaStore;
  /** Things the reader noticed that do not stop the conversion. */
  warnings: string[];
}

export const NO_MEDIA: MediaStore = { has: () => false, read: () => new Map() };
