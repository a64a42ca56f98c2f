import { type z } from 'zod';
import {
  DRILL_KINDS,
  DRILL_SET_FIELDS,
  drillSetSchema,
  EQUIVALENT_FIELDS,
  EQUIVALENTS_FILE_FIELDS,
  equivalentSchema,
  equivalentsFileSchema,
  ITEM_FIELDS,
  ITEM_SCHEMAS,
  PROMPT_FIELDS,
  PROMPT_FILE_FIELDS,
  promptFileSchema,
  promptSchema,
  type DrillItemInput,
  type DrillKind,
} from './drillSchema.ts';
import type { DrillItem, DrillSet, PromptSet, WritingPrompt } from './drillModel.ts';
import { problem, type Problem } from '../content/problems.ts';
import { nearest } from '../content/suggest.ts';
import { slugify } from '../content/slug.ts';
import { contentHash } from '../content/validate.ts';
import { dedupe, describeKind, issueToProblems, valueAt, type IssueContext } from '../content/zodProblems.ts';
import { readYamlSource, type YamlSource } from '../content/yamlDeck.ts';
import { parseFixText } from './fixText.ts';
import { checkRubric, normalizeSentence, tileOrderFor } from './check.ts';
import {
  equivalentGapAnswers,
  findVariants,
  NO_EQUIVALENTS,
  replaceVariant,
  type Equivalence,
  type EquivalentsTable,
} from './equivalents.ts';

/**
 * Parsing and validating drill files and writing-prompt files, in the style of the deck
 * validator: every problem is reported with path:line:column, a code and params; an unknown field
 * gets the nearest known one as a suggestion. One bad item hides nothing else.
 */
export interface DrillResult {
  set?: DrillSet;
  problems: Problem[];
}

export interface PromptResult {
  prompts?: PromptSet;
  problems: Problem[];
}

type Ctx = IssueContext;

const GAP_MARK = /_{3,}/g;

/**
 * Reads a drill, prompts or equivalents file, whose top level must be a mapping; `startsWith` tells
 * the author which fields it opens with. The three file kinds share this so they report alike.
 */
function readMapping(text: string, file: string, startsWith: string): YamlSource {
  const source = readYamlSource(text, file);
  if (source.problems) return source;
  const { raw } = source;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'not-a-mapping', startsWith, {})] };
  }
  return source;
}

/** Zod issues of one list entry (checked on its own), as problems at their place in the whole file. */
function entryProblems(issues: readonly z.core.$ZodIssue[], at: (string | number)[], raw: unknown, ctx: Ctx): Problem[] {
  return issues.flatMap((i) => issueToProblems({ ...i, path: [...at, ...i.path] } as z.core.$ZodIssue, raw, ctx));
}

/** The text an item's derived id comes from: the words a coach recognises it by. */
function idSource(item: DrillItemInput): string {
  switch (item.kind) {
    case 'gap':
      return item.sentence.replace(GAP_MARK, ' ');
    case 'choice':
      return item.sentence ?? item.answer;
    case 'order':
      return item.answer;
    case 'fix': {
      const parsed = parseFixText(item.text);
      return parsed.ok ? parsed.correct : item.text;
    }
    case 'rewrite':
      return item.sentence;
  }
}

/** `gap-het-dossier-morgen-behandeld`: the kind plus the first words, at most 60 characters. */
export function deriveItemId(item: DrillItemInput): string {
  const words = slugify(idSource(item)).split('-').filter(Boolean);
  let id = item.kind;
  for (const w of words) {
    if (id.length + 1 + w.length > 60) break;
    id += `-${w}`;
  }
  return id;
}

