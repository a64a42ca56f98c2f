import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseDeckCsv } from '../../src/core/content/csvDeck.ts';
import { parseDrillYaml, parsePromptsYaml } from '../../src/core/drills/drillYaml.ts';
import { exportBackup, parseBackup } from '../../src/core/db/backup.ts';
import { syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { freshDb, makeDeck, NOON } from './helpers.ts';
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

function mutate(
  text: string,
  m: fc.Arbitrary<unknown> extends never ? never : { kind: string; at: number; length?: number; text?: string },
): string {
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
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 10 }), tie('node'), { maxKeys: 5 }),
      ),
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

const CSV =
  '\uFEFFterm;article;definition;example;plain;alternatives;en;fr\r\n' +
  'loket;het;De plaats waar je geholpen wordt.;Ga naar het {loket}.;balie;balie|desk;counter;guichet\r\n' +
  'sluikstort;het;"Afval dat iemand achterlaat; dat mag niet.";Er ligt een {sluikstort}.;;;illegal dumping;dépôt clandestin\r\n' +
  'sorteren;;Afval scheiden.;"We {sorteren} het afval, ""goed"" zo.";;;to sort;trier\r\n';

describe('property: the CSV deck parser never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => expectWellBehaved(parseDeckCsv(text, 'random.csv'))),
      { numRuns: 300 },
    );
  });
  it('on mutations of a valid spreadsheet export', () => {
    const csvMutation = fc.record({
      kind: fc.constantFrom('delete' as const, 'insert' as const, 'swapLines' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 30 }),
      text: fc.constantFrom(';', ',', '"', '""', '\n', '\r\n', '\t', '|', ';;;', 'xyz', '\uFEFF', 'article', ''),
    });
    fc.assert(
      fc.property(fc.array(csvMutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m), CSV);
        expectWellBehaved(parseDeckCsv(text, 'mutated.csv'));
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: the backup parser refuses bad files and never throws', () => {
  async function validBackupText() {
    const db = freshDb();
    const scheduler = createScheduler({ retention: 0.9 });
    await syncDeck(db, makeDeck('a', 3), NOON);
    await recordReview(db, scheduler, { itemId: 'a/woord-0/recognise', rating: 3, now: NOON, durationMs: 5 });
    return JSON.stringify(await exportBackup(db, NOON));
  }

  it('the valid file parses', async () => {
    expect(parseBackup(await validBackupText()).ok).toBe(true);
  });

  it('on text mutations', async () => {
    const valid = await validBackupText();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m as never), valid);
        const result = parseBackup(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(typeof result.problem.code).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('on a value replaced anywhere in the structure', async () => {
    const valid = JSON.parse(await validBackupText()) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(valid, []);
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), fc.anything(), (index, replacement) => {
        const copy = structuredClone(valid) as Record<string | number, unknown>;
        const path = paths[index]!;
        if (path.length === 0) return;
        let parent: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = replacement;
        const result = parseBackup(JSON.stringify(copy));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: the drill and prompt parsers never throw', () => {
  const DRILL = readFileSync('content/drills/dt-regels.drill.yaml', 'utf8');
  const PROMPTS = readFileSync('content/prompts/schrijftafel.prompts.yaml', 'utf8');
  const wellBehaved = (r: { problems: { line: number; column: number }[] }) => {
    expect(Array.isArray(r.problems)).toBe(true);
    for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
  };

  it('the real files parse without errors', () => {
    expect(parseDrillYaml(DRILL, 'dt.drill.yaml').problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsePromptsYaml(PROMPTS, 'p.prompts.yaml').problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        wellBehaved(parseDrillYaml(text, 'random.drill.yaml'));
        wellBehaved(parsePromptsYaml(text, 'random.prompts.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('on mutations of real drill and prompt files', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        wellBehaved(
          parseDrillYaml(
            mutations.reduce((t, m) => mutate(t, m as never), DRILL),
            'mutated.drill.yaml',
          ),
        );
        wellBehaved(
          parsePromptsYaml(
            mutations.reduce((t, m) => mutate(t, m as never), PROMPTS),
            'mutated.prompts.yaml',
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});
