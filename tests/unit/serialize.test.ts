import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { readYamlSource } from '../../src/core/content/yamlDeck.ts';
import { deckToCsv, deckToInput, deckToYaml, csvExportProblems, sortLanguages } from '../../src/core/content/serialize.ts';
import { ARTICLES, CARD_TYPES, LEVELS, type CardInput, type DeckInput } from '../../src/core/content/schema.ts';
import { ID_PATTERN, slugify } from '../../src/core/content/slug.ts';
import type { Deck } from '../../src/core/content/model.ts';

/** Strings that YAML or CSV would misread if written bare, and text from the trainees' languages. */
const AWKWARD = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '123',
  '007',
  '1e3',
  '.5',
  '0x1F',
  '1_000',
  '12:30',
  '2026-03-07',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'Let op: dit',
  'key: value',
  'eindigt op:',
  'a #b',
  '#hash',
  'C#',
  '- dash',
  '-',
  '?',
  '? vraag',
  ': colon',
  '"aanhalingstekens"',
  "'enkele'",
  'het "loket"',
  '’s avonds',
  '„Vlaams” citaat',
  '{gap}',
  '[lijst]',
  'a, b',
  'a; b',
  'a | b',
  '&anker',
  '*alias',
  '!tag',
  '%dir',
  '@at',
  '`tick`',
  '| pijp',
  '> groter',
  '---',
  '...',
  'sep=;',
  '=SOM(A1)',
  '+32 3 123 45 67',
  '😀 emoji 👩‍👩‍👧',
  'مرحبا بالعالم',
  'בית המשפט',
  'Українська мова',
  'Türkçe ğüşöçİı',
  'e\u0301 combining',
  'RTL\u200F mark',
  'twee\nregels',
  'drie\n\nregels',
  'spatie aan eind \nvan regel',
  'tab\tin tekst',
  'windows\r\nregeleinde',
  '\\backslash\\',
  'nul\u0000teken',
];

