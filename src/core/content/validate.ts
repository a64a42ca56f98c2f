import { z } from 'zod';
import { CARD_FIELDS, cardSchema, DECK_FIELDS, DECK_META_FIELDS, deckMetaSchema, deckSchema, type CardInput, type DeckMetaInput } from './schema.ts';
import { gapMatchesTerm } from './inflection.ts';
import { problem, type Problem } from './problems.ts';
import { dedupe, issueToProblems, type Locator, type Path } from './zodProblems.ts';
import { cardIdOf } from './slug.ts';
import { fold, hasInvisible } from './text.ts';
import type { Card, Deck } from './model.ts';

export type { Locator, Path } from './zodProblems.ts';

export interface ValidateContext {
  file: string;
  locate: Locator;
  /** Deck fields supplied from outside the file (folder name, CSV meta file). */
  defaults?: { department?: string };
}

export interface DeckResult {
  deck?: Deck;
  problems: Problem[];
  /**
   * Where things were written, for checks that run after compiling (content QA, checks across
   * files). Card indexes are those of `deck.cards`.
   */
  locate?: Locator;
}

/** Turns zod's issues into our problems; deck files know card fields under `cards`, deck fields elsewhere. */
function deckIssueToProblems(issue: z.core.$ZodIssue, raw: unknown, ctx: ValidateContext, deckFields: readonly string[] = DECK_FIELDS): Problem[] {
  return issueToProblems(issue, raw, {
    file: ctx.file,
    locate: ctx.locate,
    fields: (path) => (path.some((p) => p === 'cards') ? CARD_FIELDS : deckFields),
  });
}

