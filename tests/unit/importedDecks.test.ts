import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkDeckFile, groupDeckFiles } from '../../src/core/content/deckFile.ts';
import { listImportedDecks, removeImportedDeck, storeImportedDeck } from '../../src/core/db/importedDecks.ts';
import { queueSource, syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { kindsForCard } from '../../src/core/exercises/kinds.ts';
import type { Deck } from '../../src/core/content/model.ts';
import { buildTodayQueue } from '../../src/core/srs/queue.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { freshDb, makeDeck, NOON } from './helpers.ts';

const scheduler = createScheduler({ retention: 0.9 });
/** Review items a deck has: one per card and exercise kind the card allows. */
const itemCount = (deck: Deck) => deck.cards.reduce((n, c) => n + kindsForCard(c, deck).length, 0);
const builtIn = new Set(['bestuur', 'eerste-werkdag']);

const yamlDeck = (id: string, cards: string[]) => `id: ${id}
title: Onze dienst
department: Burgerzaken
cards:
${cards.join('\n')}
`;
const card = (term: string, extra = '') => `  - term: ${term}
    article: de
    definition: Uitleg van ${term}.
    example: Dit is de {${term}}.
    translations: { en: ${term} en, fr: ${term} fr }${extra}`;

describe('checking a deck file picked in the app', () => {
  it('accepts a valid deck', () => {
    const result = checkDeckFile('loket.deck.yaml', yamlDeck('loket', [card('balie'), card('wachtrij')]), builtIn);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.deck.cards.map((c) => c.id)).toEqual(['balie', 'wachtrij']);
  });

  it('refuses a file with errors, each with its line number', () => {
    const text = yamlDeck('loket', [card('balie'), `  - term: wachtrij\n    article: den\n    definitoin: x`]);
    const result = checkDeckFile('loket.deck.yaml', text, builtIn);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'problems') throw new Error('expected problems');
    const byCode = Object.fromEntries(result.problems.map((p) => [p.code, p.line]));
    expect(byCode['invalid-value']).toBe(11);
    expect(byCode['unknown-field']).toBe(12);
    // Sorted by line, so the list reads top to bottom.
    expect(result.problems.map((p) => p.line)).toEqual([...result.problems.map((p) => p.line)].sort((a, b) => a - b));
  });

  it('refuses a deck id a built-in deck uses', () => {
    expect(checkDeckFile('x.deck.yaml', yamlDeck('bestuur', [card('balie')]), builtIn)).toEqual({
      ok: false,
      reason: 'built-in-id',
      id: 'bestuur',
    });
  });

  it('refuses an unsupported file and an empty one', () => {
    const odd = checkDeckFile('notes.txt', 'hallo', builtIn);
    expect(odd.ok === false && odd.reason === 'problems' && odd.problems[0]!.code).toBe('unsupported-file');
    const empty = checkDeckFile('leeg.deck.yaml', '', builtIn);
    expect(empty.ok === false && empty.reason === 'problems' && empty.problems[0]!.code).toBe('empty-file');
  });
});

