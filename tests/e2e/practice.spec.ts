import { answerCurrent, builtDecks, chooseDeck, deckCheckbox, expect, openApp, test, waitForServiceWorker, watchContext } from './fixtures.ts';

const decks = builtDecks();
const first = [...decks].sort((a, b) => a.department.localeCompare(b.department, 'nl'))[0]!;

test('first visit: decks grouped by department, practise 5 cards, progress kept after reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
  for (const department of new Set(decks.map((d) => d.department))) {
    await expect(page.getByRole('heading', { name: department, level: 3 })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
  await chooseDeck(page, first.title);
  await expect(page.getByTestId('new-count')).toHaveText('10');
  await page.getByRole('button', { name: 'Start' }).click();

  // Easy takes a new card straight out of the learning steps, so five answers are five cards.
  for (let i = 0; i < 5; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('5');
  await expect(page.getByTestId('new-count')).toHaveText('5');

  await page.reload();
  await expect(page.getByTestId('done-count')).toHaveText('5');
  await expect(page.getByTestId('new-count')).toHaveText('5');
  await expect(deckCheckbox(page, first.title)).toBeChecked();
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('vaktaal');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const count: number = await new Promise((r) => {
      const req = db.transaction('logs').objectStore('logs').count();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return count;
  });
  expect(stored).toBe(5);
});

test('a session ends with a summary of what was done', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill('2');
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, first.title);
  await expect(page.getByTestId('new-count')).toHaveText('2');
  await page.getByRole('button', { name: 'Start' }).click();
  // Good on a new card goes through the learning steps, so each card comes back in the session.
  for (let i = 0; i < 12 && !(await page.getByTestId('summary').isVisible()); i++) {
    await answerCurrent(page, decks, { grade: 4 });
  }
  await expect(page.getByRole('heading', { name: 'Klaar voor vandaag' })).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('2 nieuwe woorden geleerd');
});

test('works offline after the first visit: reload, decks and practice continue', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await chooseDeck(page, first.title);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
  for (const deck of decks) await expect(deckCheckbox(page, deck.title)).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await answerCurrent(page, decks);
  await answerCurrent(page, decks);
  // A deep link is served by the service worker too.
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('done-count')).toHaveText('2');
});

test('the UI language can be switched and is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByText('Done today')).toBeVisible();
});

test('the first visit follows the browser language when we have it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-GB', baseURL: baseURL! });
  const check = watchContext(context, new URL(baseURL!).origin);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  check();
  await context.close();
});

test('produce: the next day, typed answers are checked and the translation shows in the UI language', async ({ page }) => {
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  await page.getByLabel('New words per day').fill('1');
  await page.getByLabel('New words per day').press('Tab');
  await page.getByRole('link', { name: 'Today' }).click();
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  while (!(await page.getByTestId('summary').isVisible())) await answerCurrent(page, decks, { grade: 3 });

  // Next day: the card's produce item is unlocked.
  await page.clock.setFixedTime(new Date(start.getTime() + 24 * 3600 * 1000));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  const input = page.getByRole('textbox', { name: 'Your answer' });
  while (!(await input.isVisible())) await answerCurrent(page, decks);
  const definition = (await page.getByTestId('prompt').textContent())!.trim();
  const card = first.cards.find((c) => c.definition === definition)!;
  if (card.translations.en) await expect(page.getByText(card.translations.en, { exact: true })).toBeVisible();
  await input.fill('  ' + (card.article ? `${card.article.toUpperCase()}   ${card.term}` : card.term.toUpperCase()) + ' ');
  await input.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  await expect(page.getByTestId('feedback')).toContainText('Correct');
  await page.keyboard.press('Enter');
});

test('produce: a wrong answer shows the expected answer', async ({ page }) => {
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill('1');
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  while (!(await page.getByTestId('summary').isVisible())) await answerCurrent(page, decks, { grade: 3 });
  await page.clock.setFixedTime(new Date(start.getTime() + 24 * 3600 * 1000));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  const input = page.getByRole('textbox', { name: 'Jouw antwoord' });
  while (!(await input.isVisible())) await answerCurrent(page, decks);
  const definition = (await page.getByTestId('prompt').textContent())!.trim();
  const card = first.cards.find((c) => c.definition === definition)!;
  await input.fill('xyz');
  await input.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'wrong');
  await expect(page.getByTestId('feedback')).toContainText('Niet juist');
  await expect(page.getByTestId('expected')).toHaveText(card.article ? `${card.article} ${card.term}` : card.term);
});