/** Checks beyond the shape of one item; returns the compiled item (or undefined) and its problems. */
function checkItem(input: DrillItemInput, index: number, ctx: Ctx, table: EquivalentsTable): { item?: DrillItem; problems: Problem[] } {
  const { file, locate } = ctx;
  const at = (...rest: (string | number)[]) => locate.at(['items', index, ...rest]);
  const line = at().line;
  const problems: Problem[] = [];
  const err = (pos: ReturnType<typeof at>, code: Problem['code'], message: string, params: Record<string, string> = {}) =>
    problems.push(problem(file, pos, 'error', code, message, params));
  const id = input.id ?? deriveItemId(input);
  const base = { id, explanation: input.explanation, line };

  switch (input.kind) {
    case 'gap': {
      const gaps = input.sentence.match(GAP_MARK) ?? [];
      if (gaps.length === 0)
        err(at('sentence'), 'gap-missing', 'the sentence has no gap: write ___ (three underscores) where the answer goes');
      else if (gaps.length > 1)
        err(at('sentence'), 'gap-count', `the sentence has ${gaps.length} gaps; use exactly one ___`, { count: String(gaps.length) });
      if (problems.length) return { problems };
      const listed = input.alternatives ?? [];
      const alternatives = [...listed, ...equivalentGapAnswers(input.sentence, GAP_MARK, [input.answer, ...listed], table)];
      return {
        item: {
          ...base,
          kind: 'gap',
          sentence: input.sentence,
          ...(input.hint ? { hint: input.hint } : {}),
          answer: input.answer,
          alternatives,
        },
        problems,
      };
    }
    case 'choice': {
      const seen = new Set<string>();
      input.options.forEach((o, i) => {
        if (seen.has(o)) err(at('options', i), 'duplicate-option', `option "${o}" appears twice`, { option: o });
        seen.add(o);
      });
      if (!input.options.includes(input.answer)) {
        err(at('answer'), 'answer-not-in-options', `the answer "${input.answer}" is not one of the options — copy it exactly`, {
          answer: input.answer,
        });
      }
      if (input.sentence && (input.sentence.match(GAP_MARK) ?? []).length > 1) {
        err(at('sentence'), 'gap-count', 'the sentence has more than one gap; use at most one ___', {
          count: String((input.sentence.match(GAP_MARK) ?? []).length),
        });
      }
      if (problems.length) return { problems };
      return {
        item: {
          ...base,
          kind: 'choice',
          question: input.question,
          ...(input.sentence ? { sentence: input.sentence } : {}),
          options: input.options,
          answer: input.answer,
        },
        problems,
      };
    }
    case 'order': {
      if (!tileOrderFor(input.tiles, input.answer)) {
        err(
          at('tiles'),
          'tiles-mismatch',
          `the tiles do not form the answer "${input.answer}": every tile must be used once, with nothing left over`,
          {
            answer: input.answer,
          },
        );
      }
      (input.alternatives ?? []).forEach((alt, i) => {
        if (!tileOrderFor(input.tiles, alt)) {
          err(at('alternatives', i), 'alternative-mismatch', `the alternative "${alt}" cannot be made from the same tiles`, {
            alternative: alt,
          });
        } else if (normalizeSentence(alt) === normalizeSentence(input.answer)) {
          err(at('alternatives', i), 'alternative-mismatch', `the alternative "${alt}" is the answer itself`, { alternative: alt });
        }
      });
      if (problems.length) return { problems };
      return {
        item: {
          ...base,
          kind: 'order',
          ...(input.prompt ? { prompt: input.prompt } : {}),
          tiles: input.tiles,
          answer: input.answer,
          alternatives: input.alternatives ?? [],
        },
        problems,
      };
    }
    case 'fix': {
      const parsed = parseFixText(input.text);
      if (!parsed.ok) {
        const pos = at('text');
        err(pos, 'fix-markup', `error markup in "text": ${parsed.message}`, {
          detail: parsed.message,
          snippet: input.text.slice(parsed.offset, parsed.offset + 20),
        });
        return { problems };
      }
      if (parsed.errors.length === 0) {
        err(at('text'), 'fix-no-errors', 'the text marks no errors: write each one as {wrong|right}');
        return { problems };
      }
      const variants = findVariants(parsed.correct, table);
      for (const e of parsed.errors) {
        // An "error" whose wrong side the list accepts as an equivalent of the right side is no error.
        const asWritten = parsed.correct.slice(0, e.start) + e.wrong + parsed.correct.slice(e.end);
        const same = variants.some(
          (v) => v.start < e.end && v.end > e.start && v.alternatives.some((_, k) => replaceVariant(parsed.correct, v, k) === asWritten),
        );
        if (same) {
          err(
            at('text'),
            'fix-equivalent',
            `{${e.wrong}|${e.right}} is no error: equivalents.yaml accepts "${e.wrong}" there as well — remove the markup or mark a real error`,
            {
              wrong: e.wrong,
              right: e.right,
            },
          );
        }
      }
      if (problems.length) return { problems };
      return {
        item: {
          ...base,
          kind: 'fix',
          ...(input.prompt ? { prompt: input.prompt } : {}),
          faulty: parsed.faulty,
          correct: parsed.correct,
          errors: parsed.errors,
          variants,
        },
        problems,
      };
    }
    case 'rewrite': {
      const rubric = {
        avoid: input.avoid ?? [],
        include: input.include ?? [],
        ...(input.maxWords !== undefined ? { maxWords: input.maxWords } : {}),
      };
      if (!rubric.avoid.length && !rubric.include.length && rubric.maxWords === undefined) {
        err(at(), 'rubric-empty', 'a rewrite needs a rubric: at least one of avoid, include, maxWords');
        return { problems };
      }
      const own = checkRubric(rubric, input.model);
      if (!own.ok) {
        const why = [
          ...own.avoid.filter((a) => !a.ok).map((a) => `contains "${a.found}"`),
          ...own.include.filter((i) => !i.ok).map((i) => `lacks "${i.entry}"`),
          ...(own.lengthOk ? [] : [`has ${own.words} words (max ${input.maxWords})`]),
        ].join(', ');
        err(at('model'), 'model-breaks-rubric', `the model answer fails its own rubric: ${why}`, { detail: why });
        return { problems };
      }
      return { item: { ...base, kind: 'rewrite', sentence: input.sentence, ...rubric, model: input.model }, problems };
    }
  }
}

