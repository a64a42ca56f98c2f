import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gapText, kindsForCard, needsVoice } from '../../src/core/exercises/kinds.ts';
import { plainChoices, termChoices } from '../../src/core/exercises/distractors.ts';
import { chooseVoice } from '../../src/core/exercises/voice.ts';
import { queueSource, syncDeck } from '../../src/core/db/progressStore.ts';
import { recordReview } from '../../src/core/db/reviewWrites.ts';
import fc from 'fast-check';
import { buildTodayQueue, spreadKinds } from '../../src/core/srs/queue.ts';
import { createScheduler } from '../../src/core/srs/scheduler.ts';
import { DAY, freshDb, makeCard, makeDeck, NOON } from './helpers.ts';

describe('kindsForCard: each card yields the kinds its fields allow', () => {
  const deck = makeDeck('d', 6);
  it('a full noun card gets every kind', () => {
    const card = makeCard(1, { plain: 'eenvoudig woord' });
    expect(kindsForCard(card, deck)).toEqual(['recognise', 'choice', 'article', 'plain', 'produce', 'cloze', 'listen']);
  });
  it('a verb without example or plain gets no cloze, article or plain', () => {
    const card = makeCard(2, { article: undefined, type: 'verb', example: undefined });
    expect(kindsForCard(card, deck)).toEqual(['recognise', 'choice', 'produce', 'listen']);
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
    const orders = new Set(
      Array.from({ length: 10 }, (_, i) =>
        termChoices(cards[2]!, cards, 4, `v${i}`)
          .map((o) => o.label)
          .join('|'),
      ),
    );
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

describe('chooseVoice: Belgian Dutch, then Netherlands Dutch, then other Dutch; only voices on the device', () => {
  const voice = (name: string, lang: string, localService = true) => ({ name, lang, localService });
  it('prefers nl-BE over nl-NL, whatever the order', () =>
    expect(chooseVoice([voice('Xander', 'nl-NL'), voice('Ellen', 'nl-BE'), voice('Daniel', 'en-GB')])?.name).toBe('Ellen'));
  it('takes nl-NL when there is no Belgian voice', () =>
    expect(chooseVoice([voice('Daniel', 'en-GB'), voice('Nl', 'nl'), voice('Xander', 'nl-NL')])?.name).toBe('Xander'));
  it('takes any other Dutch when there is neither', () =>
    expect(chooseVoice([voice('Daniel', 'en-GB'), voice('Suriname', 'nl-SR')])?.name).toBe('Suriname'));
  it('never a network voice, even a Belgian one', () => {
    const voices = [voice('Google Nederlands', 'nl-NL', false), voice('Ellen online', 'nl-BE', false), voice('Xander', 'nl-NL')];
    expect(chooseVoice(voices)?.name).toBe('Xander');
    expect(chooseVoice(voices.slice(0, 2))).toBeUndefined();
  });
  it('finds nothing without a Dutch voice (not fooled by "nld" or names)', () =>
    expect(chooseVoice([voice('Daniel', 'en-GB'), voice('Nederlands', 'nds-NL'), voice('X', 'nld')])).toBeUndefined());
  it('accepts nl_BE spelled with an underscore and in capitals', () =>
    expect(chooseVoice([voice('B', 'NL-nl'), voice('A', 'nl_BE')])?.name).toBe('A'));
  it('is pure: the same list gives the same voice, the list is left alone', () => {
    const voices = Object.freeze([voice('Xander', 'nl-NL'), voice('Ellen', 'nl-BE')]);
    expect(chooseVoice(voices)).toBe(chooseVoice(voices));
    expect(voices.map((v) => v.name)).toEqual(['Xander', 'Ellen']);
  });
});

describe('queue: kinds switched off, listen without voice, the introduction order', () => {
  const scheduler = createScheduler({ retention: 0.9 });

  async function introducedYesterday() {
    const db = freshDb();
    const deck = makeDeck(
      'a',
      8,
      Array.from({ length: 8 }, (_, i) => makeCard(i, { plain: `gewoon ${i}` })),
    );
    await syncDeck(db, deck, NOON - DAY);
    for (let i = 0; i < 8; i++) {
      await recordReview(db, scheduler, { itemId: `a/woord-${i}/recognise`, rating: 4, now: NOON - DAY, durationMs: 1 });
    }
    return db;
  }

  it('a card seen yesterday continues with an easy kind (multiple choice), typing only on later days', async () => {
    const db = await introducedYesterday();
    const q = await buildTodayQueue(queueSource(db), ['a'], NOON, { newPerDay: 20, reviewsPerDay: 200 });
    const fresh = q.items.filter((i) => i.fsrs.state === 0);
    expect(fresh.length).toBe(8);
    expect(new Set(fresh.map((i) => i.kind))).toEqual(new Set(['choice']));
  });

  it('each new kind of a card comes in the easy-to-hard order, one a day, whatever the grades', async () => {
    const db = freshDb();
    const deck = makeDeck(
      'e',
      6,
      Array.from({ length: 6 }, (_, i) => makeCard(i, { plain: `gewoon ${i}` })),
    );
    await syncDeck(db, deck, NOON);
    const seen: string[] = [];
    for (let day = 0; day < 12; day++) {
      const now = NOON + day * DAY;
      const q = await buildTodayQueue(queueSource(db), ['e'], now, { newPerDay: 1, reviewsPerDay: 0 });
      for (const item of q.items.filter((i) => i.cardId === 'woord-0')) {
        seen.push(item.kind);
        await recordReview(db, scheduler, { itemId: item.id, rating: 3, now, durationMs: 1 });
      }
    }
    expect(seen).toEqual(kindsForCard(deck.cards[0]!, deck));
    expect(seen.indexOf('choice')).toBeLessThan(seen.indexOf('produce'));
    expect(seen.indexOf('article')).toBeLessThan(seen.indexOf('produce'));
  });

  it('a device that ranked items in the old order re-ranks them once, though the deck did not change', async () => {
    const db = freshDb();
    const deck = makeDeck('r', 6);
    await syncDeck(db, deck, NOON);
    // What an older version stored: produce ranked right after recognise, and the plain deck hash.
    const choice = (await db.items.get('r/woord-0/choice'))!;
    await db.items.put({ ...choice, order: 99 });
    await db.deckSync.put({ id: 'r', hash: deck.hash, syncedAt: NOON });
    await syncDeck(db, deck, NOON + 1);
    expect((await db.items.get('r/woord-0/choice'))!.order).toBe(choice.order);
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
    const withVoice = await buildTodayQueue(queueSource(db), ['a'], NOON, {
      newPerDay: 20,
      reviewsPerDay: 200,
      kinds: ['listen'],
      voice: true,
    });
    const without = await buildTodayQueue(queueSource(db), ['a'], NOON, {
      newPerDay: 20,
      reviewsPerDay: 200,
      kinds: ['listen'],
      voice: false,
    });
    expect(withVoice.items.map((i) => i.kind)).toEqual(Array(8).fill('listen'));
    expect(without.items).toEqual([]);
  });
});

describe('spreadKinds: a session alternates kinds', () => {
  const items = fc.array(fc.record({ kind: fc.constantFrom('recognise', 'choice', 'produce', 'article'), n: fc.nat() }), { maxLength: 40 });
  const adjacentSame = (list: readonly { kind: string }[]) => list.filter((x, i) => i > 0 && list[i - 1]!.kind === x.kind).length;

  it('keeps every item once, and the order within each kind', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = spreadKinds(list);
        expect([...out].sort((a, b) => a.n - b.n || a.kind.localeCompare(b.kind))).toEqual(
          [...list].sort((a, b) => a.n - b.n || a.kind.localeCompare(b.kind)),
        );
        for (const kind of new Set(list.map((x) => x.kind)))
          expect(out.filter((x) => x.kind === kind)).toEqual(list.filter((x) => x.kind === kind));
      }),
    );
  });

  it('never puts two of a kind in a row when the items allow it, and otherwise as few as can be', () => {
    fc.assert(
      fc.property(items, (list) => {
        const counts = new Map<string, number>();
        for (const x of list) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
        const most = Math.max(0, ...counts.values());
        // The fewest same-kind neighbours any order can have.
        const least = Math.max(0, most - (list.length - most) - 1);
        expect(adjacentSame(spreadKinds(list))).toBe(least);
      }),
    );
  });

  it("mixes a real day: yesterday's words in a new kind among today's new words", async () => {
    const scheduler = createScheduler({ retention: 0.9 });
    const db = freshDb();
    const deck = makeDeck('m', 12);
    await syncDeck(db, deck, NOON - DAY);
    for (let i = 0; i < 6; i++)
      await recordReview(db, scheduler, { itemId: `m/woord-${i}/recognise`, rating: 4, now: NOON - DAY, durationMs: 1 });
    const q = await buildTodayQueue(queueSource(db), ['m'], NOON, { newPerDay: 6, reviewsPerDay: 0 });
    const kinds = q.items.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'recognise')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'choice')).toHaveLength(6);
    expect(adjacentSame(q.items)).toBe(0);
  });
});
