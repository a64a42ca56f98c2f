import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeckPackage } from '../../src/core/content/deckPackage.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { parseArticleTsv } from '../../src/core/content/qa/articles.ts';
import type { StudioDraftRow } from '../../src/core/db/database.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import { createDeckService } from '../../src/core/services/decks.ts';
import { createStudioService, type StudioJournal } from '../../src/core/services/studio.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { DeckChecker, DECK_KEY, spellingFields, type StudioProblem } from '../../src/core/studio/checker.ts';
import {
  draftFromInput,
  draftToInput,
  emptyCard,
  setCardField,
  uniqueId,
  type DraftCard,
  type DraftDeck,
} from '../../src/core/studio/draft.ts';
import { checkDraftFile } from '../../src/core/studio/fileCheck.ts';
import { cardEdit, EditHistory } from '../../src/core/studio/history.ts';
import { freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

const card = (fields: Partial<DraftCard>): DraftCard => ({ ...emptyCard(), ...fields });
const noun = (term: string, article: 'de' | 'het', extra: Partial<DraftCard> = {}): DraftCard =>
  card({
    term,
    article,
    definition: `Uitleg bij ${term.length} letters.`,
    example: `Hier staat {${term}} in de zin.`,
    translations: { en: 'x', fr: 'y' },
    ...extra,
  });
const deck = (cards: DraftCard[], extra: Partial<DraftDeck> = {}): DraftDeck => ({
  id: 'eigen',
  title: 'Eigen pakket',
  department: '',
  level: '',
  description: '',
  cards,
  ...extra,
});
const atAll = (problems: StudioProblem[]) => problems.map((p) => `${p.field}:${p.code}`).sort();
const at = atAll;

describe('the draft form', () => {
  it('stores what a deck file holds, leaving out what is not set, and reads it back', () => {
    const form = deck([
      noun('loket', 'het', { alternatives: ['balie', '  ', ''], translations: { en: 'counter', fr: ' ' }, sharedTerm: true }),
      card({}),
    ]);
    const input = draftToInput(form);
    expect(input).toEqual({
      id: 'eigen',
      title: 'Eigen pakket',
      cards: [
        {
          term: 'loket',
          article: 'het',
          definition: 'Uitleg bij 5 letters.',
          example: 'Hier staat {loket} in de zin.',
          alternatives: ['balie'],
          translations: { en: 'counter' },
          sharedTerm: true,
        },
        {},
      ],
    });
    const back = draftFromInput(JSON.parse(JSON.stringify(input)));
    expect(draftToInput(back)).toEqual(input);
    // Every row gets its own key, also after a reload.
    expect(new Set(back.cards.map((c) => c.key)).size).toBe(2);
  });

  it('reads any stored shape without throwing, and keeps object-key words out of the translations', () => {
    for (const raw of [
      null,
      7,
      'tekst',
      [],
      { cards: 'geen lijst' },
      { id: 5, cards: [null, 3, { term: 12, alternatives: 'los', translations: [] }] },
    ]) {
      expect(() => draftToInput(draftFromInput(raw))).not.toThrow();
    }
    const tricky = draftFromInput(JSON.parse('{"cards":[{"term":"x","translations":{"__proto__":"a","constructor":"b","en":"c"}}]}'));
    expect(tricky.cards[0]!.translations).toEqual({ en: 'c' });
    expect(Object.getPrototypeOf(tricky.cards[0]!.translations)).toBe(Object.prototype);
    const edited = card({});
    setCardField(edited, 'translations.__proto__', 'x');
    expect(Object.keys(edited.translations)).toEqual([]);
  });

  it('finds an id nobody uses', () => {
    const taken = new Set(['nieuw-pakket', 'nieuw-pakket-2']);
    expect(uniqueId('nieuw-pakket', (id) => taken.has(id))).toBe('nieuw-pakket-3');
    expect(uniqueId('ander', (id) => taken.has(id))).toBe('ander');
  });
});

describe('undo and redo', () => {
  it('undoes typing as one step per field, and every change to the list of cards', () => {
    const a = noun('loket', 'het');
    const b = noun('balie', 'de');
    const form = deck([a, b]);
    const history = new EditHistory();
    let now = 1000;
    for (const value of ['l', 'lo', 'lok']) history.do(form, cardEdit(form.cards[0]!, 'term', value), (now += 100));
    expect(form.cards[0]!.term).toBe('lok');
    history.do(form, { kind: 'insert', index: 2, cards: [noun('wachtrij', 'de')] }, (now += 100));
    history.do(form, { kind: 'move', from: 2, to: 0 }, (now += 100));
    history.do(form, { kind: 'remove', index: 1, cards: [{ ...form.cards[1]! }] }, (now += 100));
    expect(form.cards.map((c) => c.term)).toEqual(['wachtrij', 'balie']);

    history.undo(form);
    expect(form.cards.map((c) => c.term)).toEqual(['wachtrij', 'lok', 'balie']);
    history.undo(form);
    history.undo(form);
    expect(form.cards.map((c) => c.term)).toEqual(['lok', 'balie']);
    const back = history.undo(form);
    expect(back).toMatchObject({ kind: 'card', key: a.key, field: 'term', after: 'loket' });
    expect(form.cards.map((c) => c.term)).toEqual(['loket', 'balie']);
    expect(history.canUndo).toBe(false);

    for (let i = 0; i < 4; i++) history.redo(form);
    expect(form.cards.map((c) => c.term)).toEqual(['wachtrij', 'balie']);
    expect(history.canRedo).toBe(false);
  });

  it('starts a new step after a pause or when she moved to another field', () => {
    const form = deck([noun('loket', 'het')]);
    const history = new EditHistory();
    history.do(form, cardEdit(form.cards[0]!, 'term', 'loketten'), 1000);
    history.do(form, cardEdit(form.cards[0]!, 'term', 'loketje'), 5000);
    history.seal();
    history.do(form, { kind: 'deck', field: 'title', before: 'Eigen pakket', after: 'Aan het loket' }, 5100);
    history.undo(form);
    expect(form.title).toBe('Eigen pakket');
    history.undo(form);
    expect(form.cards[0]!.term).toBe('loketten');
    history.undo(form);
    expect(form.cards[0]!.term).toBe('loket');
  });
});

const lexicon = parseArticleTsv('article\tnoun\nhet\tloket\nde\tbalie\nde\tomgeving\nde\tvergunning\n');

describe('live checks, at the field', () => {
  it('names the field of every validator problem', () => {
    const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
    const form = deck([
      card({ term: 'loket', article: 'den', definition: 'Waar je geholpen wordt.' }),
      card({ term: 'balie', definition: 'Een tafel.', example: 'Ga naar de balie.' }),
      card({ term: 'vergadering', article: 'de', definition: 'Samenkomst.', example: 'De {vergaderzaal} is vol.' }),
      card({ term: 'aanvragen', type: 'verb', article: 'de', definition: 'Vragen om iets.' }),
      card({ definition: 'Zonder term.' }),
    ]);
    checker.load(form);
    const [k0, k1, k2, k3, k4] = form.cards.map((c) => c.key) as [string, string, string, string, string];
    expect(at(checker.problemsOf(k0))).toEqual(['article:invalid-value']);
    expect(at(checker.problemsOf(k1))).toContain('example:gap-missing');
    expect(at(checker.problemsOf(k1))).toContain('term:article-missing');
    expect(at(checker.problemsOf(k2))).toContain('example:gap-mismatch');
    expect(at(checker.problemsOf(k3))).toContain('article:article-on-non-noun');
    expect(at(checker.problemsOf(k4))).toEqual(['term:missing-field']);
    expect(checker.compiled(k0)).toBeUndefined();
    expect(checker.compiled(k2)?.term).toBe('vergadering');
  });

  it('re-checks only what changed, and keeps checks across cards right as cards change, move and go', () => {
    const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
    const a = noun('loket', 'het');
    const b = noun('balie', 'de');
    // This test is about ids and terms across cards: the cards' missing ar/uk/tr translations are left out of the comparisons.
    const at = (problems: StudioProblem[]) => atAll(problems).filter((p) => !p.endsWith('translation-missing'));
    const form = deck([a, b]);
    checker.load(form);
    expect(checker.problemsOf(b.key).filter((p) => p.code === 'duplicate-card-id')).toEqual([]);

    b.term = 'loket';
    b.article = 'het';
    b.example = 'Ga naar het {loket}.';
    checker.updateCard(b);
    // The second of two cards with one id is the one to change; the first is left alone.
    expect(at(checker.problemsOf(b.key))).toContain('term:duplicate-card-id');
    expect(checker.problemsOf(a.key).some((p) => p.code === 'duplicate-card-id')).toBe(false);
    expect(checker.problemsOf(b.key).find((p) => p.code === 'duplicate-card-id')?.params.other).toBe('1');

    // An explicit id on the second: no longer the same card, but the same term twice.
    b.id = 'loket-2';
    checker.updateCard(b);
    expect(at(checker.problemsOf(b.key))).toEqual(['term:duplicate-term']);

    // Reordered: now the first card is the second.
    form.cards.reverse();
    checker.setOrder(form.cards.map((c) => c.key));
    expect(at(checker.problemsOf(a.key))).toEqual(['term:duplicate-term']);
    expect(at(checker.problemsOf(b.key))).toEqual([]);

    form.cards.splice(0, 1);
    checker.setOrder(form.cards.map((c) => c.key));
    expect(checker.problemsOf(a.key).filter((p) => p.code !== 'translation-missing')).toEqual([]);
    // Deck size (1 card) and the card's three missing translations (ar, uk, tr).
    expect(checker.totals()).toEqual({ errors: 0, warnings: 4 });
  });

  it('warns about a term another deck has, unless both say so; a draft of that same deck does not count', () => {
    const other = makeDeck('burgerzaken', 2, [
      makeCard(0, { term: 'Attest' }),
      makeCard(1, { term: 'uittreksel', alternatives: ['afschrift'] }),
    ]);
    const checker = new DeckChecker({ otherDecks: [other], builtInIds: new Set(['burgerzaken']) });
    const form = deck([noun('attest', 'het'), noun('afschrift', 'het'), noun('loket', 'het', { sharedTerm: true })]);
    checker.load(form);
    const [a, b, c] = form.cards.map((x) => x.key) as [string, string, string];
    expect(checker.problemsOf(a).find((p) => p.code === 'term-in-other-deck')?.params.deck).toBe('Deck burgerzaken');
    expect(at(checker.problemsOf(b))).toContain('term:term-in-other-deck');
    expect(at(checker.problemsOf(c))).toContain('sharedTerm:shared-term-alone');
    form.cards[0]!.sharedTerm = true;
    checker.updateCard(form.cards[0]!);
    expect(checker.problemsOf(a).some((p) => p.code === 'term-in-other-deck')).toBe(false);

    form.id = 'burgerzaken';
    checker.updateDeck(form);
    expect(at(checker.deckProblems())).toContain('id:deck-id-built-in');
    expect(checker.problemsOf(b).some((p) => p.code === 'term-in-other-deck')).toBe(false);
  });

  it('checks translations, a definition that gives the term away, recordings and the article list', () => {
    const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
    const form = deck([
      noun('loket', 'de', { translations: { en: 'counter' }, definition: 'Het loket is waar je wacht.', audio: 'loket.webm' }),
      noun('omgevingsvergunning', 'het'),
    ]);
    checker.load(form);
    const [a, b] = form.cards.map((x) => x.key) as [string, string];
    expect(at(checker.problemsOf(a))).toEqual([
      'audio:recording-missing',
      'definition:definition-has-term',
      // Every language the content QA asks for (en, fr, ar, uk, tr) that the card lacks.
      'translations.ar:translation-missing',
      'translations.fr:translation-missing',
      'translations.tr:translation-missing',
      'translations.uk:translation-missing',
    ]);
    checker.setRecordings(['loket.webm']);
    checker.setArticleReference({ lexicon, reviewed: new Map() });
    expect(at(checker.problemsOf(a))).toContain('article:article-mismatch');
    // A compound takes the article of its last part (omgeving + s + vergunning).
    expect(checker.problemsOf(b).find((p) => p.code === 'article-mismatch')?.params).toMatchObject({ reference: 'de', noun: 'vergunning' });
    checker.setArticleReference({ lexicon, reviewed: new Map([['loket', 'de']]) });
    expect(at(checker.problemsOf(a))).not.toContain('article:article-mismatch');
  });

  it('shows spelling findings while the field still holds the checked text; deck terms are known in the other fields', () => {
    const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
    const a = noun('leefloon', 'het', { definition: 'Een leefloon krijg je van het OCMW.' });
    const form = deck([a]);
    checker.load(form);
    const fields = spellingFields(a);
    expect(fields.map((f) => f.field)).toEqual(['term', 'definition', 'example']);
    expect(fields.find((f) => f.field === 'example')?.check).toBe('Hier staat  leefloon  in de zin.');
    const finding = (word: string, text: string) => ({
      code: 'unknown-word',
      word,
      start: text.indexOf(word),
      end: text.indexOf(word) + word.length,
      suggestions: ['leeflonen'],
    });
    checker.setSpelling(a.key, 'term', { text: 'leefloon', findings: [finding('leefloon', 'leefloon')] });
    checker.setSpelling(a.key, 'definition', { text: a.definition, findings: [finding('leefloon', a.definition)] });
    checker.setSpelling(DECK_KEY, 'title', { text: 'Eigen pakket', findings: [finding('pakket', 'Eigen pakket')] });
    const spelling = checker.problemsOf(a.key).filter((p) => p.code === 'spelling');
    expect(at(spelling)).toEqual(['term:spelling']);
    expect(spelling[0]!.params).toEqual({ word: 'leefloon', suggestions: 'leeflonen' });
    expect(at(checker.deckProblems())).toContain('title:spelling');
    // Typing on: the term's findings no longer apply to what it says, and its word is no longer a deck word.
    a.term = 'leeflon';
    checker.updateCard(a);
    expect(at(checker.problemsOf(a.key).filter((p) => p.code === 'spelling'))).toEqual(['definition:spelling']);
  });
});

/** Validator codes: what the live checks and the file check must agree on. */
const VALIDATOR = new Set([
  'missing-field',
  'empty-value',
  'invalid-value',
  'invalid-id',
  'wrong-type',
  'duplicate-card-id',
  'duplicate-term',
  'gap-missing',
  'gap-count',
  'gap-mismatch',
  'article-missing',
  'article-on-non-noun',
  'invisible-character',
  'unknown-field',
]);

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const draftCard = fc
  .record({
    term: pick('', 'loket', 'Loket', 'balie', 'de balie', '😀', ' loket ', 'aanvraag indienen', 'loket\u200f'),
    article: pick('', 'de', 'het', 'den'),
    type: pick('', 'noun', 'verb', 'phrase', 'soort'),
    definition: pick('', '  ', 'Waar je geholpen wordt.', 'Het loket: daar.'),
    example: pick('', 'Ga naar het {loket}.', 'Geen gat.', '{} leeg', 'Twee {loket} en {balie}.', 'De {balies} zijn dicht.'),
    plain: pick('', 'venster'),
    alternatives: fc.subarray(['balie', 'venster', ' ']),
    translations: fc.subarray(['en', 'fr', 'ar']).map((langs) => Object.fromEntries(langs.map((l) => [l, `${l}-tekst`]))),
    id: pick('', 'loket', 'Loket', 'eigen-id', 'x--y'),
    sharedTerm: fc.boolean(),
  })
  .map((fields) => card(fields));
const draftDeck = fc.record({
  id: pick('', 'eigen', 'Eigen Pakket', 'e'),
  title: pick('', 'Eigen pakket', '   '),
  level: pick('', 'B1', 'B7'),
  cards: fc.array(draftCard, { minLength: 0, maxLength: 8 }),
});

describe('the kept results of the live checks', () => {
  it('equal a fresh check of the whole deck after any run of edits (property test)', () => {
    const terms = ['loket', 'attest', 'wachtnummer', 'Loket'];
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('field' as const),
        at: fc.nat(9),
        field: fc.constantFrom('term', 'id', 'definition', 'example', 'audio'),
        value: fc.constantFrom('', ...terms, 'een {loket} hier', 'loket.webm', 'x'),
      }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(9), term: fc.constantFrom(...terms) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(9) }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(9), to: fc.nat(9) }),
      fc.record({ kind: fc.constant('deck' as const), id: fc.constantFrom('eigen', 'burgerzaken', '') }),
    );
    const other = makeDeck('burgerzaken', 1, [makeCard(0, { term: 'attest' })]);
    const context = { otherDecks: [other], builtInIds: new Set(['burgerzaken']) };
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const d = deck([noun('loket', 'het'), noun('attest', 'het'), noun('wachtnummer', 'het')]);
        const live = new DeckChecker(context);
        live.load(d);
        live.setRecordings(['loket.webm']);
        for (const e of edits) {
          // Read in between, so the kept results are used (and must be dropped) along the way.
          for (const c of d.cards) live.problemsOf(c.key);
          const n = d.cards.length;
          if (e.kind === 'field' && n) {
            const c = d.cards[e.at % n]!;
            setCardField(c, e.field, e.value);
            live.updateCard(c);
          } else if (e.kind === 'add') {
            const c = noun(e.term, 'de');
            d.cards.splice(n ? e.at % (n + 1) : 0, 0, c);
            live.updateCard(c);
            live.setOrder(d.cards.map((x) => x.key));
          } else if (e.kind === 'remove' && n) {
            d.cards.splice(e.at % n, 1);
            live.setOrder(d.cards.map((x) => x.key));
          } else if (e.kind === 'move' && n) {
            const [c] = d.cards.splice(e.at % n, 1);
            d.cards.splice(e.to % n, 0, c!);
            live.setOrder(d.cards.map((x) => x.key));
          } else if (e.kind === 'deck') {
            d.id = e.id;
            live.updateDeck(d);
          }
        }
        const fresh = new DeckChecker(context);
        fresh.load(d);
        fresh.setRecordings(['loket.webm']);
        for (const c of d.cards) expect(live.problemsOf(c.key)).toEqual(fresh.problemsOf(c.key));
        expect(live.totals()).toEqual(fresh.totals());
      }),
      { numRuns: 150 },
    );
  });
});