/** Parses and validates one drill file, applying the list of equivalent forms. Never throws. */
export function parseDrillYaml(text: string, file: string, table: EquivalentsTable = NO_EQUIVALENTS): DrillResult {
  const source = readMapping(text, file, 'a drill file must start with fields like "id:", "title:", "topic:" and "items:"');
  if (source.problems) return { problems: source.problems };
  const { raw, locate } = source;
  const ctx: Ctx = {
    file,
    locate,
    fields: (path) => {
      if (path[0] !== 'items') return DRILL_SET_FIELDS;
      const kind = valueAt(raw, [...path.slice(0, 2), 'kind']);
      return ITEM_FIELDS[kind as DrillKind] ?? ['kind'];
    },
  };
  const problems: Problem[] = [];
  const envelope = drillSetSchema.safeParse(raw);
  if (!envelope.success) problems.push(...envelope.error.issues.flatMap((i) => issueToProblems(i, raw, ctx)));
  const rawItems = (raw as { items?: unknown }).items;
  const items: DrillItem[] = [];
  const seenIds = new Map<string, number>();
  if (Array.isArray(rawItems)) {
    rawItems.forEach((rawItem, index) => {
      const kind = rawItem && typeof rawItem === 'object' ? (rawItem as { kind?: unknown }).kind : undefined;
      if (rawItem === null || typeof rawItem !== 'object' || Array.isArray(rawItem)) {
        problems.push(
          problem(
            file,
            locate.at(['items', index]),
            'error',
            'wrong-type',
            `item ${index + 1} must be a mapping with "kind:" and its fields`,
            { field: `items[${index + 1}]`, expected: 'object', actual: describeKind(rawItem) },
          ),
        );
        return;
      }
      if (kind === undefined) {
        problems.push(
          problem(
            file,
            locate.at(['items', index]),
            'error',
            'missing-field',
            `missing required field "kind" (one of: ${DRILL_KINDS.join(', ')})`,
            { field: 'kind' },
          ),
        );
        return;
      }
      const schema = ITEM_SCHEMAS[kind as DrillKind];
      if (!schema) {
        const hint = nearest(String(kind), DRILL_KINDS);
        problems.push(
          problem(
            file,
            locate.at(['items', index, 'kind']),
            'error',
            'unknown-kind',
            `unknown kind "${String(kind)}"${hint ? ` — did you mean ${hint}?` : ''} (one of: ${DRILL_KINDS.join(', ')})`,
            {
              value: String(kind),
              suggestion: hint ?? '',
              allowed: DRILL_KINDS.join(', '),
            },
          ),
        );
        return;
      }
      const parsed = schema.safeParse(rawItem);
      if (!parsed.success) {
        problems.push(...entryProblems(parsed.error.issues, ['items', index], raw, ctx));
        return;
      }
      const checked = checkItem(parsed.data as DrillItemInput, index, ctx, table);
      problems.push(...checked.problems);
      if (!checked.item) return;
      const other = seenIds.get(checked.item.id);
      if (other !== undefined) {
        const pos = (parsed.data as { id?: string }).id ? locate.at(['items', index, 'id']) : locate.at(['items', index]);
        problems.push(
          problem(
            file,
            pos,
            'error',
            'duplicate-item-id',
            `duplicate item id "${checked.item.id}" (also on line ${other}) — give one of them its own id`,
            {
              id: checked.item.id,
              otherLine: String(other),
            },
          ),
        );
        return;
      }
      seenIds.set(checked.item.id, checked.item.line);
      items.push(checked.item);
    });
  }
  if (!envelope.success) return { problems: dedupe(problems) };
  const input = envelope.data;
  const kinds: Partial<Record<DrillKind, number>> = {};
  for (const item of items) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
  const hashed = JSON.stringify(items.map(({ line: _line, ...rest }) => rest));
  const set: DrillSet = {
    id: input.id,
    title: input.title,
    topic: input.topic,
    ...(input.level ? { level: input.level } : {}),
    ...(input.description ? { description: input.description } : {}),
    source: file,
    itemCount: items.length,
    kinds,
    hash: contentHash(`${input.id}|${input.title}|${hashed}`),
    items,
  };
  return { set, problems: dedupe(problems) };
}

