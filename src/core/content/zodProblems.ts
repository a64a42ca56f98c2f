import type { z } from 'zod';
import { problem, type Position, type Problem } from './problems.ts';
import { nearest } from './suggest.ts';
import { slugify } from './slug.ts';

/**
 * zod issues → our problems: positions in the source file, codes and params for the UI language,
 * and the hint a coach needs ("did you mean definition?"). Shared by the deck, meta, drill and
 * prompt validators, so every content file reports mistakes the same way.
 */
export type Path = readonly (string | number)[];

/** Maps a path in the parsed data to where it was written in the source file. */
export interface Locator {
  /** Where the value at `path` starts; `asKey` asks for the key's own position instead. */
  at(path: Path, asKey?: boolean): Position;
}

export interface IssueContext {
  file: string;
  locate: Locator;
  /** Known field names at a path, for "did you mean" hints. */
  fields: (path: Path) => readonly string[];
}

export function valueAt(raw: unknown, path: Path): unknown {
  let node: unknown = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function describeKind(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function fieldName(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : p)).join('.').replace(/\.\[/g, '[');
}

/** zod issue → our problems (same codes and wording as the deck validator). */
export function issueToProblems(issue: z.core.$ZodIssue, raw: unknown, ctx: IssueContext): Problem[] {
  const { file, locate } = ctx;
  const path = issue.path as Path;
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = ctx.fields(path);
      return issue.keys.map((key) => {
        const hint = nearest(key, known);
        const message = hint ? `unknown field "${key}" — did you mean ${hint}?` : `unknown field "${key}" — known fields: ${known.join(', ')}`;
        return problem(file, locate.at([...path, key], true), 'error', 'unknown-field', message, {
          field: key,
          suggestion: hint ?? '',
          known: known.join(', '),
        });
      });
    }
    case 'invalid_type': {
      const parent = valueAt(raw, path.slice(0, -1));
      const present = parent !== null && typeof parent === 'object' && last !== undefined && last in parent;
      if (!present) {
        const where = path.length > 1 ? locate.at(path.slice(0, -1)) : { line: 1, column: 1 };
        return [problem(file, where, 'error', 'missing-field', `missing required field "${field}"`, { field: String(field) })];
      }
      const value = valueAt(raw, path);
      const expected = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
      return [
        problem(
          file,
          locate.at(path),
          'error',
          'wrong-type',
          `"${field}" must be ${expected}, not ${describeKind(value)}${issue.expected === 'string' ? ' (put the value in quotes)' : ''}`,
          { field: String(field), expected: issue.expected, actual: describeKind(value) },
        ),
      ];
    }
    case 'invalid_value': {
      const value = valueAt(raw, path);
      const allowed = issue.values.map(String);
      return [
        problem(file, locate.at(path), 'error', 'invalid-value', `"${field}: ${String(value)}" is not allowed — use one of: ${allowed.join(', ')}`, {
          field: String(field),
          value: String(value),
          allowed: allowed.join(', '),
        }),
      ];
    }
    case 'invalid_format': {
      const value = String(valueAt(raw, path));
      const isId = field === 'id';
      return [
        problem(
          file,
          locate.at(path),
          'error',
          isId ? 'invalid-id' : 'invalid-value',
          isId ? `id "${value}" may only use lowercase letters, digits and single hyphens (e.g. "${slugify(value) || 'mijn-reeks'}")` : `"${field}: ${value}" has the wrong form`,
          { field: String(field), value, suggestion: slugify(value), allowed: '' },
        ),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const value = valueAt(raw, path);
      if (Array.isArray(value) || typeof value === 'string') {
        const limit = String((issue as { minimum?: unknown; maximum?: unknown }).minimum ?? (issue as { maximum?: unknown }).maximum);
        if (issue.code === 'too_small' && (typeof value === 'string' || value.length === 0)) {
          return [problem(file, locate.at(path), 'error', 'empty-value', `"${field}" must not be empty`, { field: String(field) })];
        }
        const message =
          issue.code === 'too_small' ? `"${field}" needs at least ${limit} entries` : `"${field}" may have at most ${limit} entries`;
        return [problem(file, locate.at(path), 'error', 'invalid-value', message, { field: String(field), value: String(value.length), allowed: '' })];
      }
      return [
        problem(file, locate.at(path), 'error', 'invalid-value', `"${field}": ${issue.message}`, {
          field: String(field),
          value: String(value),
          allowed: '',
        }),
      ];
    }
    default:
      return [
        problem(file, locate.at(path), 'error', 'invalid-value', `"${field}": ${issue.message}`, {
          field: String(field),
          value: String(valueAt(raw, path)),
          allowed: '',
        }),
      ];
  }
}

/** The same problem reported twice (zod can) is shown once. */
export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