const awkward = fc.constantFrom(...AWKWARD);
/** Text a field may hold after the schema's trim: awkward pieces, arbitrary text, and both glued together. */
const text = fc
  .oneof(
    awkward,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc
      .array(fc.oneof(awkward, fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join(' ')),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
/** Untrimmed text: the YAML must keep leading and trailing spaces and line breaks exactly. */
const rawText = fc.oneof(
  text,
  text.map((s) => `  ${s} `),
  text.map((s) => `\n${s}\n`),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/).filter((s) => ID_PATTERN.test(s));
const UI_LANGUAGES = ['en', 'fr', 'ar', 'uk', 'tr'] as const;
const CSV_LANGUAGES = [...UI_LANGUAGES, 'ru', 'es', 'pl', 'prs', 'ti', 'so'] as const;
const AUDIO = ['loket.mp3', 'a-b_c.1.ogg', 'Opname.webm', 'x.m4a'] as const;

function translations(languages: readonly string[]) {
  return fc
    .uniqueArray(fc.constantFrom(...languages), { minLength: 1, maxLength: 4 })
    .chain((langs) => fc.tuple(...langs.map(() => text)).map((values) => Object.fromEntries(langs.map((l, i) => [l, values[i]!]))));
}

/** Optional fields are absent, never `undefined`: a parsed deck has no undefined keys either. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A card as a coach writes it, valid for the validator: a noun has its article, `type: noun`
 * is left to the article, an explicit id differs from the term's slug, the gap holds the term.
 */
function card(options: { languages: readonly string[]; alternative: fc.Arbitrary<string> }): fc.Arbitrary<CardInput> {
  return fc
    .record({
      term: text,
      article: fc.option(fc.constantFrom(...ARTICLES), { nil: undefined }),
      otherType: fc.option(fc.constantFrom(...CARD_TYPES.filter((t) => t !== 'noun')), { nil: undefined }),
      definition: text,
      example: fc.option(fc.tuple(text, text), { nil: undefined }),
      plain: fc.option(text, { nil: undefined }),
      alternatives: fc.option(fc.array(options.alternative, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      translations: fc.option(translations(options.languages), { nil: undefined }),
      audio: fc.option(fc.constantFrom(...AUDIO), { nil: undefined }),
      id: fc.option(id, { nil: undefined }),
      sharedTerm: fc.option(fc.constant(true as const), { nil: undefined }),
    })
    .map(({ otherType, example, ...c }) => {
      const noBraces = (s: string) => !/[{}]/.test(s);
      return compact({
        ...c,
        // An article goes with a noun (implied) or an abbreviation; a word without one says what it is.
        type: c.article ? (otherType === 'abbreviation' ? otherType : undefined) : otherType,
        example:
          example && noBraces(c.term) && noBraces(example[0]) && noBraces(example[1])
            ? `${example[0]} {${c.term}} ${example[1]}`
            : undefined,
        id: c.id !== undefined && c.id !== slugify(c.term) ? c.id : undefined,
      });
    })
    .filter((c) => (c.id ?? slugify(c.term)) !== '');
}

function deck(options: { languages: readonly string[]; alternative: fc.Arbitrary<string> }): fc.Arbitrary<DeckInput> {
  return fc
    .record({
      id,
      title: text,
      department: text,
      level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
      description: fc.option(text, { nil: undefined }),
      cards: fc.uniqueArray(card(options), { minLength: 1, maxLength: 6, selector: (c) => c.id ?? slugify(c.term) }),
    })
    .map(compact);
}

const yamlDeck = deck({ languages: [...UI_LANGUAGES, 'zz', 'id', 'nl', 'kmr'], alternative: text });
const csvDeck = deck({ languages: CSV_LANGUAGES, alternative: text.filter((s) => !s.includes('|')) });

const errorsOf = (r: { problems: { severity: string }[] }) => r.problems.filter((p) => p.severity === 'error');
const RUNS = { numRuns: 200 };
/** Property tests run hundreds of parses: give them room on a shared machine. */
const SLOW = 60_000;

describe('deckToYaml: parsing the export gives back the same deck', () => {
  it(
    'through parseDeckFile, as the build and the import read it',
    () => {
      fc.assert(
        fc.property(yamlDeck, (d) => {
          const result = parseDeckFile(`content/decks/x/${d.id}.deck.yaml`, deckToYaml(d));
          expect(errorsOf(result)).toEqual([]);
          expect(deckToInput(result.deck!)).toEqual(d);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'keeps every string exactly in the YAML, also leading spaces, line breaks and control characters the schema would trim',
    () => {
      const rawCard = fc
        .record({
          term: rawText,
          definition: rawText,
          alternatives: fc.array(rawText, { maxLength: 3 }),
          translations: fc.dictionary(fc.constantFrom('en', 'fr', 'no', 'on', 'y'), rawText),
        })
        .map(compact);
      const rawDeck = fc.record({
        id: rawText,
        title: rawText,
        department: rawText,
        description: rawText,
        cards: fc.array(rawCard, { minLength: 1, maxLength: 3 }),
      });
      fc.assert(
        fc.property(rawDeck, (d) => {
          const source = readYamlSource(deckToYaml(d as DeckInput), 'x.deck.yaml');
          if (source.problems) throw new Error(source.problems.map((p) => p.message).join('\n'));
          expect(source.raw).toEqual(d);
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('deckToCsv: parsing the export with its meta file gives back the same deck', () => {
  it(
    'through parseDeckFile, for ";", "," and tab as separator',
    () => {
      fc.assert(
        fc.property(csvDeck, fc.constantFrom(';' as const, ',' as const, '\t' as const), (d, delimiter) => {
          const out = deckToCsv(d, { delimiter });
          if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
          const path = `content/decks/x/export.csv`;
          const result = parseDeckFile(path, out.csv, { meta: { path: 'content/decks/x/export.meta.yaml', text: out.meta } });
          expect(errorsOf(result)).toEqual([]);
          expect(deckToInput(result.deck!)).toEqual(d);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it('refuses, with the card and the reason, what a CSV cannot hold: "|" in an alternative, a language that is no CSV column', () => {
    const d: DeckInput = {
      id: 'x',
      title: 'X',
      cards: [
        { term: 'loket', article: 'het', definition: 'Een balie.', alternatives: ['balie | toog'] },
        { term: 'wachtrij', article: 'de', definition: 'Een rij.', translations: { en: 'queue', id: 'antrean', zz: 'z' } },
      ],
    };
    const out = deckToCsv(d);
    expect(out.ok).toBe(false);
    expect(csvExportProblems(d).map((p) => [p.code, p.card, p.value])).toEqual([
      ['alternative-has-bar', 0, 'balie | toog'],
      ['translation-language', 1, 'id'],
      ['translation-language', 1, 'zz'],
    ]);
    if (!out.ok) expect(out.problems[0]!.message).toContain('"loket"');
  });

  it('writes only the columns the deck uses, translations where the schema has them, UI languages first, as Excel in Belgium reads it', () => {
    const out = deckToCsv({
      id: 'afval',
      title: 'Afval & netheid',
      department: 'Stadsreiniging',
      cards: [
        {
          term: 'sluikstort',
          article: 'het',
          definition: 'Afval dat iemand achterlaat; dat is verboden.',
          translations: { ru: 'свалка', fr: 'dépôt clandestin', en: 'fly-tipping' },
        },
        {
          term: 'sorteren',
          type: 'verb',
          definition: 'Afval "apart" houden.',
          alternatives: ['scheiden', 'splitsen'],
          audio: 'sorteren.mp3',
        },
      ],
    });
    expect(out).toEqual({
      ok: true,
      csv:
        '\uFEFFterm;article;type;definition;alternatives;en;fr;ru;audio\r\n' +
        'sluikstort;het;;"Afval dat iemand achterlaat; dat is verboden.";;fly-tipping;dépôt clandestin;свалка;\r\n' +
        'sorteren;;verb;"Afval ""apart"" houden.";scheiden | splitsen;;;;sorteren.mp3\r\n',
      meta: 'id: afval\ntitle: Afval & netheid\ndepartment: Stadsreiniging\n',
    });
    expect(sortLanguages(['zu', 'tr', 'ar', 'de', 'en', 'tr'])).toEqual(['en', 'ar', 'tr', 'de', 'zu']);
  });
});

describe('deckToYaml: the layout of the authoring guide', () => {
  it('writes the example of content/README.md §2 exactly as the guide shows it', () => {
    const guide = readFileSync('content/README.md', 'utf8');
    const example = guide.match(/## 2\.[\s\S]*?```yaml\n([\s\S]*?)```/)![1]!;
    const parsed = parseDeckFile('content/decks/groen/groen-en-parken.deck.yaml', example);
    expect(errorsOf(parsed)).toEqual([]);
    expect(deckToYaml(deckToInput(parsed.deck!))).toBe(example);
  });

  it('orders the fields as the schema, one blank line between cards, lists and translations on one line, quotes only where needed', () => {
    const yaml = deckToYaml({
      cards: [
        {
          sharedTerm: true,
          id: 'balie-loket',
          translations: { en: 'counter', fr: 'no' },
          alternatives: ['balie', 'a, b'],
          definition: 'Let op: een "plaats".',
          term: 'loket',
          article: 'het',
        },
        { definition: 'Twee\nregels.', term: 'null', type: 'phrase' },
      ],
      description: '123',
      level: 'A2',
      department: 'Burgerzaken',
      title: 'Aan het #loket',
      id: 'loket',
    });
    expect(yaml).toBe(
      [
        'id: loket',
        'title: "Aan het #loket"',
        'department: Burgerzaken',
        'level: A2',
        'description: "123"',
        'cards:',
        '  - term: loket',
        '    article: het',
        '    definition: "Let op: een \\"plaats\\"."',
        '    alternatives: [balie, "a, b"]',
        '    translations: { en: counter, fr: "no" }',
        '    id: balie-loket',
        '    sharedTerm: true',
        '',
        '  - term: "null"',
        '    type: phrase',
        '    definition: |-',
        '      Twee',
        '      regels.',
        '',
      ].join('\n'),
    );
  });

  it('writes no anchors when two cards share one list object', () => {
    const shared = ['balie'];
    const yaml = deckToYaml({
      id: 'x',
      title: 'X',
      cards: [
        { term: 'a', definition: 'b', alternatives: shared },
        { term: 'c', definition: 'd', alternatives: shared },
      ],
    });
    expect(yaml).not.toMatch(/[&*]a1/);
    expect(yaml.match(/alternatives: \[balie\]/g)).toHaveLength(2);
  });
});

describe('deckToInput: a compiled deck back to its file', () => {
  const decks: { path: string; deck: Deck }[] = [];
  for (const dir of readdirSync('content/decks')) {
    for (const name of readdirSync(`content/decks/${dir}`)) {
      const path = `content/decks/${dir}/${name}`;
      if (!name.endsWith('.deck.yaml')) continue;
      decks.push({ path, deck: parseDeckFile(path, readFileSync(path, 'utf8'), { department: dir }).deck! });
    }
  }

  it('gives every built-in deck back unchanged (same cards, ids and content hash) after YAML and CSV export', () => {
    expect(decks.length).toBeGreaterThan(5);
    const strip = ({ source: _s, cards, ...rest }: Deck) => ({ ...rest, cards: cards.map(({ line: _l, ...c }) => c) });
    for (const { path, deck } of decks) {
      const input = deckToInput(deck);
      const viaYaml = parseDeckFile(path, deckToYaml(input)).deck!;
      expect(strip(viaYaml), path).toEqual(strip(deck));
      const csv = deckToCsv(input);
      if (!csv.ok) throw new Error(`${path}: ${csv.problems[0]!.message}`);
      const viaCsv = parseDeckFile('export.csv', csv.csv, { meta: { path: 'export.meta.yaml', text: csv.meta } }).deck!;
      expect(strip(viaCsv), path).toEqual(strip(deck));
    }
  });

  it('keeps an explicit id only where it differs from the one derived from the term, and leaves out implied values', () => {
    const text =
      'id: x\ntitle: X\ncards:\n  - term: Loket\n    article: het\n    type: noun\n    definition: a\n    id: loket\n    alternatives: []\n  - term: balie\n    definition: b\n    type: noun\n    article: de\n    id: balie-2\n';
    const input = deckToInput(parseDeckFile('x.deck.yaml', text).deck!);
    expect(input.cards).toEqual([
      { term: 'Loket', article: 'het', definition: 'a' },
      { term: 'balie', article: 'de', definition: 'b', id: 'balie-2' },
    ]);
    expect(input.department).toBe('Algemeen');
  });
});
