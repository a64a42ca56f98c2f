import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, withinOneEdit } from '../../src/core/content/text.ts';
import { syncDeck, wordItemIds } from '../../src/core/db/progressStore.ts';
import { EXERCISE_KINDS } from '../../src/core/exercises/kinds.ts';
import { buildGlossary, searchGlossary } from '../../src/core/glossary/glossary.ts';
import { createPracticeService } from '../../src/core/services/practice.ts';
import { freshDb, makeCard, makeDeck } from './helpers.ts';

const points = (s: string) => Array.from(s);

describe('withinOneEdit', () => {
  it('is editDistance <= 1, over code points, without the table', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 7 });
    fc.assert(
      fc.property(letters, letters, (a, b) => {
        expect(withinOneEdit(points(a), points(b))).toBe(editDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('compares with the start of the second text when given a length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 }),
        fc.nat(10),
        (a, b, n) => {
          expect(withinOneEdit(points(a), points(b), n)).toBe(editDistance(a, points(b).slice(0, n).join('')) <= 1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('knows the four kinds of typo', () => {
    expect(withinOneEdit(points('schepencolege'), points('schepencollege'))).toBe(true); // a letter left out
    expect(withinOneEdit(points('schepenncollege'), points('schepencollege'))).toBe(true); // one too many
    expect(withinOneEdit(points('schepencallege'), points('schepencollege'))).toBe(true); // a wrong letter
    expect(withinOneEdit(points('schepencolelge'), points('schepencollege'))).toBe(true); // two swapped
    expect(withinOneEdit(points('sxhepencolege'), points('schepencollege'))).toBe(false); // two typos
  });
});

const bestuur = makeDeck('bestuur', 0, [
  makeCard(0, {
    id: 'schepencollege',
    term: 'college van burgemeester en schepenen',
    alternatives: ['schepencollege'],
    definition: 'Het dagelijks bestuur van de stad.',
    translations: {},
  }),
  makeCard(1, { id: 'schepen', term: 'schepen', article: 'de', definition: 'Lid van het college.', translations: {} }),
  makeCard(2, { id: 'schepenzaal', term: 'schepenzaal', article: 'de', definition: 'Zaal van het schepencollege.', translations: {} }),
  makeCard(3, { id: 'gemeenteraad', term: 'gemeenteraad', article: 'de', definition: 'De verkozen raad.', translations: {} }),
  makeCard(6, { id: 'gemeentezaal', term: 'gemeentezaal', article: 'de', definition: 'Een zaal.', translations: {} }),
  makeCard(7, { id: 'gemeentezalen', term: 'gemeentezalen', article: 'de', definition: 'Meer zalen.', translations: {} }),
  makeCard(4, { id: 'raad', term: 'raad', article: 'de', definition: 'Een advies.', translations: {} }),
  makeCard(5, { id: 'daad', term: 'daad', article: 'de', definition: 'Iets wat je doet.', translations: {} }),
]);
const index = buildGlossary([bestuur]);
const hits = (q: string) => searchGlossary(index, q).hits.map((h) => [h.card.id, h.field, h.typo ?? false]);

describe('glossary: one typo', () => {
  it('finds schepencollege for schepencolege, as an alternative with a typo', () => {
    expect(hits('schepencolege')).toEqual([['schepencollege', 'alternative', true]]);
    expect(hits('Schepencolelge')).toEqual([['schepencollege', 'alternative', true]]);
    // Two typos are too many.
    expect(hits('sxhepencolege')).toEqual([]);
  });

  it('tolerates a typo in the start of a term while the trainee is still typing', () => {
    // gemeenteraad starts with it; gemeentez… is one letter off.
    expect(hits('gemeenter')).toEqual([
      ['gemeenteraad', 'term', false],
      ['gemeentezaal', 'term', true],
      ['gemeentezalen', 'term', true],
    ]);
    expect(hits('gemeemter')).toEqual([['gemeenteraad', 'term', true]]);
  });

  it('ranks the exact and prefix matches before the typo matches', () => {
    // "schepen" is the term, "schepenzaal" starts with it, the college has it in a field;
    // "schepan" finds them only by a typo, the whole word (schepen) before starts (schepenzaal, the college's alternative).
    expect(hits('schepen').map(([id]) => id)).toEqual(['schepen', 'schepenzaal', 'schepencollege']);
    expect(hits('schepan')).toEqual([
      ['schepen', 'term', true],
      ['schepencollege', 'alternative', true],
      ['schepenzaal', 'term', true],
    ]);
    // A real match on one entry and a typo match on another: the real one first.
    expect(hits('gemeentezaal')).toEqual([
      ['gemeentezaal', 'term', false],
      ['gemeentezalen', 'term', true],
    ]);
  });

  it('gives short queries no typo budget, like answer checking (under five letters)', () => {
    expect(hits('raad').map(([id]) => id)).toEqual(['raad', 'gemeenteraad']);
    expect(hits('baad')).toEqual([]);
  });
});

describe('practise one word', () => {
  it('its items, in the order of EXERCISE_KINDS, through the session of chosen items', async () => {
    const cards = [
      makeCard(0, { id: 'loket', term: 'loket', article: 'het', plain: 'balie', example: 'Ga naar het {loket}.', translations: {} }),
      makeCard(1, { id: 'attest', term: 'attest', article: 'het', example: 'Een attest zonder gat.', translations: {} }),
      makeCard(2, { id: 'dossier', term: 'dossier', article: 'het', translations: {} }),
      makeCard(3, { id: 'premie', term: 'premie', article: 'de', translations: {} }),
    ];
    const deck = makeDeck('burgerzaken', 0, cards);
    const db = freshDb();
    await syncDeck(db, deck);
    const practice = createPracticeService(db, () => 0.9);
    const ids = practice.wordItemIds(deck, cards[0]!);
    expect(ids).toEqual(['recognise', 'choice', 'article', 'plain', 'produce', 'cloze', 'listen'].map((k) => `burgerzaken/loket/${k}`));
    const items = await practice.itemsByIds(ids);
    expect(items.map((i) => i.kind)).toEqual(EXERCISE_KINDS.filter((k) => items.some((i) => i.kind === k)));
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(new Set(items.map((i) => i.cardId))).toEqual(new Set(['loket']));
    // A card without plain or example has fewer kinds, still in that order.
    expect(wordItemIds(deck, cards[1]!)).toEqual(
      ['recognise', 'choice', 'article', 'produce', 'listen'].map((k) => `burgerzaken/attest/${k}`),
    );
  });
});
