import { describe, expect, it } from 'vitest';
import { compileDrills } from '../../src/core/drills/drillCompile.ts';
import { deriveItemId, parseDrillYaml, parsePromptsYaml } from '../../src/core/drills/drillYaml.ts';
import { formatProblem, type Problem } from '../../src/core/content/problems.ts';

const FILE = 'content/drills/test.drill.yaml';

function parse(text: string) {
  return parseDrillYaml(text, FILE);
}

/** `line:code` of every problem, the shape most assertions need. */
function where(problems: Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.code}`);
}

const HEAD = `id: test
title: Test
topic: dt
items:
`;

describe('drill files: a valid file', () => {
  it('compiles every kind, with ids, lines and counts', () => {
    const result = parse(`${HEAD}  - kind: gap
    sentence: Het dossier ___ morgen behandeld.
    hint: worden
    answer: wordt
    explanation: Stam + t.
  - kind: choice
    question: Welke vorm past?
    sentence: Ik ___ het niet.
    options: [weet, weett]
    answer: weet
    explanation: Ik + stam.
  - kind: order
    tiles: [morgen, stuur, ik, u, de beslissing]
    answer: Morgen stuur ik u de beslissing.
    alternatives: [Ik stuur u morgen de beslissing.]
    explanation: Inversie.
  - kind: fix
    text: "Hij {word|wordt} morgen {gebelt|gebeld|ge + bel + d}."
    explanation: Stam + t; ’t kofschip.
  - kind: rewrite
    sentence: Gelieve het formulier terug te bezorgen.
    avoid: [gelieve, bezorg*]
    include: [u]
    maxWords: 10
    model: Wilt u het formulier terugsturen?
    explanation: Zeg wat de lezer moet doen.
    id: gelieve-formulier
`);
    expect(result.problems).toEqual([]);
    const set = result.set!;
    expect(set.itemCount).toBe(5);
    expect(set.kinds).toEqual({ gap: 1, choice: 1, order: 1, fix: 1, rewrite: 1 });
    expect(set.items.map((i) => i.id)).toEqual([
      'gap-het-dossier-morgen-behandeld',
      'choice-ik-het-niet',
      'order-morgen-stuur-ik-u-de-beslissing',
      'fix-hij-wordt-morgen-gebeld',
      'gelieve-formulier',
    ]);
    expect(set.items.map((i) => i.line)).toEqual([5, 10, 16, 21, 24]);
    const fix = set.items[3]!;
    if (fix.kind !== 'fix') throw new Error('fix expected');
    expect(fix.faulty).toBe('Hij word morgen gebelt.');
    expect(fix.correct).toBe('Hij wordt morgen gebeld.');
    expect(fix.errors.map((e) => [e.wrong, e.right, e.note ?? ''])).toEqual([
      ['word', 'wordt', ''],
      ['gebelt', 'gebeld', 'ge + bel + d'],
    ]);
  });

  it('keeps the hash when nothing but a line number changes, and changes it with the content', () => {
    const a = parse(`${HEAD}  - kind: gap\n    sentence: Ik ___ het.\n    answer: vind\n    explanation: Ik + stam.\n`).set!;
    const b = parse(`${HEAD}\n\n  - kind: gap\n    sentence: Ik ___ het.\n    answer: vind\n    explanation: Ik + stam.\n`).set!;
    const c = parse(`${HEAD}  - kind: gap\n    sentence: Ik ___ het.\n    answer: vind\n    explanation: Ik + de stam.\n`).set!;
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });

  it('derives ids from the kind and the first words', () => {
    expect(deriveItemId({ kind: 'gap', sentence: 'Wanneer ___ de nieuwe regeling in werking?', answer: 'treedt', explanation: 'x' })).toBe(
      'gap-wanneer-de-nieuwe-regeling-in-werking',
    );
  });
});

describe('drill files: problems with path:line:column', () => {
  it('reports every problem of a file, each on its own line, with codes and params', () => {
    const result = parse(`${HEAD}  - kind: gap
    sentence: Het dossier wordt morgen behandeld.
    answer: wordt
    explanation: Geen gat.
  - kind: gapp
    sentence: x ___
  - kind: choice
    question: Welke?
    options: [een, twee]
    answer: drie
    explanation: Het antwoord is geen optie.
  - kind: gap
    sentence: Ik ___ het.
    answer: vind
    explantion: Oeps.
  - kind: order
    tiles: [morgen, stuur, ik]
    answer: Morgen stuur ik u de beslissing.
    explanation: Te weinig blokjes.
  - kind: fix
    text: Hij {word wordt} morgen.
    explanation: Geen streep.
  - kind: rewrite
    sentence: Gelieve te betalen.
    model: Betaal.
    explanation: Geen checklist.
  - kind: rewrite
    sentence: Gelieve te betalen.
    avoid: [betaal*]
    model: Betaal vóór 1 mei.
    explanation: Het model breekt de checklist.
