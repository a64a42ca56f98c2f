import {
  answerCurrent,
  builtDecks,
  chooseDeck,
  deckCheckbox,
  expect,
  openApp,
  test,
  untilTypedExercise,
  waitForServiceWorker,
  watchContext,
} from './fixtures.ts';
import { idbCount, idbRows } from './data.ts';

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
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  check();
  await context.close();
});

test('produce: the next day, typed answers are checked and the translation shows in the UI language', async ({ page }) => {
  // Several simulated days of sessions before a typed exercise comes (kinds come easy to hard).
  test.setTimeout(180_000);
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

  // The next days: after the easy kinds, the card's produce item.
  const input = page.getByRole('textbox', { name: 'Your answer' });
  await untilTypedExercise(page, start, page.getByRole('button', { name: 'Start' }), input, decks);
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
  // Several simulated days of sessions before a typed exercise comes (kinds come easy to hard).
  test.setTimeout(180_000);
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
  const input = page.getByRole('textbox', { name: 'Jouw antwoord' });
  await untilTypedExercise(page, start, page.getByRole('button', { name: 'Start' }), input, decks);
  const definition = (await page.getByTestId('prompt').textContent())!.trim();
  const card = first.cards.find((c) => c.definition === definition)!;
  await input.fill('xyz');
  await input.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'wrong');
  await expect(page.getByTestId('feedback')).toContainText('Niet juist');
  await expect(page.getByTestId('expected')).toHaveText(card.article ? `${card.article} ${card.term}` : card.term);
});

test('undo the last answer: the toast or Ctrl+Z brings the same exercise back and the log holds each answer once', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  const goal = page.getByTestId('session-goal');
  await expect(goal).toContainText(/Dagdoel: 0 van \d+ oefeningen/);
  const shown = async () => `${await exercise.getAttribute('data-card')}/${await exercise.getAttribute('data-kind')}`;
  const itemsBefore = await idbRows<{ id: string }>(page, 'items');

  // 1. Undo by the toast's button.
  const firstExercise = await shown();
  await answerCurrent(page, decks, { grade: 4 });
  await expect(goal).toContainText(/Dagdoel: 1 van \d+ oefeningen/);
  expect(await idbCount(page, 'logs')).toBe(1);
  await page
    .getByTestId('undo-toast')
    .getByRole('button', { name: /Ongedaan maken/ })
    .click();
  await expect(page.getByTestId('undo-note')).toHaveText('Je laatste antwoord is ongedaan gemaakt: probeer opnieuw.');
  await expect.poll(shown).toBe(firstExercise);
  await expect(goal).toContainText(/Dagdoel: 0 van \d+ oefeningen/);
  expect(await idbCount(page, 'logs')).toBe(0);
  // Every item is stored exactly as before the answer (state, due, new-card rank, locks).
  expect(await idbRows(page, 'items')).toEqual(itemsBefore);

  // 2. Undo by Ctrl+Z, after two answers: only the last goes.
  await answerCurrent(page, decks, { grade: 4 });
  const second = await shown();
  await answerCurrent(page, decks, { grade: 4 });
  await page.locator('body').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(shown).toBe(second);
  const logs = await idbRows<{ itemId: string; uid: string }>(page, 'logs');
  expect(logs).toHaveLength(1);
  expect(logs[0]!.itemId).toContain(firstExercise.split('/')[0]!);
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);

  // After a reload the session starts from what is stored: the undone answer is not counted anywhere.
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('done-count')).toHaveText('1');
});

test.describe('on a phone without a keyboard', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('key hints are hidden until a hardware key is pressed', async ({ page }) => {
    await openApp(page);
    await chooseDeck(page, first.title);
    await page.getByRole('button', { name: 'Start' }).click();
    const hints = page.getByTestId('exercise').locator('kbd');
    await expect(hints.first()).toBeAttached();
    if (test.info().project.name === 'keyboard') {
      // That project reached Start with the Tab key: a hardware keyboard, so the hints show.
      await expect(hints.first()).toBeVisible();
      return;
    }
    for (const hint of await hints.all()) await expect(hint).toBeHidden();
    // A Tab only a hardware keyboard sends: from then on the hints show.
    await page.keyboard.press('Tab');
    await expect(hints.first()).toBeVisible();
  });
});

test('"I know this word" takes a new word out of the session and the new words, and can be undone', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill('3');
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'recognise');
  const known = (await exercise.getAttribute('data-card'))!;
  const setAside = page.getByRole('button', { name: 'Ik ken dit woord al' });

  // Set aside, then undo: the same word is back.
  await setAside.click();
  await expect(exercise).not.toHaveAttribute('data-card', known);
  await expect(page.getByTestId('undo-toast')).toContainText('Weggelegd');
  await page
    .getByTestId('undo-toast')
    .getByRole('button', { name: /Ongedaan maken/ })
    .click();
  await expect(exercise).toHaveAttribute('data-card', known);
  expect((await idbRows<{ cardId: string; known?: boolean }>(page, 'items')).filter((i) => i.cardId === known && i.known)).toEqual([]);

  // Set aside for real: the word never shows again in this session, and nothing is in the log.
  await setAside.click();
  const shown: string[] = [];
  for (let i = 0; i < 30 && !(await page.getByTestId('summary').isVisible()); i++) {
    shown.push((await exercise.getAttribute('data-card'))!);
    await answerCurrent(page, decks, { grade: 4 });
  }
  await expect(page.getByTestId('summary')).toContainText('1 woord weggelegd dat je al kende');
  expect(shown).not.toContain(known);
  const items = await idbRows<{ cardId: string; deckId: string; known?: boolean; newRank?: number }>(page, 'items');
  const itsItems = items.filter((i) => i.cardId === known && i.deckId === first.id);
  expect(itsItems.length).toBeGreaterThan(0);
  expect(itsItems.every((i) => i.known === true && i.newRank === undefined)).toBe(true);
  const logs = await idbRows<{ itemId: string }>(page, 'logs');
  expect(logs.some((l) => l.itemId.startsWith(`${first.id}/${known}/`))).toBe(false);
});
