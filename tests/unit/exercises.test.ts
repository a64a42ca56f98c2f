import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gapText, kindsForCard, needsVoice } from '../../src/core/exercises/kinds.ts';
import { plainChoices, termChoices } from '../../src/core/exercises/distractors.ts';
import { chooseVoice } from '../../src/core/exercises/voice.ts';
import { queueSource, recordReview, syncDeck } from '../../src/core/db/progressStore.ts';
import { buildTodayQueue } from '../../src/core/srs/queue.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { DAY, freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

describe('kindsForCard: each card yields the kinds its fields allow', () => {
  const deck = makeDeck('d', 6);
  it('a full noun card gets every kind', () => {
    const card = makeCard(1, { plain: 'eenvoudig woord' });
    expect(kindsForCard(card, deck)).toEqual(['recognise', 'produce', 'cloze', 'article', 'choice', 'plain', 'listen']);
  });
  it('a verb without example or plain gets no cloze, article or plain', () => {
    const card = makeCard(2, { article: undefined, type: 'verb', example: undefined });
    expect(kindsForCard(card, deck)).toEqual(['recognise', 'produce', 'choice', 'listen']);
  });
  it('no multiple choice in a deck too small for three distractors', () => {
    expect(kindsForCard(makeCard(1), makeDeck('s', 3))).not.toContain('choice');
  });
  it('listen needs a voice only when the card has no recording', () => {
    expect(needsVoice(makeCard(1), 'listen')).toBe(true);
    expect(needsVoice(makeCard(1, { audio: 'loket.mp3' }), 'listen')).toBe(false);
    expect(needsVoice(makeCard(1), 'produce')).toBe(false);
  });
  it('gapText reads the gap', () => {
    expect(gapText('De raad {vergadert} vandaag.')).toBe('vergadert');
    expect(gapText('Geen gat.')).toBeUndefined();
  });
});

describe('termChoices', () => {
  const cards = [
    makeCard(0, { term: 'identiteitskaart', alternatives: ['eID'] }),
    makeCard(1, { term: 'eID' }),
    makeCard(2, { term: 'rijbewijs', article: 'het' }),
    makeCard(3, { term: 'reispas' }),
    makeCard(4, { term: 'aanvragen', article: undefined, type: 'verb' }),
    makeCard(5, { term: 'uittreksel', article: 'het' }),
    makeCard(6, { term: 'attest', article: 'het', alternatives: ['identiteitskaart'] }),
  ];
  it('gives four options, one right, never a listed synonym (either way round)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const options = termChoices(cards[0]!, cards, 4, `s${seed}`);
      expect(options).toHaveLength(4);
      expect(options.filter((o) => o.correct).map((o) => o.label)).toEqual(['de identiteitskaart']);
      const labels = options.map((o) => o.label);
      expect(labels).not.toContain('de eID');
      expect(labels).not.toContain('het attest');
    }
  });
  it('prefers words of the same kind (nouns for a noun)', () => {
    const options = termChoices(cards[0]!, cards, 4, 'x');
    expect(options.some((o) => o.label === 'aanvragen')).toBe(false);
  });
  it('is deterministic for a seed and varies between seeds', () => {
    const a = termChoices(cards[2]!, cards, 4, 'same').map((o) => o.label);
    expect(termChoices(cards[2]!, cards, 4, 'same').map((o) => o.label)).toEqual(a);
    const orders = new Set(Array.from({ length: 10 }, (_, i) => termChoices(cards[2]!, cards, 4, `v${i}`).map((o) => o.label).join('|')));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('plainChoices', () => {
  it('offers the card’s plain alternative among other distinct ones', () => {
    const cards = [
      makeCard(0, { plain: 'raad van de stad' }),
      makeCard(1, { plain: 'stadsbestuur' }),
      makeCard(2, { plain: 'Raad van de stad' }),
      makeCard(3, { plain: 'geld voor een project' }),
      makeCard(4, { plain: 'een plan voor zes jaar' }),
      makeCard(5),
    ];
    const options = plainChoices(cards[0]!, cards, 4, 'seed');
    expect(options).toHaveLength(4);
    expect(options.filter((o) => o.correct).map((o) => o.label)).toEqual(['raad van de stad']);
    expect(options.map((o) => o.label.toLowerCase()).filter((l) => l === 'raad van de stad')).toHaveLength(1);
  });
});

describe('chooseVoice', () => {
  const voices = [
    { name: 'Google Nederlands', lang: 'nl-NL', localService: false },
    { name: 'Xander', lang: 'nl-NL', localService: true },
    { name: 'Ellen', lang: 'nl-BE', localService: false },
    { name: 'Daniel', lang: 'en-GB', localService: true },
  ];
  it('prefers Belgian Dutch online', () => expect(chooseVoice(voices, true)?.name).toBe('Ellen'));
  it('offline, uses only voices on the device', () => expect(chooseVoice(voices, false)?.name).toBe('Xander'));
  it('finds nothing without a Dutch voice', () => expect(chooseVoice([voices[3]!], true)).toBeUndefined());
  it('accepts nl_BE spelled with an underscore', () =>
    expect(chooseVoice([{ name: 'A', lang: 'nl_BE', localService: true }], false)?.name).toBe('A'));
});

describe('queue: kinds switched off, listen without voice, the introduction order', () => {
  const scheduler = createScheduler({ retention: 0.9 });

  async function introducedYesterday() {
    const db = freshDb();
    const deck = makeDeck('a', 8, Array.from({ length: 8 }, (_, i) => makeCard(i, { plain: `gewoon ${i}` })));
    await syncDeck(db, deck, NOON - DAY);
    for (let i = 0; i < 8; i++) {
      await recordReview(db, scheduler, { itemId: `a/woord-${i}/recognise`, rating: 4, now: NOON - DAY, durationMs: 1 });
    }
    return db;
  }

  it('a card seen yesterday continues with produce, then other kinds on later days', async () => {
    const db = await introducedYesterday();
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, { newPerDay: 20, reviewsPerDay: 200 });
    const fresh = q.items.filter((i) => i.fsrs.state === 0);
    expect(fresh.length).toBe(8);
    expect(new Set(fresh.map((i) => i.kind))).toEqual(new Set(['produce']));
  });

  it('kinds switched off are not offered; the next allowed kind comes instead', async () => {
    const db = await introducedYesterday();
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, {
      newPerDay: 20,
      reviewsPerDay: 200,
      kinds: ['recognise', 'article'],
    });
    expect(new Set(q.items.filter((i) => i.fsrs.state === 0).map((i) => i.kind))).toEqual(new Set(['article']));
  });

  it('listen items of cards without a recording are held back when no voice exists', async () => {
    const db = await introducedYesterday();
    const withVoice = await buildTodayQueue(queueSource(db), ['a'], NOON, { newPerDay: 20, reviewsPerDay: 200, kinds: ['listen'], voice: true });
    const without = await buildTodayQueue(queueSource(db), ['a'], NOON, { newPerDay: 20, reviewsPerDay: 200, kinds: ['listen'], voice: false });
    expect(withVoice.items.map((i) => i.kind)).toEqual(Array(8).fill('listen'));
    expect(without.items).toEqual([]);
  });
});
