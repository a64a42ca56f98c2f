/**
 * The anchor of the decks command in `npm run bench`: a bare `yaml` parse of every YAML file under
 * DIR, in its own Node process, doing nothing else. Plain JavaScript, so nothing but Node starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
let files = 0;
for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  parse(readFileSync(join(dir, name), 'utf8'));
  files++;
}
console.log(`${files} files parsed`);
