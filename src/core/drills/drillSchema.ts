import { z } from 'zod';
import { LEVELS } from '../content/schema.ts';
import { ID_PATTERN } from '../content/slug.ts';

/**
 * The schema of drill files (`content/drills/<name>.drill.yaml`) and writing-prompt files
 * (`content/prompts/<name>.prompts.yaml`). Like schema.ts for decks, this is the one definition of
 * the format: the validator and the authoring guide follow it.
 */
export const DRILL_TOPICS = [
  'dt',
  'kofschip',
  'e-mail',
  'klare-taal',
  'woordvolgorde',
  'hun-hen-zij',
  'hoofdletters',
  'sollicitatie',
] as const;
export const DRILL_KINDS = ['gap', 'choice', 'order', 'fix', 'rewrite'] as const;
export const PROMPT_KINDS = ['email', 'text'] as const;
export const REGISTERS = ['u', 'je'] as const;

const text = z.string().trim().min(1);
const id = z.string().regex(ID_PATTERN);
const explanation = text.describe('Korte uitleg die de cursist na het antwoord ziet.');
const itemId = id.optional().describe('Vaste id van de oefening; standaard afgeleid van de tekst.');

export const gapItemSchema = z.strictObject({
  kind: z.literal('gap'),
  sentence: text.describe('Zin met één gat: drie of meer lage streepjes (___).'),
  hint: text.optional().describe('Wat tussen haakjes achter de zin staat, bv. het hele werkwoord.'),
  answer: text,
  alternatives: z.array(text).optional(),
  explanation,
  id: itemId,
});

export const choiceItemSchema = z.strictObject({
  kind: z.literal('choice'),
  question: text,
  sentence: text.optional().describe('Optionele zin bij de vraag, bv. met een gat (___).'),
  options: z.array(text).min(2).max(4),
  answer: text.describe('Een van de opties, letterlijk.'),
  explanation,
  id: itemId,
});

export const orderItemSchema = z.strictObject({
  kind: z.literal('order'),
  prompt: text.optional(),
  tiles: z.array(text).min(2).max(14).describe('De blokjes; samen vormen ze precies het antwoord.'),
  answer: text,
  alternatives: z.array(text).optional().describe('Andere juiste volgordes van dezelfde blokjes.'),
  explanation,
  id: itemId,
});

export const fixItemSchema = z.strictObject({
  kind: z.literal('fix'),
  prompt: text.optional(),
  text: text.describe('Tekst met fouten, elke fout als {fout|juist} of {fout|juist|uitleg}.'),
  explanation,
  id: itemId,
});

export const rewriteItemSchema = z.strictObject({
  kind: z.literal('rewrite'),
  sentence: text.describe('De zin in ambtelijke taal die herschreven moet worden.'),
  avoid: z.array(text).optional().describe('Woorden die niet in het antwoord mogen; * aan het eind = elk woord dat zo begint.'),
  include: z.array(text).optional().describe('Woorden die in het antwoord moeten; a|b = a of b.'),
  maxWords: z.number().int().min(1).max(200).optional(),
  model: text.describe('Een goed antwoord, getoond na het schrijven.'),
  explanation,
  id: itemId,
});

/** One entry of `content/drills/equivalents.yaml`: forms that are equally right in a gap or fix answer. */
export const equivalentSchema = z.strictObject({
  forms: z.array(text).min(2).describe('Vormen die allebei juist zijn, in kleine letters: [u hebt, u heeft].'),
  oneWay: z.boolean().optional().describe('true: alleen de eerste vorm mag door de andere vervangen worden (zij → ze), niet omgekeerd.'),
  except: z.array(text).optional().describe('Vaste uitdrukkingen waarin de vorm niet vervangen mag worden: [het zij zo].'),
  reason: text.describe('Waarom de vormen gelijkwaardig zijn, voor wie de lijst nakijkt.'),
});

export const equivalentsFileSchema = z.strictObject({
  equivalents: z.array(z.unknown()).min(1),
});

export const ITEM_SCHEMAS = {
  gap: gapItemSchema,
  choice: choiceItemSchema,
  order: orderItemSchema,
  fix: fixItemSchema,
  rewrite: rewriteItemSchema,
} as const;

export const drillSetSchema = z.strictObject({
  id: id.describe('Id van de reeks: kleine letters, cijfers en koppeltekens.'),
  title: text,
  topic: z.enum(DRILL_TOPICS),
  level: z.enum(LEVELS).optional(),
  description: text.optional(),
  items: z.array(z.unknown()).min(1),
});

export const promptSchema = z.strictObject({
  id,
  title: text,
  task: text.describe('De opdracht, bv. „Antwoord een inwoner die vraagt …”.'),
  kind: z.enum(PROMPT_KINDS).optional().describe('email (standaard): aanhef en afsluiting horen erbij; text: een korte tekst.'),
  register: z.enum(REGISTERS).optional().describe('u (standaard) of je.'),
  points: z.array(text).optional().describe('Wat er in de tekst moet staan.'),
  level: z.enum(LEVELS).optional(),
});

export const promptFileSchema = z.strictObject({
  id,
  title: text,
  prompts: z.array(z.unknown()).min(1),
});

export type DrillTopic = (typeof DRILL_TOPICS)[number];
export type DrillKind = (typeof DRILL_KINDS)[number];
export type PromptKind = (typeof PROMPT_KINDS)[number];
export type Register = (typeof REGISTERS)[number];
export type GapItemInput = z.infer<typeof gapItemSchema>;
export type ChoiceItemInput = z.infer<typeof choiceItemSchema>;
export type OrderItemInput = z.infer<typeof orderItemSchema>;
export type FixItemInput = z.infer<typeof fixItemSchema>;
export type RewriteItemInput = z.infer<typeof rewriteItemSchema>;
export type DrillItemInput = GapItemInput | ChoiceItemInput | OrderItemInput | FixItemInput | RewriteItemInput;
export type PromptInput = z.infer<typeof promptSchema>;
export type EquivalentInput = z.infer<typeof equivalentSchema>;

export const DRILL_SET_FIELDS = Object.keys(drillSetSchema.shape);
export const EQUIVALENTS_FILE_FIELDS = Object.keys(equivalentsFileSchema.shape);
export const EQUIVALENT_FIELDS = Object.keys(equivalentSchema.shape);
export const PROMPT_FILE_FIELDS = Object.keys(promptFileSchema.shape);
export const PROMPT_FIELDS = Object.keys(promptSchema.shape);
export const ITEM_FIELDS: Record<DrillKind, string[]> = {
  gap: Object.keys(gapItemSchema.shape),
  choice: Object.keys(choiceItemSchema.shape),
  order: Object.keys(orderItemSchema.shape),
  fix: Object.keys(fixItemSchema.shape),
  rewrite: Object.keys(rewriteItemSchema.shape),
};