/** Parses and validates one writing-prompt file. Never throws. */
export function parsePromptsYaml(text: string, file: string): PromptResult {
  const source = readMapping(text, file, 'a prompts file must start with fields like "id:", "title:" and "prompts:"');
  if (source.problems) return { problems: source.problems };
  const { raw, locate } = source;
  const ctx: Ctx = { file, locate, fields: (path) => (path[0] === 'prompts' ? PROMPT_FIELDS : PROMPT_FILE_FIELDS) };
  const problems: Problem[] = [];
  const envelope = promptFileSchema.safeParse(raw);
  if (!envelope.success) problems.push(...envelope.error.issues.flatMap((i) => issueToProblems(i, raw, ctx)));
  const rawPrompts = (raw as { prompts?: unknown }).prompts;
  const prompts: WritingPrompt[] = [];
  const seen = new Map<string, number>();
  const fileId = envelope.success ? envelope.data.id : '';
  if (Array.isArray(rawPrompts)) {
    rawPrompts.forEach((rawPrompt, index) => {
      const parsed = promptSchema.safeParse(rawPrompt);
      const rawId = rawPrompt && typeof rawPrompt === 'object' ? (rawPrompt as { id?: unknown }).id : undefined;
      const line = locate.at(['prompts', index]).line;
      if (typeof rawId === 'string' && seen.has(rawId)) {
        problems.push(
          problem(
            file,
            locate.at(['prompts', index, 'id']),
            'error',
            'duplicate-prompt-id',
            `duplicate prompt id "${rawId}" (also on line ${seen.get(rawId)})`,
            {
              id: rawId,
              otherLine: String(seen.get(rawId)),
            },
          ),
        );
      } else if (typeof rawId === 'string') {
        // Registered even when the prompt has other problems, so a second one with the id is still named.
        seen.set(rawId, line);
      }
      if (!parsed.success) {
        problems.push(...entryProblems(parsed.error.issues, ['prompts', index], raw, ctx));
        return;
      }
      const p = parsed.data;
      if (seen.get(p.id) !== line) return;
      prompts.push({
        id: `${fileId}/${p.id}`,
        title: p.title,
        task: p.task,
        kind: p.kind ?? 'email',
        register: p.register ?? 'u',
        points: p.points ?? [],
        ...(p.level ? { level: p.level } : {}),
        line,
      });
    });
  }
  if (!envelope.success) return { problems: dedupe(problems) };
  return { prompts: { id: envelope.data.id, title: envelope.data.title, source: file, prompts }, problems: dedupe(problems) };
}

