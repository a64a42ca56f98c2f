import { z } from 'zod';
import { deckMetaSchema, deckSchema } from './schema.ts';

/**
 * JSON Schemas for editors (VS Code's YAML extension autocompletes and underlines with them),
 * generated from the same zod schema the validator uses, so the format is never written twice.
 * Draft 7, which the YAML language server supports fully.
 */
export function deckJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(deckSchema, { target: 'draft-7' }),
    title: 'Vaktaal-pakket (.deck.yaml)',
    description: 'Een pakket kaarten met vakjargon. Uitleg: content/README.md.',
  };
}

export function deckMetaJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(deckMetaSchema, { target: 'draft-7' }),
    title: 'Gegevens van een CSV-pakket (.meta.yaml)',
    description: 'Titel, dienst, niveau en beschrijving van het CSV-bestand met dezelfde naam. Uitleg: content/README.md.',
  };
}

/** The files `npm run schema` writes, relative to the repository root, with their exact text. */
export function schemaFiles(): { path: string; text: string }[] {
  const text = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;
  return [
    { path: 'content/deck.schema.json', text: text(deckJsonSchema()) },
    { path: 'content/deck-meta.schema.json', text: text(deckMetaJsonSchema()) },
  ];
}
