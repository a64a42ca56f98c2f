import type { Page } from '@playwright/test';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test, waitForServiceWorker } from './fixtures.ts';
import { idbRows } from './data.ts';

const decks = builtDecks();
const first = decks[0]!;
const DAY_MS = 24 * 3600 * 1000;
const NEW_PER_DAY = 2;
const GOAL = 2;

interface Log {
  uid: string;
  itemId: string;
  cardKey: string;
  kind: string;
  reviewedAt: number;
}
interface Item {
  id: string;
  fsrs: { state: number; reps: number };
}

/** The exercises left as the session line says them ("nog 7 oefeningen"). */
async function remaining(page: Page): Promise<number> {
  const text = await page.getByText(/^nog \d+ oefening/).textContent();
  return Number(text!.match(/\d+/)![0]);
}

async function percent(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'));
}

/**
 * A trainee's week on a phone: one session a day with the clock moved a day at a time. Every day
 * the bar counts down, new words are counted as words (not as exercises), kinds are mixed and a new
 * word starts easy, an undo leaves the log consistent, the streak grows; on day 4 the phone goes
 * offline mid-session and the reloaded app continues with what was left.
 */
test('a week on a phone: the bar counts down, new words are words, kinds mix, undo and offline reloads keep the log right', async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill(String(NEW_PER_DAY));
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.goto('/progress');
  await page.getByLabel('Dagdoel (oefeningen per dag)').fill(String(GOAL));
  await page.getByLabel('Dagdoel (oefeningen per dag)').press('Tab');
  await page.goto('/');
  await chooseDeck(page, first.title);

  const firstKindOf = new Map<string, string>();
  const startButton = page.getByRole('button', { name: 'Start' });
  const exercise = page.getByTestId('exercise');
  let mixedDays = 0;

  for (let day = 0; day < 7; day++) {
    await page.clock.setFixedTime(new Date(start.getTime() + day * DAY_MS));
    await page.goto('/');
    await expect(startButton).toBeEnabled();
    const newWords = Number(await page.getByTestId('new-count').textContent());
    expect(newWords, `day ${day}: new words offered`).toBeLessThanOrEqual(NEW_PER_DAY);
    if (day === 0) expect(newWords).toBe(NEW_PER_DAY);
    await startButton.click();
    const warmup = page.getByTestId('match-end');
    await expect(exercise.or(warmup)).toBeVisible();
    if (await warmup.isVisible()) await warmup.click();

    const kindsByCard = new Map<string, Set<string>>();
    let answers = 0;
    let undone = false;
    let wentOffline = false;
    let metToday = 0;
    let metBeforeReload = 0;
    while (await exercise.isVisible()) {
      const card = `${await exercise.getAttribute('data-deck')}/${await exercise.getAttribute('data-card')}`;
      const kind = (await exercise.getAttribute('data-kind'))!;
      if (!firstKindOf.has(card)) {
        firstKindOf.set(card, kind);
        metToday++;
      }
      kindsByCard.set(card, (kindsByCard.get(card) ?? new Set()).add(kind));
      const left = await remaining(page);
      const shownPercent = await percent(page);
      // One wrong answer a day (the third exercise): it comes back, so the count does not drop.
      const wrong = answers === 2;
      await answerCurrent(page, decks, wrong ? { correct: false, grade: 1 } : { grade: 4 });
      answers++;
      if (!(await exercise.isVisible())) break;
      if (wrong) expect(await remaining(page), `day ${day}: a wrong answer comes back`).toBe(left);
      else if (kind === 'recognise') expect(await remaining(page), `day ${day}: "easy" counts down`).toBe(left - 1);
      else expect(left - (await remaining(page)), `day ${day}: counts down or the item comes back`).toBeGreaterThanOrEqual(0);
      expect(await percent(page), `day ${day}: the bar never goes back`).toBeGreaterThanOrEqual(shownPercent);

      // The streak and goal are visible during the session.
      await expect(page.getByTestId('session-goal')).toContainText(/Dagdoel: \d+ van 2 oefeningen/);
      // Before today's goal is reached the streak is the days before; after it, one more.
      if (day > 0) await expect(page.getByTestId('session-streak')).toContainText(new RegExp(`Reeks: (${day}|${day + 1}) dag`));

      if (answers === 1 && !undone) {
        // Undo the first answer of the day by the key, then answer it again.
        const before = await idbRows<Log>(page, 'logs');
        await page.locator('body').focus();
        await page.keyboard.press('Control+z');
        await expect.poll(() => idbRows<Log>(page, 'logs').then((l) => l.length)).toBe(before.length - 1);
        await expect(exercise).toHaveAttribute('data-card', card.split('/')[1]!);
        await expect(exercise).toHaveAttribute('data-kind', kind);
        expect(await remaining(page)).toBe(left);
        undone = true;
        answers--;
        continue;
      }
      if (day === 3 && answers === 4 && !wentOffline) {
        // Offline mid-session: the reloaded app (from the service worker) continues with what was left.
        const leftNow = await remaining(page);
        metBeforeReload = metToday;
        await context.setOffline(true);
        // The practice screen reloads into the session (from the service worker), not back to Today.
        await page.reload();
        await expect(exercise.or(warmup)).toBeVisible();
        if (await warmup.isVisible()) await warmup.click();
        expect(await remaining(page), 'the same exercises are left after an offline reload').toBe(leftNow);
        wentOffline = true;
      }
    }
    await context.setOffline(false);

    // The summary counts new words as words: the cards first met today (their first kind).
    const summary = page.getByTestId('summary');
    await expect(summary).toBeVisible();
    const logs = await idbRows<Log>(page, 'logs');
    const dayStart = start.getTime() + day * DAY_MS - 12 * 3600 * 1000;
    const firstSeen = new Map<string, number>();
    for (const l of logs) if (!firstSeen.has(l.cardKey) || firstSeen.get(l.cardKey)! > l.reviewedAt) firstSeen.set(l.cardKey, l.reviewedAt);
    expect([...firstSeen.values()].filter((t) => t >= dayStart).length, `day ${day}: words first met (log)`).toBe(newWords);
    expect(metToday, `day ${day}: words first met (screen)`).toBe(newWords);
    // After the reload the summary is of the session since then.
    const learned = newWords - metBeforeReload;
    await expect(summary).toContainText(`${learned} ${learned === 1 ? 'nieuw woord' : 'nieuwe woorden'} geleerd`);

    // Siblings never on the same day; from the second day the session mixes kinds.
    for (const [card, kinds] of kindsByCard) expect([...kinds], `day ${day}: ${card} in one kind`).toHaveLength(1);
    const kindsToday = new Set([...kindsByCard.values()].flatMap((k) => [...k]));
    if (day > 0 && kindsToday.size > 1) mixedDays++;
    expect(undone, `day ${day}: an answer was undone`).toBe(true);
    if (day === 3) expect(wentOffline).toBe(true);

    // The log stays consistent: one row per answer (uids unique), each item's reps = its rows.
    expect(new Set(logs.map((l) => l.uid)).size).toBe(logs.length);
    const rows = new Map<string, number>();
    for (const l of logs) rows.set(l.itemId, (rows.get(l.itemId) ?? 0) + 1);
    for (const item of await idbRows<Item>(page, 'items')) expect(item.fsrs.reps, item.id).toBe(rows.get(item.id) ?? 0);
  }

  // A new word always starts with the easy kind; every later day mixed kinds.
  expect(new Set(firstKindOf.values())).toEqual(new Set(['recognise']));
  expect(mixedDays).toBe(6);
  await page.goto('/');
  await expect(page.getByTestId('streak')).toContainText('Reeks: 7 dagen');
});
