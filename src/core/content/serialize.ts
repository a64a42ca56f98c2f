import { Document, isMap, isSeq, YAMLSeq, type Node } from 'yaml';
import Papa from 'papaparse';
import { CARD_FIELDS, DECK_FIELDS, type CardInput, type DeckInput, type DeckMetaInput } from './schema.ts';
import type { Card, Deck } from './model.ts';
import { slugify } from './slug.ts';
import { columnTargetOf, translationTarget } from './spreadsheet.ts';

/**
 * Writes decks back to the files coaches read and edit: a `.deck.yaml` laid out as the authoring
 * guide (content/README.md) shows it, or a CSV with its `.meta.yaml`. Parsing the output with
 * parseDeckFile gives back the same deck. Quoting is left to the yaml and papaparse libraries, which
 * quote exactly where the format needs it.
 */

/** The layout of the guide: long lines stay on one line, double quotes, `|-` for text with line breaks. */
const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, singleQuote: false, blockQuote: 'literal' } as const;

/**
 * The guide writes lists tight (`[buurtparkje]`) and translations padded (`{ en: …, fr: … }`);
 * the library has one padding option for both, so lists drop theirs here.
 */
class TightFlowSeq extends YAMLSeq {
  override toString(...[ctx, ...rest]: Parameters<YAMLSeq['toString']>): string {
    return super.toString(ctx ? { ...ctx, flowCollectionPadding: '' } : ctx, ...rest);
  }
}

/** Fields in schema order, leaving out the absent ones (a DeckInput may carry `undefined` for "not set"). */
function ordered<T extends object>(value: T, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (v !== undefined) out[field] = v;
  }
  return out;
}

/** A deck as `.deck.yaml` text: deck fields, then the cards, one blank line between cards. */
export function deckToYaml(deck: DeckInput): string {
  const plain = { ...ordered(deck, DECK_FIELDS), cards: deck.cards.map((card) => ordered(card, CARD_FIELDS)) };
  // No anchors: two cards sharing one list object in memory are still two lists in the file.
  // compat: also quote what YAML 1.1 tools would misread (yes, no, on, off as text).
  const doc = new Document(plain, { aliasDuplicateObjects: false, compat: 'yaml-1.1' });
  const cards = doc.get('cards', true);
  if (isSeq(cards)) {
    cards.items.forEach((item, index) => {
      if (!isMap(item)) return;
      if (index > 0) item.spaceBefore = true;
      const alternatives = item.get('alternatives', true) as Node | undefined;
      if (isSeq(alternatives)) {
        const tight = new TightFlowSeq(doc.schema);
        tight.items = alternatives.items;
        tight.flow = true;
        item.set('alternatives', tight);
      }
      const translations = item.get('translations', true) as Node | undefined;
      if (isMap(translations)) translations.flow = true;
    });
  }
  return doc.toString(YAML_OPTIONS);
}

/** The `<name>.meta.yaml` beside a CSV deck: the deck fields a CSV has no place for. */
export function deckMetaToYaml(meta: DeckMetaInput): string {
  return new Document(ordered(meta, DECK_FIELDS.filter((f) => f !== 'cards')), { compat: 'yaml-1.1' }).toString(YAML_OPTIONS);
}

/** The languages the app's UI speaks come first, in the order of the language menu; then the rest alphabetically. */
const LANGUAGE_ORDER = ['en', 'fr', 'ar', 'uk', 'tr'];

function languageRank(code: string): number {
  const i = LANGUAGE_ORDER.indexOf(code);
  return i === -1 ? LANGUAGE_ORDER.length : i;
}

export function sortLanguages(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort((a, b) => languageRank(a) - languageRank(b) || a.localeCompare(b));
}

/** Why a deck cannot be written as CSV without changing it: CSV has fewer ways to say things than YAML. */
export type CsvExportProblemCode = 'alternative-has-bar' | 'translation-language';

export interface CsvExportProblem {
  code: CsvExportProblemCode;
  /** Index of the card in `deck.cards`. */
  card: number;
  term: string;
  /** The alternative or the language code at fault. */
  value: string;
  message: string;
}

export type CsvExport = { ok: true; csv: string; meta: string } | { ok: false; problems: CsvExportProblem[] };

export interface CsvExportOptions {
  /** `;` by default, as Excel in Belgium writes and reads it. */
  delimiter?: ';' | ',' | '\t';
}

