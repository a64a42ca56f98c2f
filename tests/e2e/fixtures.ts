import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import type { Card, Deck } from '../../src/core/content/model.ts';

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
 * Every test: no request leaves the app's origin, and no console error (CSP violations show up
 * there) goes unnoticed.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin) offOrigin.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(m.text())) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use();
      expect(offOrigin, 'requests to another origin').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
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

export function deckCheckbox(page: Page, title: string) {
  return page.getByRole('checkbox', { name: new RegExp(escape(title)) });
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

async function answerOnce(page: Page, decks: Deck[], opts: { correct?: boolean; grade?: 1 | 2 | 3 | 4 }) {
  const prompt = (await page.getByTestId('prompt').textContent())!.trim();
  const input = page.getByRole('textbox', { name: /antwoord|answer/i });
  if (await input.isVisible()) {
    const card = findCard(decks, (c) => c.definition === prompt);
    await input.fill(opts.correct === false ? 'helemaal fout' : displayTerm(card));
    await input.press('Enter');
    await expect(page.getByTestId('feedback')).toBeVisible();
    await page.keyboard.press('Enter');
    return 'produce';
  }
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: /kende|know/i })).toBeVisible();
  await page.keyboard.press(String(opts.grade ?? 3));
  return 'recognise';
}