`);
    expect(result.set).toBeDefined();
    expect(where(result.problems)).toEqual([
      '6:gap-missing',
      '9:unknown-kind',
      '14:answer-not-in-options',
      '16:missing-field',
      '19:unknown-field',
      '21:tiles-mismatch',
      '25:fix-markup',
      '27:rubric-empty',
      '34:model-breaks-rubric',
    ]);
    const byCode = Object.fromEntries(result.problems.map((p) => [p.code, p]));
    expect(byCode['unknown-kind']!.message).toContain('did you mean gap?');
    expect(byCode['unknown-field']!.message).toBe('unknown field "explantion" — did you mean explanation?');
    expect(byCode['unknown-field']!.params).toMatchObject({ field: 'explantion', suggestion: 'explanation' });
    expect(byCode['missing-field']!.params).toEqual({ field: 'explanation' });
    expect(byCode['answer-not-in-options']!.params).toEqual({ answer: 'drie' });
    expect(formatProblem(byCode['tiles-mismatch']!)).toBe(
      `${FILE}:21:12 error: the tiles do not form the answer "Morgen stuur ik u de beslissing.": every tile must be used once, with nothing left over`,
    );
    expect(byCode['model-breaks-rubric']!.message).toContain('contains "Betaal"');
    // Only the sound items are compiled; the others are reported, not silently dropped.
    expect(result.set!.items).toEqual([]);
  });

  it('suggests the field of the right kind', () => {
    const result = parse(`${HEAD}  - kind: order\n    tiles: [a, b]\n    answr: A b.\n    answer: A b.\n    explanation: x\n`);
    expect(where(result.problems)).toEqual(['7:unknown-field']);
    expect(result.problems[0]!.params.suggestion).toBe('answer');
  });

  it('checks alternatives of an order item against the tiles', () => {
    const result = parse(`${HEAD}  - kind: order
    tiles: [morgen, stuur, ik, u]
    answer: Morgen stuur ik u.
    alternatives:
      - Ik stuur u morgen.
      - Ik stuur u overmorgen.
      - Morgen stuur ik u!
    explanation: x
`);
    expect(where(result.problems)).toEqual(['10:alternative-mismatch', '11:alternative-mismatch']);
  });

  it('catches fix markup errors with their reason', () => {
    const cases: [string, string][] = [
      ['Hij {word|wordt morgen.', 'a "{" without its "}"'],
      ['Hij word|wordt} morgen.', 'a "}" without its "{"'],
      ['Hij {word|} morgen.', 'the correction after "|" is empty'],
      ['Hij {wordt|wordt} morgen.', 'is the same on both sides'],
      ['Hij {a|{b|c}} morgen.', 'inside another'],
    ];
    for (const [text, reason] of cases) {
      const result = parse(`${HEAD}  - kind: fix\n    text: "${text}"\n    explanation: x\n`);
      expect(where(result.problems), text).toEqual(['6:fix-markup']);
      expect(result.problems[0]!.message).toContain(reason);
    }
    const none = parse(`${HEAD}  - kind: fix\n    text: Hij wordt morgen gebeld.\n    explanation: x\n`);
    expect(where(none.problems)).toEqual(['6:fix-no-errors']);
  });

  it('refuses duplicate item ids and names the other line', () => {
    const result = parse(`${HEAD}  - kind: gap
    sentence: Ik ___ het.
    answer: vind
    explanation: x
  - kind: gap
    sentence: Ik ___ het.
    answer: weet
    explanation: y
  - kind: choice
    id: gap-ik-het
    question: q
    options: [a, b]
    answer: a
    explanation: z
`);
    expect(where(result.problems)).toEqual(['9:duplicate-item-id', '14:duplicate-item-id']);
    expect(result.problems[0]!.message).toBe('duplicate item id "gap-ik-het" (also on line 5) — give one of them its own id');
  });

  it('reports wrong values of the set fields', () => {
    const result = parse(`id: Test Set\ntitle: ""\ntopic: dtt\nlevel: B5\nitems: []\ncolour: red\n`);
    expect(where(result.problems).sort()).toEqual(
      ['1:invalid-id', '2:empty-value', '3:invalid-value', '4:invalid-value', '5:empty-value', '6:unknown-field'].sort(),
    );
    expect(result.set).toBeUndefined();
  });

  it('reports a gap sentence with two gaps, a choice with a duplicate option, a wrong kind of value', () => {
    const result = parse(`${HEAD}  - kind: gap
    sentence: Ik ___ en hij ___.
    answer: werk
    explanation: x
  - kind: choice
    question: q
    options: [a, a, b]
    answer: a
    explanation: x
  - kind: choice
    question: q
    options: a, b
    answer: a
    explanation: x