/** The separator of `alternatives` in one CSV cell (csvDeck.ts splits on it). */
const ALTERNATIVES_SEPARATOR = ' | ';

/** A language can be a CSV column when the reader takes its code for that language ("id" is Indonesian, but the id column). */
function csvLanguageOk(code: string): boolean {
  return columnTargetOf(code) === translationTarget(code);
}

export function csvExportProblems(deck: DeckInput): CsvExportProblem[] {
  const problems: CsvExportProblem[] = [];
  deck.cards.forEach((card, index) => {
    for (const alt of card.alternatives ?? []) {
      if (alt.includes('|')) {
        problems.push({
          code: 'alternative-has-bar',
          card: index,
          term: card.term,
          value: alt,
          message: `"${card.term}": the alternative "${alt}" contains "|", which separates alternatives in a CSV cell — export as .deck.yaml instead`,
        });
      }
    }
    for (const lang of Object.keys(card.translations ?? {})) {
      if (!csvLanguageOk(lang)) {
        problems.push({
          code: 'translation-language',
          card: index,
          term: card.term,
          value: lang,
          message: `"${card.term}": the translation language "${lang}" cannot be a CSV column — export as .deck.yaml instead`,
        });
      }
    }
  });
  return problems;
}

/**
 * A deck as a CSV file (cards, one row each, one column per translation language) and the
 * `.meta.yaml` that goes beside it (id, title, department, level, description). Only the columns
 * the deck uses are written. A BOM leads the file so that Excel reads it as UTF-8.
 */
export function deckToCsv(deck: DeckInput, options: CsvExportOptions = {}): CsvExport {
  const problems = csvExportProblems(deck);
  if (problems.length) return { ok: false, problems };
  const languages = sortLanguages(deck.cards.flatMap((c) => Object.keys(c.translations ?? {})));
  const used = (field: string) => field === 'term' || field === 'definition' || deck.cards.some((c) => cellOf(c, field) !== '');
  const fields = CARD_FIELDS.filter((f) => f !== 'translations' && used(f));
  // Translations sit where the schema has them: after alternatives, before audio.
  const at = fields.findIndex((f) => CARD_FIELDS.indexOf(f) > CARD_FIELDS.indexOf('translations'));
  const header = [...fields];
  header.splice(at === -1 ? header.length : at, 0, ...languages);
  const isLanguage = new Set(languages);
  const rows = deck.cards.map((card) => header.map((column) => (isLanguage.has(column) ? (card.translations?.[column] ?? '') : cellOf(card, column))));
  const csv = Papa.unparse({ fields: header, data: rows }, { delimiter: options.delimiter ?? ';', newline: '\r\n', quoteChar: '"', escapeFormulae: false });
  return { ok: true, csv: `\uFEFF${csv}\r\n`, meta: deckMetaToYaml(deck) };
}

function cellOf(card: CardInput, field: string): string {
  const value = (card as Record<string, unknown>)[field];
  if (value === undefined) return '';
  if (field === 'alternatives') return (value as string[]).join(ALTERNATIVES_SEPARATOR);
  if (field === 'sharedTerm') return value ? 'true' : '';
  return String(value);
}

/**
 * A compiled deck back to what a file says: derived values left out (ids equal to the term's
 * slug, `type: noun` beside an article, empty lists), so that writing it gives the file a coach
 * would have written.
 */
export function deckToInput(deck: Deck): DeckInput {
  return {
    id: deck.id,
    title: deck.title,
    department: deck.department,
    ...(deck.level ? { level: deck.level } : {}),
    ...(deck.description ? { description: deck.description } : {}),
    cards: deck.cards.map(cardToInput),
  };
}

export function cardToInput(card: Card): CardInput {
  return {
    term: card.term,
    ...(card.article ? { article: card.article } : {}),
    ...(card.type && !(card.type === 'noun' && card.article) ? { type: card.type } : {}),
    definition: card.definition,
    ...(card.example ? { example: card.example } : {}),
    ...(card.plain ? { plain: card.plain } : {}),
    ...(card.alternatives.length ? { alternatives: [...card.alternatives] } : {}),
    ...(Object.keys(card.translations).length ? { translations: { ...card.translations } } : {}),
    ...(card.audio ? { audio: card.audio } : {}),
    ...(card.id !== slugify(card.term) ? { id: card.id } : {}),
    ...(card.sharedTerm ? { sharedTerm: true } : {}),
  };
}