export interface EquivalentsResult {
  table: EquivalentsTable;
  problems: Problem[];
}

/** Lowercase words with single spaces: the checker deals with capitals and spacing itself. */
const FORM = /^[\p{Ll}\p{N}'’-]+(?: [\p{Ll}\p{N}'’-]+)*$/u;

/**
 * Parses and validates a list of equivalent forms (`equivalents.yaml` in a drills folder). `seen`
 * holds the forms of lists read before (file and line), so a form listed twice is reported even
 * across files. Entries with problems are left out; the rest is usable. Never throws.
 */
export function parseEquivalentsYaml(text: string, file: string, seen: Map<string, string> = new Map()): EquivalentsResult {
  const source = readMapping(text, file, 'a list of equivalent forms starts with "equivalents:"');
  if (source.problems) return { table: NO_EQUIVALENTS, problems: source.problems };
  const { raw, locate } = source;
  const ctx: Ctx = {
    file,
    locate,
    fields: (path) => (path[0] === 'equivalents' && path.length > 1 ? EQUIVALENT_FIELDS : EQUIVALENTS_FILE_FIELDS),
  };
  const problems: Problem[] = [];
  const envelope = equivalentsFileSchema.safeParse(raw);
  if (!envelope.success) problems.push(...envelope.error.issues.flatMap((i) => issueToProblems(i, raw, ctx)));
  const rawEntries = (raw as { equivalents?: unknown }).equivalents;
  const entries: Equivalence[] = [];
  if (Array.isArray(rawEntries)) {
    rawEntries.forEach((rawEntry, index) => {
      const at = (...rest: (string | number)[]) => locate.at(['equivalents', index, ...rest]);
      const parsed = equivalentSchema.safeParse(rawEntry);
      if (!parsed.success) {
        problems.push(...entryProblems(parsed.error.issues, ['equivalents', index], raw, ctx));
        return;
      }
      const line = at().line;
      const before = problems.length;
      const forms = parsed.data.forms.map((f) => f.trim());
      const mine = new Set<string>();
      forms.forEach((form, i) => {
        if (!FORM.test(form)) {
          problems.push(
            problem(
              file,
              at('forms', i),
              'error',
              'equivalent-form',
              `"${form}" must be lowercase words with single spaces — the checker handles a capital at the start itself`,
              { form },
            ),
          );
        } else if (mine.has(form)) {
          problems.push(
            problem(file, at('forms', i), 'error', 'equivalent-duplicate', `"${form}" is twice in this entry`, {
              form,
              other: `${file}:${line}`,
            }),
          );
        }
        mine.add(form);
      });
      const sources = parsed.data.oneWay ? forms.slice(0, 1) : forms;
      sources.forEach((form, i) => {
        const other = seen.get(form);
        if (other) {
          problems.push(
            problem(
              file,
              at('forms', i),
              'error',
              'equivalent-duplicate',
              `"${form}" is already listed at ${other} — put all its equivalents in one entry`,
              { form, other },
            ),
          );
        }
      });
      const except = (parsed.data.except ?? []).map((x) => x.trim());
      except.forEach((phrase, i) => {
        const words = ` ${phrase.toLowerCase()} `;
        if (!sources.some((f) => words.includes(` ${f} `))) {
          problems.push(
            problem(
              file,
              at('except', i),
              'error',
              'equivalent-form',
              `the exception "${phrase}" does not contain "${sources.join('" or "')}" — it would never apply`,
              { form: phrase },
            ),
          );
        }
      });
      if (problems.length > before) return;
      for (const form of sources) seen.set(form, `${file}:${line}`);
      entries.push({ forms, oneWay: parsed.data.oneWay ?? false, except, line });
    });
  }
  return { table: { entries }, problems: dedupe(problems) };
}
