/**
 * The decisive check of a draft, before it is practised or exported: the draft written as the
 * `.deck.yaml` it would export, parsed back by parseDeckFile (exactly what the build and the
 * import run), and every problem's line and column mapped back to the card and field it is about.
 * The live checks (checker.ts) say the same thing sooner; this one decides.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Deck } from '../content/model.ts';
import { parseDeckFile } from '../content/parseDeckFile.ts';
import type { Problem } from '../content/problems.ts';
import { CARD_FIELDS, type DeckInput } from '../content/schema.ts';
import { deckToYaml } from '../content/serialize.ts';
import type { StudioCheckCode } from './checker.ts';

export interface LocatedProblem extends Omit<Problem, 'code'> {
  code: Problem['code'] | StudioCheckCode;
  /** Index of the card in the draft; absent for a deck field. */
  card?: number;
  /** The field, as the studio names it (`term`, `translations.en`, `title`, …). */
  field: string;
}

export interface DraftFileCheck {
  /** The compiled deck when the file has no errors. */
  deck?: Deck;
  /** The `.deck.yaml` text the draft makes. */
  yaml: string;
  problems: LocatedProblem[];
}

interface Span {
  start: number;
  end: number;
  depth: number;
  card?: number;
  field: string;
}

const CARD_FIELD_SET: ReadonlySet<string> = new Set(CARD_FIELDS);

function range(node: unknown): [number, number] | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Where each deck field, card and card field sits in the text. */
function spansOf(yaml: string): { spans: Span[]; lineStarts: number[] } {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  const spans: Span[] = [];
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const start = range(pair.key)?.[0];
      const end = range(pair.value)?.[1] ?? range(pair.key)?.[1];
      if (start === undefined || end === undefined) continue;
      if (key !== 'cards' || !isSeq(pair.value)) {
        spans.push({ start, end, depth: 1, field: key });
        continue;
      }
      spans.push({ start, end: range(pair.key)![1], depth: 1, field: 'cards' });
      pair.value.items.forEach((item, card) => {
        const whole = range(item);
        if (whole) spans.push({ start: whole[0], end: whole[1], depth: 2, card, field: '' });
        if (!isMap(item)) return;
        for (const field of item.items) {
          if (!isPair(field) || !isScalar(field.key)) continue;
          const name = String(field.key.value);
          const s = range(field.key)?.[0];
          const e = range(field.value)?.[1] ?? range(field.key)?.[1];
          if (s === undefined || e === undefined) continue;
          spans.push({ start: s, end: e, depth: 3, card, field: name });
          if (name === 'translations' && isMap(field.value)) {
            for (const lang of field.value.items) {
              if (!isPair(lang) || !isScalar(lang.key)) continue;
              const ls = range(lang.key)?.[0];
              const le = range(lang.value)?.[1] ?? range(lang.key)?.[1];
              if (ls !== undefined && le !== undefined)
                spans.push({ start: ls, end: le, depth: 4, card, field: `translations.${String(lang.key.value)}` });
            }
          }
        }
      });
    }
  }
  return { spans, lineStarts: lines.lineStarts };
}

/** Maps parseDeckFile's problems (line, column in the YAML) back to cards and fields. */
export function locateProblems(yaml: string, problems: readonly Problem[]): LocatedProblem[] {
  const { spans, lineStarts } = spansOf(yaml);
  return problems.map((p) => {
    const offset = (lineStarts[p.line - 1] ?? 0) + p.column - 1;
    let best: Span | undefined;
    for (const s of spans) if (s.start <= offset && offset < Math.max(s.end, s.start + 1) && (!best || s.depth > best.depth)) best = s;
    const named = p.params.field;
    // A missing field is reported where it should have been (its card, or the top of the file): the problem names it.
    const missing = p.code === 'missing-field' && named ? named : undefined;
    if (best?.card !== undefined) {
      const field =
        (missing && CARD_FIELD_SET.has(missing) ? missing : undefined) ??
        (best.field || (named && CARD_FIELD_SET.has(named) ? named : 'term'));
      return { ...p, card: best.card, field };
    }
    return { ...p, field: missing ?? (best?.field || named || 'id') };
  });
}

/** Writes the draft as its `.deck.yaml`, parses it as the build would, and says where each problem is. */
export function checkDraftFile(
  input: DeckInput,
  fileName = `${typeof input.id === 'string' && input.id ? input.id : 'pakket'}.deck.yaml`,
): DraftFileCheck {
  const safe = { ...input, cards: Array.isArray(input.cards) ? input.cards : [] };
  const yaml = deckToYaml(safe);
  const result = parseDeckFile(fileName, yaml);
  const errors = result.problems.some((p) => p.severity === 'error');
  return { ...(result.deck && !errors ? { deck: result.deck } : {}), yaml, problems: locateProblems(yaml, result.problems) };
}
