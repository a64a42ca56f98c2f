import { readFileSync } from 'node:fs';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { answerCurrent, builtDecks, chooseDeck, expect, expectedAnswer, openApp, test, untilTypedExercise } from './fixtures.ts';

/**
 * The spreadsheet path end to end: a CSV export dropped in content/decks/<folder>/ is built into
 * the app like any deck and its cards can be practised. Expected answers come from the built JSON.
 */
const decks = builtDecks();
const csvDeck = decks.find((d) => d.source.endsWith('.csv'));

test('the CSV deck is in the build, with every row of the spreadsheet as a card', () => {
  expect(csvDeck, 'a deck built from a .csv file').toBeDefined();
  const metaPath = csvDeck!.source.replace(/\.csv$/, '.meta.yaml');
  let meta: { path: string; text: string } | undefined;
  try {
    meta = { path: metaPath, text: readFileSync(metaPath, 'utf8') };
  } catch {
    meta = undefined;
  }
  const fromSource = parseDeckFile(csvDeck!.source, readFileSync(csvDeck!.source, 'utf8'), meta ? { meta } : {});
  expect(fromSource.deck!.cards.map((c) => c.id)).toEqual(csvDeck!.cards.map((c) => c.id));
  expect(csvDeck!.cards.length).toBeGreaterThanOrEqual(25);
});

test('a CSV deck shows under its department and its cards can be practised', async ({ page }) => {
  const deck = csvDeck!;
  await openApp(page);
  await expect(page.getByRole('heading', { name: deck.department, level: 3 })).toBeVisible();
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  const practised = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await expect(exercise).toHaveAttribute('data-deck', deck.id);
    const cardId = (await exercise.getAttribute('data-card'))!;
    expect(deck.cards.map((c) => c.id)).toContain(cardId);
    practised.add(cardId);
    // Easy takes a new card straight out of the learning steps, so five answers are five cards.
    await answerCurrent(page, decks, { grade: 4 });
  }
  expect(practised.size).toBe(5);
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('5');
  await page.reload();
  await expect(page.getByTestId('done-count')).toHaveText('5');
});

test('the next day a CSV card is answered by typing, checked against the spreadsheet text', async ({ page }) => {
  const deck = csvDeck!;
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill('3');
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 30 && !(await page.getByTestId('summary').isVisible()); i++) await answerCurrent(page, decks, { grade: 3 });
  await expect(page.getByTestId('summary')).toBeVisible();

  // The next days: the cards met come back, after the pick kinds as exercises with a typed answer.
  const exercise = page.getByTestId('exercise');
  const input = exercise.getByRole('textbox');
  await untilTypedExercise(page, start, page.getByRole('button', { name: 'Start' }), input, decks);
  await expect(input).toBeVisible();
  await expect(exercise).toHaveAttribute('data-deck', deck.id);
  const cardId = (await exercise.getAttribute('data-card'))!;
  const kind = (await exercise.getAttribute('data-kind'))!;
  const answer = expectedAnswer(
    deck.cards.find((c) => c.id === cardId)!,
    kind,
  );
  await input.fill(answer);
  await input.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
});
