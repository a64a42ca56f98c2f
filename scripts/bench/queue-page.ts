/**
 * Runs in real Chromium (served by Vite): real IndexedDB, real Dexie, the app's own queue code.
 * Builds today's queue on a small database and on a large one (20,000 items, 200,000 log rows).
 */
import { VaktaalDB } from '../../src/core/db/database.ts';
import { queueSource } from '../../src/core/db/progressStore.ts';
import { buildTodayQueue } from '../../src/core/srs/queue.ts';
import type { ReviewItem, ReviewLogRow } from '../../src/core/srs/types.ts';

const DAY = 86_400_000;
const now = Date.now();

function item(deck: number, card: number, kind: 'recognise' | 'produce', seen: boolean, rnd: () => number): ReviewItem {
  const deckId = `deck-${deck}`;
  const cardId = `card-${card}`;
  const due = now + Math.floor((rnd() * 60 - 10) * DAY);
  const fsrs = {
    due,
    stability: 5 + rnd() * 50,
    difficulty: 5,
    elapsed_days: 3,
    scheduled_days: 10,
    learning_steps: 0,
    reps: seen ? 5 : 0,
    lapses: 0,
    state: seen ? 2 : 0,
    ...(seen ? { last_review: now - 5 * DAY } : {}),
  };
  const order = card * 16 + (kind === 'recognise' ? 0 : 1);
  return {
    id: `${deckId}/${cardId}/${kind}`,
    deckId,
    cardId,
    kind,
    cardKey: `${deckId}/${cardId}`,
    fsrs,
    active: true,
    order,
    ...(seen ? { due } : kind === 'recognise' ? { newRank: order } : {}),
  };
}

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

async function fill(name: string, decks: number, cardsPerDeck: number, logRows: number) {
  indexedDB.deleteDatabase(name);
  const db = new VaktaalDB(name);
  const rnd = seeded(42);
  const items: ReviewItem[] = [];
  for (let d = 0; d < decks; d++)
    for (let c = 0; c < cardsPerDeck; c++) {
      const seen = c < cardsPerDeck * 0.8;
      items.push(item(d, c, 'recognise', seen, rnd), item(d, c, 'produce', seen, rnd));
    }
  await db.items.bulkPut(items);
  const seenItems = items.filter((i) => i.due !== undefined);
  // Log rows spread over the past year; about as many per day as a heavy user would make.
  const batch: ReviewLogRow[] = [];
  for (let i = 0; i < logRows; i++) {
    const it = seenItems[i % seenItems.length]!;
    batch.push({
      uid: `bench-${i}`,
      itemId: it.id,
      cardKey: it.cardKey,
      deckId: it.deckId,
      kind: it.kind,
      rating: 3,
      stateBefore: 2,
      reviewedAt: now - DAY - Math.floor(rnd() * 365 * DAY),
      durationMs: 4000,
      stateAfter: 2,
      dueAfter: it.fsrs.due,
      stabilityAfter: it.fsrs.stability,
    });
    if (batch.length === 20_000) await db.logs.bulkAdd(batch.splice(0));
  }
  if (batch.length) await db.logs.bulkAdd(batch);
  return { db, deckIds: Array.from({ length: decks }, (_, d) => `deck-${d}`) };
}

async function time(db: VaktaalDB, deckIds: string[], limits: { newPerDay: number; reviewsPerDay: number }) {
  const source = queueSource(db);
  for (let i = 0; i < 3; i++) await buildTodayQueue(source, deckIds, now, limits);
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const q = await buildTodayQueue(source, deckIds, now, limits);
    samples.push(performance.now() - t0);
    size = q.items.length;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, max: samples[samples.length - 1]!, size };
}

async function main() {
  const small = await fill('bench-small', 1, 100, 400);
  // Same session size in both cases (the limits bind in both), so the figures show how the
  // cost grows with the size of the database, not with the size of the session.
  const sameSize = { newPerDay: 10, reviewsPerDay: 20 };
  const smallTime = await time(small.db, small.deckIds, sameSize);
  const large = await fill('bench-large', 10, 1000, 200_000);
  const counts = { items: await large.db.items.count(), logs: await large.db.logs.count() };
  const largeTime = await time(large.db, large.deckIds, sameSize);
  const largeDefault = await time(large.db, large.deckIds, { newPerDay: 10, reviewsPerDay: 200 });
  small.db.close();
  large.db.close();
  return { smallTime, largeTime, largeDefault, counts };
}

main().then(
  (result) => {
    (window as unknown as { benchResult: unknown }).benchResult = result;
    document.getElementById('status')!.textContent = 'done';
  },
  (error) => {
    (window as unknown as { benchResult: unknown }).benchResult = { error: String(error) };
  },
);
