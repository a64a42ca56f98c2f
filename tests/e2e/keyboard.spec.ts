import { builtDecks, displayTerm, expect, findCard, openApp, test, untilTypedExercise } from './fixtures.ts';

const decks = builtDecks();

test('a whole session by keyboard only: choose a deck, start, reveal, grade, type, finish', async ({ page }) => {
  // Several study days (a typed kind comes after the pick kinds), each worked through by keyboard.
  test.setTimeout(180_000);
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);

  // Tab through the page to the first deck's checkbox and tick it with Space.
  const firstBox = page.getByRole('checkbox').first();
  for (let i = 0; i < 30 && !(await firstBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(firstBox).toBeChecked();

  // Shift+Tab back to Start and press Enter.
  const startButton = page.getByRole('button', { name: 'Start' });
  for (let i = 0; i < 10 && !(await startButton.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(startButton).toBeFocused();
  await page.keyboard.press('Enter');

  // Recognise: the reveal button has focus; Space reveals, focus moves to "Goed", 3 grades.
  const reveal = page.getByRole('button', { name: /Toon het antwoord/ });
  await expect(reveal).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /Goed/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exercise')).toHaveAttribute('data-turn', '1');
  // Keys 1–4 grade directly.
  await expect(page.getByRole('button', { name: /Toon het antwoord/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect(page.getByTestId('exercise')).toHaveAttribute('data-turn', '2');

  // The next days (pick kinds come first): a produce exercise, typed and submitted with Enter, next with Enter.
  const input = page.getByRole('textbox', { name: 'Jouw antwoord' });
  await untilTypedExercise(page, start, startButton, input, decks);
  await expect(input).toBeFocused();
  const definition = (await page.getByTestId('prompt').textContent())!.trim();
  await page.keyboard.type(displayTerm(findCard(decks, (c) => c.definition === definition)));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  const next = page.getByRole('button', { name: /Volgende/ });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveCount(0);
});
