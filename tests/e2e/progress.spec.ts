import type { Page } from '@playwright/test';
import { displayTerm } from '../../src/core/content/model.ts';
import { LEECH_LAPSES } from '../../src/core/progress/rules.ts';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test } from './fixtures.ts';
import { idbRows, reviewedItems, setLapses } from './data.ts';

const decks = builtDecks();
const first = [...decks].sort((a, b) => a.department.localeCompare(b.department, 'nl'))[0]!;

async function practise(page: Page, count: number) {
  await openApp(page);
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < count; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText(String(count));
}

test('the dashboard: today, daily goal and streak, forecast with a table, words per deck', async ({ page }) => {
  await practise(page, 3);
  await page.getByRole('link', { name: 'Voortgang' }).click();
  await expect(page.getByRole('heading', { name: 'Voortgang', level: 1 })).toBeVisible();
  await expect(page.getByTestId('progress-done')).toHaveText('3');
  await expect(page.getByTestId('goal')).toContainText('3 van 20 oefeningen');
  await expect(page.getByTestId('streak')).toHaveText('Nog geen reeks. Haal vandaag je dagdoel om te beginnen.');

  // A smaller goal is reached at once and starts the streak; the setting is remembered.
  await page.getByLabel('Dagdoel (oefeningen per dag)').fill('3');
  await page.getByLabel('Dagdoel (oefeningen per dag)').press('Tab');
  await expect(page.getByTestId('goal')).toContainText('Dagdoel gehaald.');
  await expect(page.getByTestId('streak')).toHaveText('Reeks: 1 dag na elkaar je doel gehaald');
  await expect(page.getByRole('meter', { name: 'Dagdoel' })).toHaveAttribute('aria-valuenow', '3');

  // Easy sends each card days ahead: the forecast holds the three reviews, also as a table.
  const dues = (await reviewedItems(page)).length;
  expect(dues).toBe(3);
  await expect(page.getByText('Herhalingen in de komende 30 dagen: 3.')).toBeVisible();
  await page.getByText('Toon als tabel').click();
  const rows = page.locator('details table tbody tr');
  await expect(rows).toHaveCount(30);
  await expect(rows.first()).toContainText('vandaag');

  await expect(page.getByTestId('deck-words')).toContainText(first.title);
  await expect(page.getByRole('meter', { name: `Geleerde woorden in ${first.title}` })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Dagdoel (oefeningen per dag)')).toHaveValue('3');
});

test('difficult words are listed and practised on their own in one click', async ({ page }) => {
  await practise(page, 3);
  const [item] = await reviewedItems(page);
  const card = first.cards.find((c) => c.id === item!.cardId)!;
  await setLapses(page, [item!.id], LEECH_LAPSES);

  await page.goto('/progress');
  const list = page.getByTestId('difficult');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(displayTerm(card));
  await expect(list).toContainText(`${LEECH_LAPSES} keer vergeten`);
  await page.getByRole('button', { name: 'Oefen dit moeilijke woord' }).click();

  // The session is exactly that one word, not today's queue.
  await expect(page.getByText('nog 1 oefening')).toBeVisible();
  await expect(page.getByTestId('prompt').first()).toContainText(card.term);
  await answerCurrent(page, decks, { grade: 3 });
  await expect(page.getByTestId('summary')).toContainText('1 oefening gedaan');
  const logs = await idbRows<{ itemId: string }>(page, 'logs');
  expect(logs.at(-1)?.itemId).toBe(item!.id);
});

test('the progress screen in English and with nothing practised yet', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  await expect(page.getByText('No reviews are scheduled yet.')).toBeVisible();
  await expect(page.getByText('You have not practised any deck yet.')).toBeVisible();
  await expect(page.getByText('No difficult words. Well done!')).toBeVisible();
  for (const link of ['Add a deck', 'Backup and storage', 'Report for your coach', 'Coach view']) {
    await expect(page.getByRole('link', { name: link })).toBeVisible();
  }
});