describe('imported decks in IndexedDB', () => {
  it('stores the deck and its review items together; they can be practised like built-in ones', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('bestuur', 2), NOON);
    const loket = makeDeck('loket', 3);
    await storeImportedDeck(db, loket, 'loket.deck.yaml', NOON);
    expect((await listImportedDecks(db)).map((r) => [r.id, r.fileName])).toEqual([['loket', 'loket.deck.yaml']]);
    expect(await db.items.where('deckId').equals('loket').count()).toBe(itemCount(loket));
    const q = await buildTodayQueue(queueSource(db), ['loket'], NOON, { newPerDay: 10, reviewsPerDay: 100 });
    expect(q.newCount).toBe(3);
  });

  it('a newer version of the same deck keeps the progress of the cards that remain', async () => {
    const db = freshDb();
    const v1 = makeDeck('loket', 3);
    await storeImportedDeck(db, v1, 'loket.deck.yaml', NOON);
    await recordReview(db, scheduler, { itemId: 'loket/woord-1/recognise', rating: 3, now: NOON, durationMs: 1 });
    await recordReview(db, scheduler, { itemId: 'loket/woord-2/recognise', rating: 3, now: NOON, durationMs: 1 });
    const kept = await db.items.get('loket/woord-1/recognise');

    const v2 = makeDeck('loket', 0, [v1.cards[0]!, { ...v1.cards[1]!, definition: 'Verbeterd.' }]);
    const before = await storeImportedDeck(db, v2, 'loket-v2.deck.yaml', NOON + 1000);
    expect(before?.fileName).toBe('loket.deck.yaml');
    expect((await db.importedDecks.get('loket'))?.deck.cardCount).toBe(2);
    expect((await db.items.get('loket/woord-1/recognise'))?.fsrs).toEqual(kept?.fsrs);
    expect((await db.items.get('loket/woord-2/recognise'))?.active).toBe(false);
    expect(await db.logs.count()).toBe(2);
  });

  it('removing a deck removes its items and log rows, and nothing else', async () => {
    const db = freshDb();
    await syncDeck(db, makeDeck('bestuur', 2), NOON);
    const loket = makeDeck('loket', 2);
    await storeImportedDeck(db, loket, 'loket.deck.yaml', NOON);
    await recordReview(db, scheduler, { itemId: 'loket/woord-0/recognise', rating: 3, now: NOON, durationMs: 1 });
    await recordReview(db, scheduler, { itemId: 'bestuur/woord-0/recognise', rating: 3, now: NOON, durationMs: 1 });
    const bestuurItems = await db.items.where('deckId').equals('bestuur').toArray();

    expect(await removeImportedDeck(db, 'loket')).toEqual({ items: itemCount(loket), logs: 1 });
    expect(await db.importedDecks.count()).toBe(0);
    expect(await db.items.where('deckId').equals('loket').count()).toBe(0);
    expect(await db.deckSync.get('loket')).toBeUndefined();
    expect(await db.items.where('deckId').equals('bestuur').toArray()).toEqual(bestuurItems);
    expect((await db.logs.toArray()).map((l) => l.deckId)).toEqual(['bestuur']);
  });
});

describe('CSV decks picked in the app', () => {
  const csv =
    '\uFEFFterm;article;definition;example;en;fr\nrecyclagepark;het;Waar je gesorteerd afval brengt.;Breng het naar het {recyclagepark}.;recycling centre;recyparc\n';
  const meta = 'id: afval\ntitle: Afval & netheid\ndepartment: Stadsreiniging\n';

  it('pairs a CSV with the meta file picked with it, and passes other files through in order', () => {
    const groups = groupDeckFiles([
      { name: 'a.deck.yaml', text: 'x' },
      { name: 'afval.meta.yaml', text: meta },
      { name: 'afval.csv', text: csv },
      { name: 'los.meta.yaml', text: meta },
    ]);
    expect(groups.map((g) => [g.file.name, g.meta?.path])).toEqual([
      ['a.deck.yaml', undefined],
      ['afval.csv', 'afval.meta.yaml'],
      ['los.meta.yaml', undefined],
    ]);
  });

  it('imports a CSV deck with its meta file, and a lone meta file is refused', () => {
    const result = checkDeckFile('afval.csv', csv, builtIn, { path: 'afval.meta.yaml', text: meta });
    expect(result.ok && [result.deck.id, result.deck.title, result.deck.department]).toEqual([
      'afval',
      'Afval & netheid',
      'Stadsreiniging',
    ]);
    const lone = checkDeckFile('los.meta.yaml', meta, builtIn);
    expect(lone.ok === false && lone.reason === 'problems' && lone.problems[0]!.code).toBe('unsupported-file');
  });

  it('a CSV error has its line number', () => {
    const broken = checkDeckFile('afval.csv', 'term;definitoin\nbalie;De plaats.\n', builtIn);
    expect(broken.ok).toBe(false);
    if (broken.ok || broken.reason !== 'problems') return;
    expect(broken.problems.map((p) => [p.code, p.line])).toContainEqual(['unknown-column', 1]);
  });
});
