import { z } from 'zod';
import { ID_PATTERN } from './slug.ts';

/**
 * The one schema of a deck file. The validator, the CSV importer and the generated JSON Schema
 * (for editor support) all derive from it, so the format is written down once.
 */
export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const ARTICLES = ['de', 'het'] as const;
export const CARD_TYPES = ['noun', 'verb', 'adjective', 'adverb', 'phrase', 'abbreviation'] as const;

const text = z.string().trim().min(1);
const id = z.string().regex(ID_PATTERN);

export const cardSchema = z.strictObject({
  term: text.describe('Het Nederlandse woord of de uitdrukking, zonder lidwoord.'),
  article: z.enum(ARTICLES).optional().describe('de of het; weglaten bij woorden zonder lidwoord.'),
  type: z.enum(CARD_TYPES).optional().describe('Woordsoort; standaard noun als er een lidwoord is.'),
  definition: text.describe('Uitleg in eenvoudig Nederlands (B1).'),
  example: text.optional().describe('Voorbeeldzin met het woord tussen {accolades}.'),
  plain: text.optional().describe('Het klaretaalalternatief.'),
  alternatives: z.array(text).optional().describe('Andere antwoorden die ook juist zijn.'),
  translations: z
    .record(z.string().regex(/^[a-z]{2,3}$/), text)
    .optional()
    .describe('Vertalingen per taalcode: en, fr, ar, uk, tr, ...'),
  audio: z
    .string()
    .regex(/^[\w.-]+\.(mp3|ogg|m4a|wav|webm)$/)
    .optional()
    .describe('Naam van een geluidsbestand in content/audio/.'),
  id: id.optional().describe('Vaste id van de kaart; standaard afgeleid van de term.'),
  sharedTerm: z.boolean().optional().describe('true als deze term bewust ook in een ander pakket staat.'),
});

export const deckSchema = z.strictObject({
  id: id.describe('Id van het pakket: kleine letters, cijfers en koppeltekens. Uniek over alle pakketten.'),
  title: text.describe('Titel van het pakket zoals de app hem toont.'),
  department: text.optional().describe('Dienst; groepeert de pakketten in de app. Standaard: de naam van de map.'),
  level: z.enum(LEVELS).optional().describe('Taalniveau (ERK): A1, A2, B1, B2, C1 of C2.'),
  description: text.optional().describe('Eén of twee zinnen over het pakket.'),
  cards: z.array(cardSchema).min(1).describe('De kaarten: één per woord of uitdrukking.'),
});

/** Deck metadata without cards: the `<name>.meta.yaml` beside a CSV deck. */
export const deckMetaSchema = deckSchema.omit({ cards: true }).partial();

export type CardInput = z.infer<typeof cardSchema>;
export type DeckInput = z.infer<typeof deckSchema>;
export type DeckMetaInput = z.infer<typeof deckMetaSchema>;
export type Level = (typeof LEVELS)[number];
export type Article = (typeof ARTICLES)[number];
export type CardType = (typeof CARD_TYPES)[number];

export const CARD_FIELDS = Object.keys(cardSchema.shape);
export const DECK_FIELDS = Object.keys(deckSchema.shape);
export const DECK_META_FIELDS = Object.keys(deckMetaSchema.shape);
