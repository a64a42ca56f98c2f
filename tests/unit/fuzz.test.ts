import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import type { DeckResult } from '../../src/core/content/validate.ts';

const VALID = `id: bestuur
title: Bestuur van de stad
department: Algemeen
level: B1
cards:
  - term: gemeenteraad
    article: de
    definition: De verkozen vertegenwoordigers van de inwoners.
    example: De {gemeenteraad} vergadert.
    plain: raad van de stad
    translations: { en: city council, fr: conseil communal }
  - term: schepen
    article: de
    definition: Lid van het college.
`;

/** Whatever the input, parsing returns a result; a deck comes back only when there is no error. */
function expectWellBehaved(result: DeckResult) {
  expect(Array.isArray(result.problems)).toBe(true);
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(typeof p.message).toBe('string');
  }
  if (!result.problems.some((p) => p.severity === 'error')) expect(result.deck).toBeDefined();
}

/** Mutations a broken editor or a careless copy-paste would make. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(':', '- ', '  ', '\t', '{', '}', '[', ']', '"', "'", '&a', '*a', '!!str', '---', '\n', '#', '|', '>', '%'),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), length: fc.nat() }),
);

function mutate(text: string, m: fc.Arbitrary<unknown> extends never ? never : { kind: string; at: number; length?: number; text?: string }): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + (m.length ?? 1));
  if (m.kind === 'insert') return text.slice(0, at) + (m.text ?? '') + text.slice(at);
  const lines = text.split('\n');
  const a = m.at % lines.length;
  const b = (m.length ?? 0) % lines.length;
  [lines[a], lines[b]] = [lines[b]!, lines[a]!];
  return lines.join('\n');
}

describe('property: the deck parser never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expectWellBehaved(parseDeckFile('random.deck.yaml', text));
      }),
      { numRuns: 400 },
    );
  });

  it('on random YAML-shaped data', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value, (data) => {
        expectWellBehaved(parseDeckFile('data.deck.yaml', JSON.stringify(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('on mutations of a valid deck', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m as never), VALID);
        expectWellBehaved(parseDeckFile('mutated.deck.yaml', text));
      }),
      { numRuns: 500 },
    );
  });
});
