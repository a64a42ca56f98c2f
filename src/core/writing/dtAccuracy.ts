/**
 * Recall and precision of the dt check on a labelled set of sentences
 * (tests/unit/fixtures/dt-sentences.yaml): the accuracy test and `npm run bench` both use this.
 */
import type { Finding } from './findings.ts';
import { words } from './text.ts';

export interface LabelledSentence {
  part: string;
  text: string;
  /** The one wrong word and its right form; absent for a correct sentence. */
  wrong?: { word: string; start: number; end: number; right: string };
}

/** The labelled set from its parsed YAML: parts (heldout, tune) of items { text, wrong?, right? }. */
export function labelledSentences(doc: unknown, file: string): LabelledSentence[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new Error(`${file}: expected parts (heldout:, tune:) with lists of sentences.`);
  const out: LabelledSentence[] = [];
  for (const [part, items] of Object.entries(doc as Record<string, unknown>)) {
    if (!Array.isArray(items)) throw new Error(`${file}: part "${part}" must be a list of sentences.`);
    items.forEach((item: unknown, i) => {
      const where = `${file}: ${part}[${i}]`;
      if (!item || typeof item !== 'object') throw new Error(`${where}: expected { text, wrong?, right? }.`);
      const { text, wrong, right, ...rest } = item as Record<string, unknown>;
      if (typeof text !== 'string' || !text.trim()) throw new Error(`${where}: "text" must be a sentence.`);
      if (Object.keys(rest).length) throw new Error(`${where}: unknown field(s) ${Object.keys(rest).join(', ')}; use text, wrong, right.`);
      if (wrong === undefined && right === undefined) {
        out.push({ part, text });
        return;
      }
      if (typeof wrong !== 'string' || typeof right !== 'string' || wrong === right) {
        throw new Error(
          `${where} ("${text}"): give both "wrong" (the word as written) and "right" (its right form), and make them differ.`,
        );
      }
      const hits = words(text).filter((w) => w.text === wrong);
      if (hits.length !== 1) throw new Error(`${where}: "${wrong}" must occur exactly once as a word in "${text}" (found ${hits.length}).`);
      out.push({ part, text, wrong: { word: wrong, start: hits[0]!.start, end: hits[0]!.end, right } });
    });
  }
  return out;
}

export interface DtScore {
  sentences: number;
  errors: number;
  /** Flagged on the wrong word with the right form as first suggestion. */
  found: number;
  /** Every other finding: on a correct sentence, on another word, or with another suggestion. */
  falseAlarms: { text: string; word: string; suggestion: string }[];
  missed: { text: string; word: string; right: string }[];
  recall: number;
  precision: number;
}

export function scoreDt(items: readonly LabelledSentence[], check: (text: string) => Finding[]): DtScore {
  const score: DtScore = { sentences: items.length, errors: 0, found: 0, falseAlarms: [], missed: [], recall: 1, precision: 1 };
  for (const item of items) {
    const findings = check(item.text);
    let hit = false;
    for (const f of findings) {
      const w = item.wrong;
      if (w && f.start === w.start && f.end === w.end && f.suggestions[0] === w.right) hit = true;
      else score.falseAlarms.push({ text: item.text, word: f.text, suggestion: f.suggestions[0] ?? '' });
    }
    if (item.wrong) {
      score.errors++;
      if (hit) score.found++;
      else score.missed.push({ text: item.text, word: item.wrong.word, right: item.wrong.right });
    }
  }
  score.recall = score.errors ? score.found / score.errors : 1;
  const flagged = score.found + score.falseAlarms.length;
  score.precision = flagged ? score.found / flagged : 1;
  return score;
}
