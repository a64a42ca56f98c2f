/**
 * Parsing and validating `content/stadhuistaal.yaml`, in the style of the deck and drill
 * validators: every problem is reported with path:line:column and a code; an unknown field gets
 * the nearest known one as a suggestion. A bad entry is left out and hides nothing else.
 */
import { z } from 'zod';
import { problem, type Problem } from '../content/problems.ts';
import { readYamlSource } from '../content/yamlDeck.ts';
import { dedupe, issueToProblems, type IssueContext } from '../content/zodProblems.ts';
import {
  GAP,
  NO_STADHUISTAAL,
  withGapMark,
  phraseKey,
  phraseParts,
  STADHUISTAAL_FORMAT,
  type StadhuistaalEntry,
  type StadhuistaalList,
} from './stadhuistaal.ts';

/** The list's file name in a content folder. */
export const STADHUISTAAL_FILE = 'stadhuistaal.yaml';

const text = z.string().trim().min(1);
const phrase = text.describe('Kleine letters, één spatie tussen de woorden, … waar andere woorden tussen mogen staan: dienen … te.');

export const stadhuistaalEntrySchema = z.strictObject({
  term: phrase.describe('Het woord of de woordgroep die je liever niet schrijft: teneinde, ten behoeve van, dienen … te.'),
  forms: z.array(phrase).optional().describe('Andere vormen die de schrijftafel ook aanduidt: [dient … te, diende … te, dienden … te].'),
  // One plain word may be written without the list brackets.
  plain: z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text).min(1))
    .describe('Wat je wel schrijft, het beste eerst: als, of [wilt u, vragen wij u].'),
  why: text.describe('Waarom, in één of twee zinnen, voor de cursist.'),
  replace: z
    .boolean()
    .optional()
    .describe(
      'false: het gewone woord kan niet zomaar in de plaats komen (gelieve → wilt u …?); de schrijftafel biedt dan geen knop om te vervangen.',
    ),
});

export const stadhuistaalFileSchema = z.strictObject({
  entries: z.array(z.unknown()).min(1),
});

const ENTRY_FIELDS = Object.keys(stadhuistaalEntrySchema.shape);
const FILE_FIELDS = Object.keys(stadhuistaalFileSchema.shape);

/** Lowercase words with single spaces, and … (or ...) only between words. */
const PHRASE = /^[\p{Ll}'’-]+(?: (?:…|\.\.\.|[\p{Ll}'’-]+))*$/u;

function phraseProblem(value: string): string | undefined {
  if (!PHRASE.test(value)) return 'must be lowercase words with single spaces — the desk handles capitals itself';
  const parts = phraseParts(value);
  if (parts.some((p) => !p.length)) return `may have ${GAP} only between words, once in a row`;
  return undefined;
}

export interface StadhuistaalResult {
  list: StadhuistaalList;
  problems: Problem[];
}

/**
 * Parses and validates the list. A phrase (term or form) may stand only once in the whole list:
 * the desk could not tell which entry's plain words to suggest. Never throws.
 */
export function parseStadhuistaalYaml(text: string, file: string): StadhuistaalResult {
  const source = readYamlSource(text, file);
  if (source.problems) return { list: NO_STADHUISTAAL, problems: source.problems };
  const { raw, locate } = source;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      list: NO_STADHUISTAAL,
      problems: [problem(file, { line: 1, column: 1 }, 'error', 'not-a-mapping', 'the list of stadhuistaal starts with "entries:"', {})],
    };
  }
  const ctx: IssueContext = { file, locate, fields: (path) => (path[0] === 'entries' && path.length > 1 ? ENTRY_FIELDS : FILE_FIELDS) };
  const problems: Problem[] = [];
  const envelope = stadhuistaalFileSchema.safeParse(raw);
  if (!envelope.success) problems.push(...envelope.error.issues.flatMap((i) => issueToProblems(i, raw, ctx)));
  const rawEntries = (raw as { entries?: unknown }).entries;
  const entries: StadhuistaalEntry[] = [];
  /** Folded phrase → the line it is on. */
  const seen = new Map<string, number>();
  if (Array.isArray(rawEntries)) {
    rawEntries.forEach((rawEntry, index) => {
      const at = (...rest: (string | number)[]) => locate.at(['entries', index, ...rest]);
      const parsed = stadhuistaalEntrySchema.safeParse(rawEntry);
      if (!parsed.success) {
        problems.push(
          ...parsed.error.issues.flatMap((i) =>
            issueToProblems({ ...i, path: ['entries', index, ...i.path] } as z.core.$ZodIssue, raw, ctx),
          ),
        );
        return;
      }
      const line = at().line;
      const before = problems.length;
      const { term, forms = [], why, replace } = parsed.data;
      const plain = parsed.data.plain.map(withGapMark);
      const plainIsList = Array.isArray((rawEntry as { plain?: unknown }).plain);
      const phrases: [string, (string | number)[]][] = [
        [term, ['term']],
        ...forms.map((f, i): [string, (string | number)[]] => [f, ['forms', i]]),
      ];
      for (const [value, path] of phrases) {
        const field = path[0] as string;
        const wrong = phraseProblem(value);
        if (wrong) {
          problems.push(problem(file, at(...path), 'error', 'invalid-value', `"${value}" ${wrong}`, { field, value, allowed: '' }));
          continue;
        }
        const key = phraseKey(value);
        const other = seen.get(key);
        if (other !== undefined) {
          const message =
            other === line
              ? `"${value}" is twice in this entry`
              : `"${value}" is already listed on line ${other} — one phrase, one entry (add the form there)`;
          problems.push(problem(file, at(...path), 'error', 'duplicate-term', message, { term: value, otherLine: String(other) }));
          continue;
        }
        seen.set(key, line);
      }
      const termKey = phraseKey(term);
      plain.forEach((p, i) => {
        if (phraseKey(p) === termKey) {
          const place = plainIsList ? at('plain', i) : at('plain');
          problems.push(
            problem(file, place, 'error', 'invalid-value', `plain "${p}" is the term itself — write the plain word to use instead`, {
              field: 'plain',
              value: p,
              allowed: '',
            }),
          );
        }
      });
      if (problems.length > before) return;
      entries.push({ term: withGapMark(term), forms: forms.map(withGapMark), plain, why, replace: replace ?? true, line });
    });
  }
  return { list: { format: STADHUISTAAL_FORMAT, entries }, problems: dedupe(problems) };
}
