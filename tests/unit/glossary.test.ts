import { describe, expect, it } from 'vitest';
import { buildGlossary, searchGlossary } from '../../src/core/glossary/glossary.ts';
import { makeCard, makeDeck } from './helpers.ts';

const bestuur = makeDeck('bestuur', 0, [
  makeCard(0, {
    id: 'gemeenteraad',
    term: 'gemeenteraad',
    definition: 'De verkozen vertegenwoordigers van de inwoners.',
    example: 'De {gemeenteraad} vergadert één keer per maand.',
    plain: 'raad van de stad',
    translations: { en: 'city council', fr: 'conseil communal' },
  }),
  makeCard(1, {
    id: 'schepencollege',
    term: 'college van burgemeester en schepenen',
    alternatives: ['schepencollege'],
    definition: 'Het dagelijks bestuur van de stad.',
    example: 'Het {college} beslist elke week.',
    translations: { en: 'executive board' },
  }),
  makeCard(2, {
    id: 'financien',
    term: 'financiën',
    article: 'de',
    definition: 'Het geld van de stad.',
    example: 'De dienst {financiën} betaalt de facturen.',
    translations: { en: 'finances' },
  }),
]);
const werk = makeDeck('werk', 0, [
  makeCard(3, {
    id: 'raadzaal',
    term: 'raadzaal',
    article: 'de',
    definition: 'De zaal waar de gemeenteraad vergadert.',
    example: 'De {raadzaal} is op de eerste verdieping.',
    translations: { en: 'council chamber' },
  }),
  makeCard(4, { id: 'reünie', term: 'reünie', article: 'de', definition: 'Een weerzien.', example: 'Een {reünie}.', translations: {} }),
]);
werk.title = 'Eerste werkdag';
const index = buildGlossary([bestuur, werk]);
const ids = (q: string) => searchGlossary(index, q).hits.map((h) => h.card.id);

describe('glossary search', () => {
  it('ignores case and diacritics, both ways', () => {
    expect(ids('FINANCIEN')).toEqual(['financien']);
    expect(ids('financiën')).toEqual(['financien']);
    expect(ids('reunie')).toEqual(['reünie']);
    expect(ids('één keer')).toEqual(['gemeenteraad']);
  });

  it('matches terms, alternatives, plain language, definitions and translations', () => {
    expect(searchGlossary(index, 'schepencollege').hits[0]).toMatchObject({ card: { id: 'schepencollege' }, field: 'alternative' });
    expect(searchGlossary(index, 'raad van de stad').hits[0]).toMatchObject({ card: { id: 'gemeenteraad' }, field: 'plain' });
    expect(searchGlossary(index, 'dagelijks bestuur').hits[0]).toMatchObject({ card: { id: 'schepencollege' }, field: 'definition' });
    expect(searchGlossary(index, 'council').hits.map((h) => [h.card.id, h.field])).toEqual([
      ['gemeenteraad', 'translation'],
      ['raadzaal', 'translation'],
    ]);
  });

  it('finds the term with its article too', () => {
    expect(ids('de raadzaal')[0]).toBe('raadzaal');
  });

  it('ranks the term itself first, then terms that start with the query, then other fields', () => {
    // "raad" is in gemeenteraad (inside the term), raadzaal (start of the term), and a plain text.
    expect(ids('raad')).toEqual(['raadzaal', 'gemeenteraad']);
    expect(ids('gemeenteraad')).toEqual(['gemeenteraad', 'raadzaal']);
  });

  it('needs every word of the query, in any field', () => {
    expect(ids('zaal vergadert')).toEqual(['raadzaal']);
    expect(ids('zaal burgemeester')).toEqual([]);
  });

  it('says which deck a result comes from, and returns nothing for an empty query', () => {
    expect(searchGlossary(index, 'raadzaal').hits[0]).toMatchObject({ deckId: 'werk', deckTitle: 'Eerste werkdag' });
    expect(searchGlossary(index, '   ')).toEqual({ hits: [], total: 0 });
  });

  it('limits the hits but counts them all', () => {
    const result = searchGlossary(index, 'de', 2);
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(5);
  });

  // Its speed is a figure of `npm run bench` (a ratio against building the index), not a timed test.
  it('searches 10,000 cards: every deck found, results capped, total counted', () => {
    const decks = Array.from({ length: 20 }, (_, d) =>
      makeDeck(
        `d${d}`,
        0,
        Array.from({ length: 500 }, (_, i) => makeCard(i, { id: `w${i}`, term: `woord${d}x${i}`, definition: `Uitleg ${i} bij de stad.` })),
      ),
    );
    const big = buildGlossary(decks);
    expect(big.size).toBe(10_000);
    const all = searchGlossary(big, 'stad');
    expect(all.total).toBe(10_000);
    expect(all.hits.length).toBe(50);
    const one = searchGlossary(big, 'woord7x123');
    expect(one.hits.filter((h) => !h.typo).map((h) => [h.deckId, h.card.term, h.field])).toEqual([['d7', 'woord7x123', 'term']]);
    // The others are one typo away (woord0x123, woord7x124 …): after it, and marked as such.
    expect(one.hits[0]!.card.term).toBe('woord7x123');
    expect(one.hits.slice(1).every((h) => h.typo)).toBe(true);
  });
});

describe('folding for the glossary', () => {
  it('the ASCII fast path folds exactly like the content module', async () => {
    const fc = await import('fast-check');
    const { fold } = await import('../../src/core/content/text.ts');
    const { foldText } = await import('../../src/core/glossary/glossary.ts');
    const chars = fc.constantFrom(..."aAzZ éÉëïçñ’‘`'\t\n  -{}0".split(''));
    fc.assert(fc.property(fc.string({ unit: chars }), fc.string(), (a, b) => foldText(a) === fold(a) && foldText(b) === fold(b)));
  });
});
