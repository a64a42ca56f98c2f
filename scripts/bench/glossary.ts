/**
 * Glossary search over 10,000 generated cards (20 decks of 500): index build time, and the time
 * of typical queries typed letter by letter, as the trainee types them. Target: well under 50 ms.
 */
import type { Card, Deck } from '../../src/core/content/model.ts';
import { buildGlossary, searchGlossary } from '../../src/core/glossary/glossary.ts';

const ROOTS = [
  'gemeente',
  'vergunning',
  'aanvraag',
  'dienst',
  'loket',
  'raad',
  'bouw',
  'omgeving',
  'financiën',
  'sociaal',
  'burger',
  'verkeer',
  'afval',
  'personeel',
  'college',
  'schepen',
  'begroting',
  'premie',
  'attest',
  'reünie',
];
const TAILS = [
  'beleid',
  'plan',
  'dossier',
  'formulier',
  'termijn',
  'overleg',
  'besluit',
  'register',
  'kantoor',
  'bijdrage',
  'regeling',
  'controle',
  'verslag',
  'team',
  'procedure',
];
const WORDS = [
  'de',
  'stad',
  'een',
  'inwoner',
  'vraagt',
  'het',
  'bestuur',
  'beslist',
  'over',
  'regels',
  'voor',
  'dienst',
  'die',
  'werkt',
  'met',
  'geld',
  'en',
  'papieren',
];

function generate(count = 10_000, decks = 20): Deck[] {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const sentence = (n: number) => Array.from({ length: n }, () => WORDS[rand(WORDS.length)]).join(' ');
  return Array.from({ length: decks }, (_, d) => {
    const cards: Card[] = Array.from({ length: count / decks }, (_, i) => {
      const term = `${ROOTS[rand(ROOTS.length)]}${TAILS[rand(TAILS.length)]}${i % 7 === 0 ? '' : i}`;
      return {
        id: `${term}-${d}-${i}`,
        term,
        article: rand(2) ? 'de' : 'het',
        definition: `${sentence(10)}.`,
        example: `Het {${term}} ${sentence(6)}.`,
        plain: sentence(3),
        alternatives: rand(5) === 0 ? [`${term}je`] : [],
        translations: { en: `${sentence(2)} ${i}`, fr: `${sentence(2)} ${i}` },
        line: i + 1,
      };
    });
    return { id: `bench-${d}`, title: `Bench ${d}`, department: 'Bench', source: '', cardCount: cards.length, hash: String(d), cards };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function run(): Promise<Record<string, string | number>> {
  const decks = generate();
  const builds: number[] = [];
  let index = buildGlossary(decks);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    index = buildGlossary(decks);
    builds.push(performance.now() - t0);
  }
  // Typed one letter at a time, like the search box sees them.
  const typed = ['gemeentevergunning', 'financien', 'REUNIE', 'aanvraag premie', 'stad beslist', 'xyz'];
  const queries = typed.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)));
  for (const q of queries) searchGlossary(index, q); // warm up the JIT
  const times: number[] = [];
  let largest = 0;
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      const result = searchGlossary(index, q);
      times.push(performance.now() - t0);
      largest = Math.max(largest, result.total);
    }
  }
  const med = median(times);
  const max = Math.max(...times);
  return {
    cards: index.size,
    'build index (ms, median of 5)': median(builds).toFixed(1),
    [`search, ${queries.length} queries × 5 (median ms)`]: med.toFixed(2),
    'search (max ms)': max.toFixed(2),
    'most matches for one query': largest,
    'target (< 50 ms)': max < 50 ? 'met' : 'NOT met',
  };
}
