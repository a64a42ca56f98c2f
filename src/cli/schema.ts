/**
 * `npm run schema`: writes the JSON Schemas for deck files (content/deck.schema.json) and CSV meta
 * files (content/deck-meta.schema.json) from the zod schema in src/core/content/schema.ts. Run it
 * after changing that schema; a unit test fails while the committed files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../core/content/jsonSchema.ts';

for (const file of schemaFiles()) {
  writeFileSync(file.path, file.text);
  console.log(`wrote ${file.path}`);
}
