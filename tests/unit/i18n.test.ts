import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The UI translations: every language has every key Dutch (the source) has and nothing else, with the
 * same placeholders and the plural forms the language needs; and every key is used by the code.
 * Keys the code builds at run time are declared below as dynamic families, each checked against the
 * type or list the code builds them from, so an exception can't hide a dead key.
 */

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const LOCALES = 'src/i18n/locales/';
const SOURCE = 'nl';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, v as never); // not a string: reported by the "only strings" test
  }
  return out;
}

const languageDirs = readdirSync(new URL(LOCALES, root)).filter((d) => statSync(new URL(`${LOCALES}${d}`, root)).isDirectory());
const featureFiles = (lang: string) =>
  readdirSync(new URL(`${LOCALES}${lang}/`, root))
    .filter((f) => f.endsWith('.json'))
    .sort();
const loadFile = (lang: string, file: string) => JSON.parse(read(`${LOCALES}${lang}/${file}`)) as Tree;

/** All keys of a language, merged over its feature files, as i18n.svelte.ts merges them. */
function messages(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of featureFiles(lang)) for (const [k, v] of flatten(loadFile(lang, file))) all.set(k, v);
  return all;
}

/** UI languages as registered in the app (code, name, dir). */
function registered(): { code: string; name: string; dir: string }[] {
  const source = read('src/ui/i18n.svelte.ts');
  const list = source.match(/export const LANGUAGES = \[([\s\S]*?)\] as const;/)?.[1] ?? '';
  return [...list.matchAll(/\{\s*code:\s*'([^']+)',\s*name:\s*'([^']+)',\s*dir:\s*'([^']+)'\s*\}/g)].map((m) => ({
    code: m[1]!,
    name: m[2]!,
    dir: m[3]!,
  }));
}

const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;

/** Splits keys into plural families (base → category → value) and plain keys. */
function shape(msgs: Map<string, string>) {
  const plain = new Map<string, string>();
  const plurals = new Map<string, Map<string, string>>();
  for (const [key, value] of msgs) {
    const m = PLURAL_SUFFIX.exec(key);
    if (m) {
      if (!plurals.has(m[1]!)) plurals.set(m[1]!, new Map());
      plurals.get(m[1]!)!.set(m[2]!, value);
    } else plain.set(key, value);
  }
  return { plain, plurals };
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!));
const sorted = (s: Iterable<string>) => [...s].sort();

/** Plural categories of a language (i18next v26 uses Intl.PluralRules with the same categories). */
const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

/** A plural form may leave the number out only if its category stands for one number ("one" is 1 only in Dutch, but 1, 21, 31… in Ukrainian). */
function categoryIsSingleNumber(lang: string, category: string): boolean {
  const rules = new Intl.PluralRules(lang);
  let n = 0;
  for (let i = 0; i <= 1000; i++) if (rules.select(i) === category) n++;
  return n === 1;
}

// ---------------------------------------------------------------------------------------------
// Source scanning for "is this key used?"

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(new URL(dir, root))) {
    const path = `${dir}${name}`;
    if (statSync(new URL(path, root)).isDirectory()) {
      if (path !== 'src/i18n') out.push(...sourceFiles(`${path}/`));
    } else if (/\.(ts|svelte)$/.test(name)) out.push(path);
  }
  return out;
}

const SOURCES = new Map(sourceFiles('src/').map((f) => [f, read(f)]));
const codeContains = (needle: string) => [...SOURCES.values()].some((t) => t.includes(needle));
/** Whether the code spells the key out as a string literal: '…', "…" or `…`. */
const named = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some(codeContains);

/** Members of `type Name = 'a' | 'b';` in a source file. */
function unionMembers(file: string, type: string): string[] {
  const union = read(file).match(new RegExp(`type ${type} =([^;]+);`))?.[1] ?? '';
  const members = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  if (!members.length) throw new Error(`no members for ${type} in ${file}`);
  return members;
}

/** Members of `export const NAME = ['a', 'b'] as const;` in a source file. */
function constList(file: string, name: string): string[] {
  const list = read(file).match(new RegExp(`const ${name} = \\[([^\\]]+)\\] as const`))?.[1] ?? '';
  const members = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  if (!members.length) throw new Error(`no members for ${name} in ${file}`);
  return members;
}