/** A small, stable hash (cyrb53) so the app can tell when a deck's content changed. */
export function contentHash(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const GAP = /\{([^{}]*)\}/g;

/** Checks that go beyond the shape of one value: ids, duplicates, gaps, articles. */
function checkCards(
  entries: readonly { input: CardInput; index: number }[],
  ctx: ValidateContext,
): { cards: Card[]; problems: Problem[] } {
  const { file, locate } = ctx;
  const problems: Problem[] = [];
  const cards: Card[] = [];
  const seenIds = new Map<string, number>();
  const seenTerms = new Map<string, number>();
  for (const { input: c, index: i } of entries) {
    const at = (field?: string) => locate.at(field ? ['cards', i, field] : ['cards', i]);
    const line = at().line;
    const id = cardIdOf(c);
    const idPos = c.id ? at('id') : at('term');
    if (!id) {
      problems.push(
        problem(file, idPos, 'error', 'invalid-id', `cannot derive an id from term "${c.term}" — add an id`, {
          field: 'id',
          value: c.term,
          suggestion: '',
        }),
      );
    } else if (seenIds.has(id)) {
      problems.push(
        problem(
          file,
          idPos,
          'error',
          'duplicate-card-id',
          `duplicate card id "${id}" (also on line ${seenIds.get(id)}) — give one of them its own id`,
          { id, otherLine: String(seenIds.get(id)) },
        ),
      );
    } else {
      seenIds.set(id, line);
    }
    const termKey = fold(`${c.article ?? ''} ${c.term}`);
    const firstTermLine = seenTerms.get(termKey);
    if (firstTermLine !== undefined && seenIds.get(id) !== firstTermLine) {
      problems.push(
        problem(file, at('term'), 'warning', 'duplicate-term', `term "${c.term}" is also on line ${firstTermLine}`, {
          term: c.term,
          otherLine: String(firstTermLine),
        }),
      );
    } else if (firstTermLine === undefined) {
      seenTerms.set(termKey, line);
    }
    if (c.article && c.type && c.type !== 'noun' && c.type !== 'abbreviation') {
      problems.push(
        problem(file, at('article'), 'error', 'article-on-non-noun', `"${c.term}" is a ${c.type} and takes no article — remove "article" or fix "type"`, {
          term: c.term,
          type: c.type,
        }),
      );
    }
    if (c.example !== undefined) {
      const gaps = [...c.example.matchAll(GAP)];
      if (gaps.length === 0) {
        problems.push(
          problem(file, at('example'), 'error', 'gap-missing', `the example has no {gap}: put the word to practise between { and }`, {}),
        );
      } else if (gaps.length > 1) {
        problems.push(
          problem(file, at('example'), 'error', 'gap-count', `the example has ${gaps.length} gaps; use exactly one {…}`, {
            count: String(gaps.length),
          }),
        );
      } else if (!gaps[0]![1]!.trim()) {
        problems.push(problem(file, at('example'), 'error', 'gap-missing', `the {gap} in the example is empty`, {}));
      } else {
        const gap = gaps[0]!;
        const after = c.example.slice(gap.index + gap[0].length);
        if (!gapMatchesTerm(c, gap[1]!, after)) {
          problems.push(
            problem(
              file,
              at('example'),
              'warning',
              'gap-mismatch',
              `the {gap} "${gap[1]!.trim()}" is not "${c.term}" or a form of it (plural, diminutive, conjugation, participle, -e ending) — put the term itself between { and }`,
              { gap: gap[1]!.trim(), term: c.term },
            ),
          );
        }
      }
    }
    // Invisible marks (bidi marks from right-to-left keyboards, zero-width spaces) make a text look
    // right and compare wrong elsewhere (spelling, search, another app): say where they are.
    const texts: [string, string | undefined][] = [
      ['term', c.term],
      ['definition', c.definition],
      ['example', c.example],
      ['plain', c.plain],
      ...(c.alternatives ?? []).map((a): [string, string] => ['alternatives', a]),
      ...Object.values(c.translations ?? {}).map((t): [string, string] => ['translations', t]),
    ];
    for (const field of new Set(texts.filter(([, value]) => value !== undefined && hasInvisible(value)).map(([f]) => f))) {
      problems.push(
        problem(file, at(field), 'warning', 'invisible-character', `"${field}" of "${c.term}" holds an invisible character (a direction mark or zero-width space, often from copy-paste): retype the text`, {
          field,
          term: c.term,
        }),
      );
    }
    if (!c.article && c.type === 'noun') {
      problems.push(
        problem(file, at('type'), 'error', 'article-missing', `"${c.term}" is a noun: add "article: de" or "article: het" (plural-only nouns take de)`, {
          term: c.term,
        }),
      );
    } else if (!c.article && !c.type) {
      problems.push(
        problem(
          file,
          at('term'),
          'warning',
          'article-missing',
          `"${c.term}" has no article and no type: a noun needs "article: de" or "article: het"; for another kind of word set "type" (verb, adjective, adverb, phrase, abbreviation)`,
          { term: c.term },
        ),
      );
    }
    cards.push({
      id,
      term: c.term,
      ...(c.article ? { article: c.article } : {}),
      ...(c.type ? { type: c.type } : c.article ? { type: 'noun' as const } : {}),
      definition: c.definition,
      ...(c.example ? { example: c.example } : {}),
      ...(c.plain ? { plain: c.plain } : {}),
      alternatives: c.alternatives ?? [],
      translations: c.translations ?? {},
      ...(c.audio ? { audio: c.audio } : {}),
      ...(c.sharedTerm ? { sharedTerm: true } : {}),
      line,
    });
  }
  return { cards, problems };
}

const envelopeSchema = deckSchema.extend({ cards: z.array(z.unknown()).min(1) });

/**
 * Validates parsed deck data (from YAML or CSV) and compiles it. Reports every problem found:
 * the deck fields and each card are checked on their own, so one bad card hides nothing else.
 * A deck is returned whenever its own fields are sound; callers refuse it when any problem is an error.
 */
export function validateDeck(raw: unknown, ctx: ValidateContext): DeckResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [
        problem(ctx.file, { line: 1, column: 1 }, 'error', 'not-a-mapping', 'a deck file must start with fields like "id:", "title:" and "cards:"', {}),
      ],
    };
  }
  const problems: Problem[] = [];
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) problems.push(...envelope.error.issues.flatMap((issue) => deckIssueToProblems(issue, raw, ctx)));
  const rawCards = (raw as { cards?: unknown }).cards;
  const goodCards: { input: CardInput; index: number }[] = [];
  if (Array.isArray(rawCards)) {
    rawCards.forEach((rawCard, index) => {
      const parsed = cardSchema.safeParse(rawCard);
      if (parsed.success) goodCards.push({ input: parsed.data, index });
      else
        problems.push(
          ...parsed.error.issues.flatMap((issue) =>
            deckIssueToProblems({ ...issue, path: ['cards', index, ...issue.path] } as z.core.$ZodIssue, raw, ctx),
          ),
        );
    });
  }
  const checked = checkCards(goodCards, ctx);
  problems.push(...checked.problems);
  // Compiled card k is raw card goodCards[k].index: cards with errors are left out of the deck.
  const locate: Locator = {
    at(path: Path, asKey?: boolean) {
      if (path[0] === 'cards' && typeof path[1] === 'number') {
        const raw = goodCards[path[1]]?.index ?? path[1];
        return ctx.locate.at(['cards', raw, ...path.slice(2)], asKey);
      }
      return ctx.locate.at(path, asKey);
    },
  };
  if (!envelope.success) return { problems: dedupe(problems), locate };
  const input = envelope.data;
  const cards = checked.cards;
  const hashed = JSON.stringify(cards.map(({ line: _line, ...rest }) => rest));
  const deck: Deck = {
    id: input.id,
    title: input.title,
    department: input.department ?? ctx.defaults?.department ?? 'Algemeen',
    ...(input.level ? { level: input.level } : {}),
    ...(input.description ? { description: input.description } : {}),
    source: ctx.file,
    cardCount: cards.length,
    hash: contentHash(`${input.id}|${input.title}|${hashed}`),
    cards,
  };
  return { deck, problems: dedupe(problems), locate };
}

/**
 * Validates the `<name>.meta.yaml` beside a CSV deck: deck fields only, all optional (the CSV's
 * file and folder names fill in what is missing).
 */
export function validateDeckMeta(raw: unknown, ctx: ValidateContext): { meta?: DeckMetaInput; problems: Problem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [
        problem(ctx.file, { line: 1, column: 1 }, 'error', 'not-a-mapping', 'a meta file holds fields like "title:" and "department:"', {}),
      ],
    };
  }
  const parsed = deckMetaSchema.safeParse(raw);
  if (parsed.success) return { meta: parsed.data, problems: [] };
  return { problems: dedupe(parsed.error.issues.flatMap((issue) => deckIssueToProblems(issue, raw, ctx, DECK_META_FIELDS))) };
}

