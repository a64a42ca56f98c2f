import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import type { Card, Deck } from '../../src/core/content/model.ts';
import { useKeyboardOnly } from './keyboardOnly.ts';

/** The decks exactly as the build compiled them: tests read expected answers from here, never hard-code them. */
export function builtDecks(dir = `${process.env.PW_OUTDIR ?? 'dist'}/decks`): Deck[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Deck);
}

export function displayTerm(card: Pick<Card, 'term' | 'article'>): string {
  return card.article ? `${card.article} ${card.term}` : card.term;
}

/**
 * Watches every page of a browser context: requests that leave the app's origin, and console
 * errors (a Content-Security-Policy violation is reported there). Call the returned function at
 * the end to assert there were none.
 */
export function watchContext(context: BrowserContext, appOrigin: string): () => void {
  const offOrigin: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== appOrigin) offOrigin.push(r.url());
  });
  context.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(m.text())) errors.push(m.text());
  });
  context.on('weberror', (e) => errors.push(String(e.error())));
  return () => {
    expect(offOrigin, 'requests to another origin').toEqual([]);
    expect(errors, 'console errors (CSP violations included)').toEqual([]);
  };
}

/**
 * Every test, every page of its context: nothing leaves the app's origin, no console error.
 * In the "keyboard" project the mouse is taken away (see keyboardOnly.ts).
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ context, baseURL, page }, use, testInfo) => {
      const check = watchContext(context, new URL(baseURL!).origin);
      const restore = testInfo.project.name === 'keyboard' ? useKeyboardOnly(page) : undefined;
      try {
        await use();
      } finally {
        restore?.();
      }
      check();
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Opens the app at `path`. A first visit shows the welcome (language, department): it is skipped
 * the way a trainee skips it, then the page is opened again as on a next visit (nothing chosen yet).
 */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const skip = page.getByTestId('welcome-skip');
  if (await skip.isVisible()) {
    await skip.click();
    await expect(page.getByTestId('welcome')).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
}

/** Waits until the service worker controls the page, so going offline is a fair test. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** A deck's checkbox on Today: its accessible name starts with the deck's title (then level, counts, description). */
export function deckCheckbox(page: Page, title: string) {
  return page.getByRole('checkbox', { name: new RegExp(`^${escape(title)}(\\s|$)`) });
}

export async function chooseDeck(page: Page, title: string) {
  await deckCheckbox(page, title).check();
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function findCard(decks: Deck[], predicate: (c: Card) => boolean): Card {
  for (const d of decks) for (const c of d.cards) if (predicate(c)) return c;
  throw new Error('card not found');
}

/**
 * Answers whatever exercise is on screen, by keyboard. Recognise: Space, then the grade key.
 * Produce: types the right (or a wrong) answer, Enter, Enter. Returns the kind answered.
 */
export async function answerCurrent(page: Page, decks: Deck[], opts: { correct?: boolean; grade?: 1 | 2 | 3 | 4 } = {}) {
  const exercise = page.getByTestId('exercise');
  const turn = Number(await exercise.getAttribute('data-turn'));
  const kind = await answerOnce(page, decks, opts);
  // Wait until the app has stored the answer and moved on (next exercise or the summary).
  await expect(async () => {
    const summary = await page.getByTestId('summary').isVisible();
    const next = summary ? turn + 1 : Number(await exercise.getAttribute('data-turn', { timeout: 500 }));
    expect(next).toBeGreaterThan(turn);
  }).toPass();
  return kind;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The days after a first session, one at a time: a card's kinds come easy to hard (pick kinds
 * before typed ones, one new kind a day), so a typed exercise shows up after a few days. Works
 * through each day's session until `input` (a typed exercise's box) is on screen.
 */
export async function untilTypedExercise(page: Page, start: Date, startButton: Locator, input: Locator, decks: Deck[], days = 8) {
  for (let day = 1; day <= days; day++) {
    await page.clock.setFixedTime(new Date(start.getTime() + day * DAY_MS));
    await page.goto('/');
    await expect(startButton).toBeVisible();
    if (!(await startButton.isEnabled())) continue;
    await startButton.click();
    const warmup = page.getByTestId('match-end');
    await expect(page.getByTestId('exercise').or(warmup).or(page.locator('#done-title'))).toBeVisible();
    if (await warmup.isVisible()) await warmup.click();
    while (!(await input.isVisible()) && (await page.getByTestId('exercise').isVisible())) await answerCurrent(page, decks, { grade: 3 });
    if (await input.isVisible()) return;
  }
  throw new Error(`no typed exercise within ${days} days`);
}

export function cardOf(decks: Deck[], deckId: string, cardId: string): Card {
  const card = decks.find((d) => d.id === deckId)?.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`card ${deckId}/${cardId} not found`);
  return card;
}

/** The answer the app expects for an exercise, read from the built deck (never hard-coded). */
export function expectedAnswer(card: Card, kind: string): string {
  if (kind === 'cloze') return card.example!.match(/\{([^{}]+)\}/)![1]!.trim();
  if (kind === 'article') return card.article!;
  if (kind === 'plain') return card.plain!;
  return displayTerm(card);
}

async function answerOnce(page: Page, decks: Deck[], opts: { correct?: boolean; grade?: 1 | 2 | 3 | 4 }) {
  const exercise = page.getByTestId('exercise');
  const kind = (await exercise.getAttribute('data-kind'))!;
  if (kind === 'recognise') {
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: /kende|know/i })).toBeVisible();
    await page.keyboard.press(String(opts.grade ?? 3));
    return kind;
  }
  const card = cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
  const answer = expectedAnswer(card, kind);
  const input = exercise.getByRole('textbox');
  if (await input.isVisible()) {
    await input.fill(opts.correct === false ? 'qqq zzz' : answer);
    await input.press('Enter');
  } else {
    // A choice: press the key shown on the right (or a wrong) option.
    const options = exercise.getByRole('group').getByRole('button');
    const labels = (await options.locator('span[lang="nl"]').allTextContents()).map((l) => l.trim());
    const index = labels.findIndex((l) => (l === answer) !== (opts.correct === false));
    expect(index, `option "${answer}" among ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
    const key = (await options.nth(index).locator('kbd').textContent())!.trim();
    await page.keyboard.press(key);
  }
  await expect(page.getByTestId('feedback')).toBeVisible();
  await page.keyboard.press('Enter');
  return kind;
}