`);
    expect(where(result.problems)).toEqual(['6:gap-count', '11:duplicate-option', '16:wrong-type']);
  });

  it('reports YAML syntax errors and empty files with their position', () => {
    expect(where(parse('id: x\ntitle: [unclosed\n').problems)[0]).toMatch(/^\d+:yaml-syntax$/);
    expect(where(parse('# only a comment\n').problems)).toEqual(['1:empty-file']);
    expect(where(parse('- a\n- b\n').problems)).toEqual(['1:not-a-mapping']);
  });
});

describe('drill files: across files', () => {
  it('refuses the same set id in two files and names both', () => {
    const text = `${HEAD}  - kind: gap\n    sentence: Ik ___ het.\n    answer: vind\n    explanation: x\n`;
    const result = compileDrills([
      { path: 'content/drills/a.drill.yaml', text },
      { path: 'content/drills/b.drill.yaml', text },
    ]);
    expect(result.sets).toHaveLength(1);
    expect(result.problems.map(formatProblem)).toEqual([
      'content/drills/b.drill.yaml:1:1 error: id "test" is already used by content/drills/a.drill.yaml — every drill file needs its own id',
    ]);
  });

  it('reserves the id "index" (drills/index.json)', () => {
    const result = compileDrills([
      {
        path: 'content/drills/a.drill.yaml',
        text: `${HEAD.replace('id: test', 'id: index')}  - kind: gap\n    sentence: Ik ___.\n    answer: ben\n    explanation: x\n`,
      },
    ]);
    expect(where(result.problems)).toEqual(['1:invalid-id']);
  });
});

describe('writing-prompt files', () => {
  it('compiles prompts with defaults and global ids', () => {
    const result = parsePromptsYaml(
      `id: burgers
title: Mails
prompts:
  - id: parkeerkaart
    title: Parkeerkaart
    task: Antwoord een inwoner.
  - id: ziek
    title: Ziek
    task: Mail je leidinggevende.
    kind: email
    register: je
    points: [Zeg hoelang.]
`,
      'content/prompts/burgers.prompts.yaml',
    );
    expect(result.problems).toEqual([]);
    expect(result.prompts!.prompts.map((p) => [p.id, p.kind, p.register, p.points.length, p.line])).toEqual([
      ['burgers/parkeerkaart', 'email', 'u', 0, 4],
      ['burgers/ziek', 'email', 'je', 1, 7],
    ]);
  });

  it('reports unknown fields, wrong values and duplicate ids with lines', () => {
    const result = parsePromptsYaml(
      `id: burgers
title: Mails
prompts:
  - id: a
    title: A
    tsk: Typo.
  - id: b
    title: B
    task: T
    register: jij
  - id: b
    title: C
    task: T
`,
      'content/prompts/burgers.prompts.yaml',
    );
    expect(where(result.problems)).toEqual(['4:missing-field', '6:unknown-field', '10:invalid-value', '11:duplicate-prompt-id']);
    expect(result.problems[1]!.params.suggestion).toBe('task');
  });
});

describe('npm run drills', () => {
  it('prints every problem as path:line:column and exits 1 on an error; 0 for the shipped content', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'vaktaal-drills-'));
    mkdirSync(join(dir, 'drills'));
    writeFileSync(
      join(dir, 'drills', 'kapot.drill.yaml'),
      `${HEAD}  - kind: gap\n    sentence: Geen gat.\n    answer: x\n    explanation: y\n`,
    );
    writeFileSync(join(dir, 'drills', 'verkeerd.yaml'), 'id: x\n');
    const run = (target: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/drills.ts', target], { encoding: 'utf8' });
    const broken = run(dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/kapot\.drill\.yaml:6:15 error: the sentence has no gap/);
    expect(broken.stdout).toMatch(/verkeerd\.yaml:1:1 error: not read: name a drill file/);
    const shipped = run('content');
    expect(shipped.status, shipped.stdout).toBe(0);
    expect(shipped.stdout).toMatch(/8 drill sets, \d+ items/);
  }, 60_000);
});