describe('the live checks and the file check agree', () => {
  it('on every validator problem, card by card and field by field (property test)', () => {
    fc.assert(
      fc.property(draftDeck, ({ id, title, level, cards }) => {
        const form = deck(cards, { id, title, level });
        const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
        checker.load(form);
        const live = new Set<string>();
        for (const p of checker.deckProblems()) if (VALIDATOR.has(p.code)) live.add(`deck:${p.field}:${p.code}`);
        form.cards.forEach((c, i) => {
          for (const p of checker.problemsOf(c.key)) if (VALIDATOR.has(p.code)) live.add(`${i}:${p.field}:${p.code}`);
        });
        const file = new Set(
          checkDraftFile(draftToInput(form))
            .problems.filter((p) => VALIDATOR.has(p.code))
            .map((p) => `${p.card ?? 'deck'}:${p.field}:${p.code}`),
        );
        expect([...live].sort()).toEqual([...file].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('a term twice whose id cannot be derived (an emoji) is a duplicate term in both checks (found by the property test)', () => {
    const form = deck([
      card({ term: '😀', article: 'de', definition: 'Het loket.' }),
      card({ term: '😀', article: 'de', definition: 'Het loket.' }),
    ]);
    const checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
    checker.load(form);
    expect(checker.problemsOf(form.cards[1]!.key).map((p) => p.code)).toEqual(expect.arrayContaining(['invalid-id', 'duplicate-term']));
    expect(checkDraftFile(draftToInput(form)).problems.map((p) => `${p.card}:${p.code}`)).toEqual(
      expect.arrayContaining(['1:invalid-id', '1:duplicate-term']),
    );
  });

  it('maps each problem of the written file back to its card and field', () => {
    const form = deck(
      [noun('loket', 'het', { translations: { en: 'counter\u200f' } }), card({ term: 'balie', article: 'den', definition: 'x' })],
      { title: '' },
    );
    const check = checkDraftFile(draftToInput(form));
    expect(check.deck).toBeUndefined();
    const located = check.problems.map((p) => `${p.card ?? 'deck'}:${p.field}:${p.code}`);
    expect(located).toEqual(
      expect.arrayContaining(['deck:title:missing-field', '1:article:invalid-value', '0:translations:invisible-character']),
    );
  });
});

// ---------------------------------------------------------------------------------------------

const noJson = <T>(): Promise<T> => Promise.reject(new Error('not used'));

function setup(builtIn = [makeDeck('bestuur', 3)]) {
  const db = freshDb();
  const decks = createDeckService(db, <T>(path: string): Promise<T> => {
    if (path === 'decks/index.json') return Promise.resolve({ decks: builtIn } as T);
    const found = builtIn.find((d) => path === `decks/${d.id}.json`);
    return found ? Promise.resolve(found as T) : noJson<T>();
  });
  return { db, decks, studio: createStudioService(db, decks) };
}

const validDeck = (id: string, count: number) =>
  draftToInput(
    deck(
      Array.from({ length: count }, (_, i) => noun(`woord${'abcdefghij'[i]}`, 'de', { id: `woord-${i}` })),
      { id, title: 'Aan het loket' },
    ),
  );
const rowOf = (draft: StudioDraftRow, deckInput: object, updatedAt: number): StudioDraftRow => ({
  ...draft,
  deck: deckInput as Record<string, unknown>,
  updatedAt,
});
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) % 256);

describe('the studio service', () => {
  it('creates decks under ids no deck or draft uses, and lists them newest first', async () => {
    const { studio } = setup();
    const first = await studio.create(NOON);
    const second = await studio.create(NOON + 1);
    expect(first.deck.id).toBe('nieuw-pakket');
    expect(second.deck.id).toBe('nieuw-pakket-2');
    expect((await studio.list()).map((d) => d.id)).toEqual([second.id, first.id]);
  });

  it('never lets a late save overwrite a newer one, and merges the journal back after a crash', async () => {
    const { studio } = setup();
    const draft = await studio.create(NOON);
    expect(await studio.save(rowOf(draft, { id: 'nieuw', title: 'Nieuwer' }, NOON + 200))).toBe(true);
    expect(await studio.save(rowOf(draft, { id: 'nieuw', title: 'Ouder' }, NOON + 100))).toBe(false);
    expect((await studio.get(draft.id))?.deck.title).toBe('Nieuwer');

    let stored: StudioDraftRow | undefined = rowOf(draft, { id: 'nieuw', title: 'Na de crash' }, NOON + 300);
    const journal: StudioJournal = { read: () => stored, write: (r) => (stored = r), clear: () => (stored = undefined) };
    await studio.recover(journal);
    expect((await studio.get(draft.id))?.deck.title).toBe('Na de crash');
    expect(stored).toBeUndefined();
    // An older journal entry changes nothing.
    stored = rowOf(draft, { title: 'Oud' }, NOON);
    await studio.recover(journal);
    expect((await studio.get(draft.id))?.deck.title).toBe('Na de crash');
  });

  it('copies a built-in deck under a new id, and opens a deck added on this device under its own, with its recordings', async () => {
    const { studio, decks } = setup();
    const builtIn = (await decks.builtIn())[0]!;
    const copy = await studio.copy(builtIn, [], NOON);
    expect(copy.deck.id).toBe('bestuur-kopie');
    expect(copy.deck.title).toBe('Deck bestuur (kopie)');
    expect(copy.copiedFrom).toBe('bestuur');
    expect((await studio.copy(builtIn, [], NOON + 1)).deck.id).toBe('bestuur-kopie-2');
    expect((copy.deck.cards as unknown[]).length).toBe(3);

    const own = makeDeck('eigen', 2, [makeCard(0, { audio: 'woord0.webm' }), makeCard(1, { audio: 'weg.webm' })]);
    await decks.importDeck(own, 'eigen.vaktaal', [{ name: 'woord0.webm', type: 'audio/webm', bytes: bytes(40) }], NOON);
    const recordings = [{ name: 'woord0.webm', type: 'audio/webm', bytes: bytes(40) }];
    const edit = await studio.edit(own, recordings, NOON + 2);
    expect(edit.deck.id).toBe('eigen');
    expect((await studio.recordings.get(edit.id, 'woord0.webm'))?.bytes).toEqual(bytes(40));
    // A recording that did not come along is not named by the card.
    expect((edit.deck.cards as { audio?: string }[]).map((c) => c.audio)).toEqual(['woord0.webm', undefined]);
    expect((await studio.edit(own, recordings, NOON + 3)).id).toBe(edit.id);

    await studio.remove(edit.id);
    expect(await studio.get(edit.id)).toBeUndefined();
    expect(await studio.recordings.names(edit.id)).toEqual([]);
  });

  it('refuses to install or export a deck with errors, and says why', async () => {
    const { studio } = setup();
    const draft = await studio.create(NOON);
    await studio.save(
      rowOf(
        draft,
        {
          id: 'bestuur',
          title: 'Dubbel',
          cards: [
            { term: 'loket', article: 'den', definition: 'x' },
            { term: 'balie', definition: 'y', audio: 'balie.webm' },
          ],
        },
        NOON + 1,
      ),
    );
    const outcome = await studio.install(draft.id, NOON + 2);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => `${p.card ?? 'deck'}:${p.field}:${p.code}`).sort()).toEqual([
      '0:article:invalid-value',
      '1:audio:recording-missing',
      'deck:id:deck-id-built-in',
    ]);
    expect((await studio.exportYaml(draft.id)).ok).toBe(false);
    expect((await studio.exportPackage(draft.id)).ok).toBe(false);
  });

  it('installs a deck with its recordings under the deck id; a later version keeps the progress of the cards that remain', async () => {
    const { db, studio, decks } = setup();
    const draft = await studio.create(NOON);
    const input = validDeck('loket', 3);
    input.cards[0]!.audio = 'woord-0.webm';
    await studio.recordings.put(draft.id, { name: 'woord-0.webm', type: 'audio/webm', bytes: bytes(500) });
    await studio.recordings.put(draft.id, { name: 'niet-gebruikt.webm', type: 'audio/webm', bytes: bytes(5) });
    await studio.save(rowOf(draft, input, NOON + 1));

    const first = await studio.install(draft.id, NOON + 2);
    expect(first).toMatchObject({ ok: true, replaced: false });
    expect((await decks.recording('loket', 'woord-0.webm'))?.bytes).toEqual(bytes(500));
    expect(await decks.recording('loket', 'niet-gebruikt.webm')).toBeUndefined();

    await recordReview(db, createScheduler({ retention: 0.9 }), {
      itemId: 'loket/woord-1/recognise',
      rating: 3,
      now: NOON + 10,
      durationMs: 800,
    });
    const next = { ...input, cards: input.cards.filter((_, i) => i !== 2) };
    await studio.save(rowOf(draft, next, NOON + 20));
    expect(await studio.install(draft.id, NOON + 30)).toMatchObject({ ok: true, replaced: true });
    const items = await db.items.where('deckId').equals('loket').toArray();
    expect(items.find((i) => i.id === 'loket/woord-1/recognise')?.fsrs.reps).toBe(1);
    expect(items.filter((i) => i.cardId === 'woord-2').every((i) => !i.active)).toBe(true);
  });

  it('exports the YAML and CSV of the guide and a package, each of which reads back as the same deck', async () => {
    const { studio } = setup();
    const draft = await studio.create(NOON);
    const input = validDeck('loket', 4);
    input.cards[1]!.audio = 'woord-1.webm';
    input.cards[0]!.term = '  woorda '; // typed with spaces: the export writes the clean value
    await studio.recordings.put(draft.id, { name: 'woord-1.webm', type: 'audio/webm', bytes: bytes(300) });
    await studio.save(rowOf(draft, input, NOON + 1));
    const compiled = parseDeckFile('loket.deck.yaml', (await studio.check(draft.id)).yaml).deck!;

    const yaml = await studio.exportYaml(draft.id);
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    expect(yaml.fileName).toBe('loket.deck.yaml');
    expect(yaml.text).toContain('  - term: woorda\n');
    const fromYaml = parseDeckFile(yaml.fileName, yaml.text).deck!;
    expect(fromYaml.hash).toBe(compiled.hash);
    expect(fromYaml.cards.map(({ line: _l, ...c }) => c)).toEqual(compiled.cards.map(({ line: _l, ...c }) => c));

    const csv = await studio.exportCsv(draft.id);
    expect(csv.ok).toBe(true);
    if (!csv.ok || !('csv' in csv)) return;
    const fromCsv = parseDeckFile(csv.csv.fileName, csv.csv.text, { meta: { path: csv.meta.fileName, text: csv.meta.text } }).deck!;
    expect(fromCsv.cards.map(({ line: _l, ...c }) => c)).toEqual(compiled.cards.map(({ line: _l, ...c }) => c));

    const pack = await studio.exportPackage(draft.id, NOON + 2);
    expect(pack.ok).toBe(true);
    if (!pack.ok) return;
    expect(pack.fileName).toBe('loket.vaktaal');
    const read = readDeckPackage(pack.bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.deck.cards.map(({ line: _l, ...c }) => c)).toEqual(compiled.cards.map(({ line: _l, ...c }) => c));
    expect(read.audio.map((a) => [a.name, a.bytes])).toEqual([['woord-1.webm', bytes(300)]]);
  });
});
