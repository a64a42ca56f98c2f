import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string, feature: string) =>
  JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lang}/${feature}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** The members of a string union type, read from source so a code added later without a translation fails here. */
function unionMembers(file: string, type: string): string[] {
  const source = readFileSync(new URL(`../../src/core/${file}`, import.meta.url), 'utf8');
  const union = source.match(new RegExp(`export type ${type} =([^;]+);`))?.[1] ?? '';
  return [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
}

describe('translations of the progress, data, import, report and glossary screens', () => {
  for (const feature of ['progress', 'data', 'deckImport', 'report', 'glossary']) {
    it(`${feature}: Dutch and English have the same keys, none empty`, () => {
      const nl = load('nl', feature);
      const en = load('en', feature);
      expect(keys(en).sort()).toEqual(keys(nl).sort());
      for (const lang of [nl, en]) {
        for (const key of keys(lang)) {
          const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang);
          expect(String(value).trim(), key).not.toBe('');
        }
      }
    });
  }

  it('every content problem code has a message in both languages', () => {
    const codes = unionMembers('content/problems.ts', 'DeckProblemCode');
    expect(codes.length).toBeGreaterThan(20);
    for (const lang of ['nl', 'en']) {
      const problems = load(lang, 'deckImport').problems as Record<string, string>;
      for (const code of codes) expect(problems[code], `${lang}: problems.${code}`).toBeTruthy();
    }
  });

  it('every backup refusal and report refusal has a message in both languages', () => {
    const codes = unionMembers('db/backup.ts', 'BackupProblemCode');
    expect(codes).toContain('newer-schema');
    const reportCodes = unionMembers('report/report.ts', 'ReportProblemCode');
    expect(reportCodes).toContain('not-report');
    for (const lang of ['nl', 'en']) {
      const errors = (load(lang, 'data').backup as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors).sort()).toEqual([...codes].sort());
      const coachErrors = (load(lang, 'report').coach as { errors: Record<string, string> }).errors;
      expect(Object.keys(coachErrors).sort()).toEqual([...reportCodes].sort());
    }
  });
});