/** Finding codes the writing checks produce: `finding(check, 'code', …)` and `const code = … 'a' : 'b'`. */
function findingCodes(): string[] {
  const codes = new Set<string>();
  for (const [file, text] of SOURCES) {
    if (!file.startsWith('src/core/writing/')) continue;
    for (const m of text.matchAll(/finding\(\s*'[A-Za-z]+',\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    for (const line of text.split('\n')) if (/\bconst code =/.test(line)) for (const m of line.matchAll(/'([a-z-]+)'/g)) codes.add(m[1]!);
  }
  return [...codes];
}

interface Family {
  /** Key prefix, e.g. `kinds.` */
  prefix: string;
  /** Where the members come from (for messages). */
  from: string;
  members: string[];
  /** Members whose messages come per i18next context (`<member>_<context>`) instead of, or besides, the plain key. */
  contexts?: Record<string, string[]>;
  /** How the code builds the key; must occur in src. */
  builtBy: string;
}

const PERSONS = unionMembers('src/core/writing/dt.ts', 'Person');
const REGISTERS = constList('src/core/drills/drillSchema.ts', 'REGISTERS');
const DT_ENDINGS = [
  ...(read('src/core/exercises/answer.ts').match(/function dtEnding\([^)]*\):([^{]+)\{/)?.[1] ?? '').matchAll(/'([a-z]+)'/g),
].map((m) => m[1]!);

const FAMILIES: Family[] = [
  {
    prefix: 'kinds.',
    from: 'EXERCISE_KINDS (core/exercises/kinds.ts)',
    members: constList('src/core/exercises/kinds.ts', 'EXERCISE_KINDS'),
    builtBy: '`kinds.${',
  },
  {
    prefix: 'feedback.',
    from: 'Outcome (core/exercises/answer.ts)',
    members: unionMembers('src/core/exercises/answer.ts', 'Outcome'),
    builtBy: '`feedback.${',
  },
  {
    prefix: 'feedback.reason.',
    from: 'Reason (core/exercises/answer.ts), dt by the expected ending (dtEnding)',
    members: unionMembers('src/core/exercises/answer.ts', 'Reason'),
    contexts: { dt: DT_ENDINGS },
    builtBy: '`feedback.reason.${',
  },
  {
    prefix: 'problems.',
    from: 'DeckProblemCode (core/content/problems.ts) and DrillProblemCode (core/drills/drillProblems.ts)',
    members: [
      ...unionMembers('src/core/content/problems.ts', 'DeckProblemCode'),
      ...unionMembers('src/core/drills/drillProblems.ts', 'DrillProblemCode'),
    ],
    builtBy: '`problems.${',
  },
  {
    prefix: 'studio.check.',
    from: 'STUDIO_CHECK_CODES (core/studio/checker.ts)',
    members: constList('src/core/studio/checker.ts', 'STUDIO_CHECK_CODES'),
    builtBy: '`studio.check.${',
  },
  {
    prefix: 'glossary.fields.',
    from: 'MatchField (core/glossary/glossary.ts)',
    members: unionMembers('src/core/glossary/glossary.ts', 'MatchField'),
    builtBy: '`glossary.fields.${',
  },
  {
    prefix: 'backup.errors.',
    from: 'BackupProblemCode (core/db/backup.ts)',
    members: unionMembers('src/core/db/backup.ts', 'BackupProblemCode'),
    builtBy: '`backup.errors.${',
  },
  {
    prefix: 'coach.errors.',
    from: 'ReportProblemCode (core/report/report.ts)',
    members: unionMembers('src/core/report/report.ts', 'ReportProblemCode'),
    builtBy: '`coach.errors.${',
  },
  {
    prefix: 'drill.kind.',
    from: 'DRILL_KINDS (core/drills/drillSchema.ts)',
    members: constList('src/core/drills/drillSchema.ts', 'DRILL_KINDS'),
    builtBy: '`drill.kind.${',
  },
  {
    prefix: 'write.topic.',
    from: 'DRILL_TOPICS (core/drills/drillSchema.ts)',
    members: constList('src/core/drills/drillSchema.ts', 'DRILL_TOPICS'),
    builtBy: '`write.topic.${',
  },
  {
    prefix: 'desk.kind.',
    from: 'PROMPT_KINDS (core/drills/drillSchema.ts)',
    members: constList('src/core/drills/drillSchema.ts', 'PROMPT_KINDS'),
    builtBy: '`desk.kind.${',
  },
  { prefix: 'desk.register.', from: 'REGISTERS (core/drills/drillSchema.ts)', members: REGISTERS, builtBy: '`desk.register.${' },
  {
    prefix: 'desk.spell.',
    from: 'spellState (ui/controllers/desk.svelte.ts)',
    members: [...(read('src/ui/controllers/desk.svelte.ts').match(/spellState = \$state<([^>]+)>/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
      (m) => m[1]!,
    ),
    builtBy: '`desk.spell.${',
  },
  {
    prefix: 'writing.finding.',
    from: 'finding codes of core/writing/*.ts; dt by person, greeting/closing by register',
    members: findingCodes(),
    contexts: { 'dt-subject': PERSONS, 'dt-inversion': PERSONS, 'greeting-missing': REGISTERS, 'closing-missing': REGISTERS },
    builtBy: '`writing.finding.${',
  },
];

/** Which family (if any) explains a key the code never spells out. */
function familyOf(key: string): Family | undefined {
  return FAMILIES.find((f) => {
    if (!key.startsWith(f.prefix)) return false;
    const rest = key.slice(f.prefix.length);
    if (f.members.includes(rest)) return true;
    return Object.entries(f.contexts ?? {}).some(([member, ctxs]) => ctxs.some((c) => rest === `${member}_${c}`));
  });
}

// ---------------------------------------------------------------------------------------------

const LANGS = registered();
const source = shape(messages(SOURCE));

describe('UI languages', () => {
  it('the six languages are registered, with their own names and writing direction, and each has a folder', () => {
    expect(LANGS.map((l) => l.code)).toEqual(['nl', 'en', 'fr', 'ar', 'uk', 'tr']);
    expect(sorted(languageDirs)).toEqual(sorted(LANGS.map((l) => l.code)));
    for (const l of LANGS) {
      // The writing direction the platform knows for the language (Arabic: rtl).
      const info = new Intl.Locale(l.code) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
      const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction ?? (l.code === 'ar' ? 'rtl' : 'ltr');
      expect(l.dir, l.code).toBe(direction);
      // Its own name, in its own language (what a newcomer recognises in the list).
      expect(new Intl.DisplayNames([l.code], { type: 'language' }).of(l.code)?.toLowerCase(), l.code).toBe(l.name.toLowerCase());
    }
    expect(LANGS.find((l) => l.code === 'ar')?.dir).toBe('rtl');
  });

  for (const { code } of LANGS) {
    describe(code, () => {
      it('has the same feature files as Dutch', () => {
        expect(featureFiles(code)).toEqual(featureFiles(SOURCE));
      });

      it('has only non-empty strings, and no key twice across its feature files', () => {
        const seen = new Map<string, string>();
        for (const file of featureFiles(code)) {
          for (const [key, value] of flatten(loadFile(code, file))) {
            expect(typeof value, `${code}/${file}: ${key}`).toBe('string');
            expect(String(value).trim(), `${code}/${file}: ${key} is empty`).not.toBe('');
            expect(seen.get(key), `${code}: ${key} is in ${seen.get(key)} and ${file}`).toBeUndefined();
            seen.set(key, file);
          }
        }
      });

      it('has every Dutch key, in the same feature file, and no key Dutch does not have', () => {
        for (const file of featureFiles(SOURCE)) {
          const nl = shape(flatten(loadFile(SOURCE, file)));
          const own = shape(flatten(loadFile(code, file)));
          const names = (s: ReturnType<typeof shape>) => sorted([...s.plain.keys(), ...[...s.plurals.keys()].map((b) => `${b}_*`)]);
          const missing = names(nl).filter((k) => !names(own).includes(k));
          const extra = names(own).filter((k) => !names(nl).includes(k));
          expect({ file, missing, extra }).toEqual({ file, missing: [], extra: [] });
        }
      });

      it('keeps the placeholders of every Dutch key', () => {
        const own = shape(messages(code));
        for (const [key, nlValue] of source.plain) {
          const value = own.plain.get(key);
          if (value === undefined) continue; // reported as missing above
          expect(sorted(placeholders(value)), `${code}: ${key}`).toEqual(sorted(placeholders(nlValue)));
        }
        for (const [base, nlForms] of source.plurals) {
          const forms = own.plurals.get(base);
          if (!forms) continue;
          // All forms together name the same things as Dutch; {{count}} may only be left out where the
          // category stands for a single number (e.g. Arabic "one", "two", "zero"), as Dutch does for "one".
          const nlNames = new Set([...nlForms.values()].flatMap((v) => [...placeholders(v)]));
          nlNames.delete('count');
          for (const [category, value] of forms) {
            const names = placeholders(value);
            const hasCount = names.delete('count');
            expect(sorted(names), `${code}: ${base}_${category}`).toEqual(sorted(nlNames));
            if (!categoryIsSingleNumber(code, category)) expect(hasCount, `${code}: ${base}_${category} needs {{count}}`).toBe(true);
          }
        }
      });

      it(`has exactly the plural forms ${code} needs (${categories(code).join(', ')}) for every plural key`, () => {
        const own = shape(messages(code));
        const needed = sorted(categories(code));
        for (const base of source.plurals.keys()) {
          const forms = own.plurals.get(base);
          if (!forms) continue; // reported as missing above
          expect(sorted(forms.keys()), `${code}: ${base}`).toEqual(needed);
        }
      });
    });
  }
});

describe('every translation key is used', () => {
  it('each dynamic family is built by the code and complete: every member has its key (and its contexts)', () => {
    for (const family of FAMILIES) {
      expect(family.members.length, family.from).toBeGreaterThan(0);
      expect(codeContains(family.builtBy), `${family.builtBy} in src (${family.from})`).toBe(true);
      for (const member of family.members) {
        const ctxs = family.contexts?.[member];
        if (ctxs) {
          expect(ctxs.length, `${family.prefix}${member} contexts`).toBeGreaterThan(0);
          for (const c of ctxs)
            expect(source.plain.has(`${family.prefix}${member}_${c}`), `${family.prefix}${member}_${c} (${family.from})`).toBe(true);
        } else {
          expect(
            source.plain.has(`${family.prefix}${member}`) || source.plurals.has(`${family.prefix}${member}`),
            `${family.prefix}${member} (${family.from})`,
          ).toBe(true);
        }
      }
    }
  });

  it('every Dutch key is named in the code (src/**/*.{ts,svelte}) or belongs to a dynamic family', () => {
    const keys = [...source.plain.keys(), ...source.plurals.keys()];
    const unused = keys.filter((key) => !named(key) && !familyOf(key));
    expect(unused).toEqual([]);
  });

  it('the check would notice a dead key', () => {
    expect(named('today.title')).toBe(true);
    expect(named('today.noSuchKey')).toBe(false);
    expect(familyOf('kinds.cloze')).toBeDefined();
    expect(familyOf('kinds.noSuchKind')).toBeUndefined();
    expect(familyOf('feedback.reason.dt_d')).toBeDefined();
    expect(familyOf('feedback.reason.dt_x')).toBeUndefined();
  });
});

describe('the app shell speaks from the first load', () => {
  // The menu shows before any feature's texts are loaded: its labels must be in core.json.
  const navKeys = [...read('src/ui/routes.ts').matchAll(/nav: '([\w.]+)'/g)].map((m) => m[1]!);
  it.each(languageDirs)('%s: every menu label is in core.json', (lang) => {
    expect(navKeys.length).toBeGreaterThan(3);
    const core = flatten(loadFile(lang, 'core.json'));
    expect(navKeys.filter((k) => !core.has(k))).toEqual([]);
  });

  // Today and the shell around it draw before screenTexts() has loaded the other files: every text
  // they name (in t() calls and in key tables alike) must be in core.json, plurals included.
  const firstLoadFiles = ['src/ui/App.svelte', 'src/ui/screens/Today.svelte', 'src/ui/app.svelte.ts'];
  const all = messages(SOURCE);
  const namedKeys = [
    ...new Set(firstLoadFiles.flatMap((f) => [...read(f).matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)'/g)].map((m) => m[1]!))),
  ].filter((k) => all.has(k) || [...all.keys()].some((m) => m.startsWith(`${k}_`)));
  it.each(languageDirs)('%s: every text Today and the app shell show is in core.json', (lang) => {
    expect(namedKeys.length).toBeGreaterThan(20);
    const core = flatten(loadFile(lang, 'core.json'));
    const inCore = (k: string) => core.has(k) || [...core.keys()].some((m) => m.startsWith(`${k}_`));
    expect(namedKeys.filter((k) => !inCore(k))).toEqual([]);
  });
});
