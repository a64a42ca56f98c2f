import type { Page } from '@playwright/test';
import { displayTerm } from '../../src/core/content/model.ts';
import { LEECH_LAPSES } from '../../src/core/progress/rules.ts';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test, watchContext } from './fixtures.ts';
import { download, reviewedItems, setLapses } from './data.ts';

const decks = builtDecks();
const sorted = [...decks].sort((a, b) => a.department.localeCompare(b.department, 'nl'));
const first = sorted[0]!;
const second = sorted.find((d) => d.department !== first.department) ?? sorted[1]!;

/** A trainee practises some cards of the given decks, marks one word difficult and makes a report. */
async function traineeReport(page: Page, name: string, practised: typeof decks, answers: number) {
  await openApp(page);
  for (const deck of practised) await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < answers; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  // Months of practice in one step: the first deck's first card became a difficult word.
  const card = first.cards[0]!;
  const items = (await reviewedItems(page)).filter((i) => i.deckId === first.id && i.cardId === card.id);
  expect(items.length).toBeGreaterThan(0);
  await setLapses(
    page,
    items.map((i) => i.id),
    LEECH_LAPSES,
  );

  await page.goto('/progress');
  await page.getByRole('link', { name: 'Rapport voor je coach' }).click();
  await page.getByLabel('Jouw naam op het rapport').fill(name);
  await page.getByLabel('Jouw naam op het rapport').press('Tab');
  await expect(page.getByTestId('report')).toContainText(`Cursist: ${name}`);
  return download(page, 'Rapport downloaden (bestand voor de coach)');
}

test('the report prints cleanly as a PDF and is a JSON file with the trainee’s decks', async ({ page }) => {
  const file = await traineeReport(page, 'Amina El Idrissi', [first], 3);
  const report = page.getByTestId('report');
  await expect(
    report
      .getByRole('table')
      .first()
      .getByRole('row', { name: new RegExp(first.title) }),
  ).toBeVisible();
  await expect(report).toContainText(displayTerm(first.cards[0]!));
  await expect(report).toContainText('Nog geen schrijfopdrachten gedaan.');

  // What a printer (or "Save as PDF") gets: the report without the app's menu and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken of als pdf bewaren' })).toBeHidden();
  await expect(report).toBeVisible();
  await expect(report).toContainText(first.title);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
  await page.emulateMedia({ media: 'screen' });

  expect(file.name).toMatch(/^vaktaal-rapport-amina-el-idrissi-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(file.text);
  expect(json).toMatchObject({ format: 'vaktaal-report', version: 1, trainee: 'Amina El Idrissi', drills: [] });
  expect(json.decks.map((d: { id: string }) => d.id)).toEqual([first.id]);
  expect(json.decks[0].reviews).toBe(3);
  expect(json.weeks.at(-1).reviews).toBe(3);
  expect(json.difficult.map((w: { cardId: string }) => w.cardId)).toEqual([first.cards[0]!.id]);
});

test('coach view: two trainees’ reports side by side, with the difficult words they share', async ({ page, browser, baseURL }) => {
  // Two trainees on two devices (separate browser profiles).
  const other = await browser.newContext({ baseURL: baseURL!, locale: 'nl-BE' });
  const checkOther = watchContext(other, new URL(baseURL!).origin);
  const otherPage = await other.newPage();
  const bram = await traineeReport(otherPage, 'Bram', [first, second], 4);
  checkOther();
  await other.close();
  const amina = await traineeReport(page, 'Amina', [first], 2);

  await page.goto('/coach');
  await expect(page.getByTestId('coach-count')).toHaveText('Nog geen rapporten geopend.');
  await page.getByLabel('Open rapportbestanden').setInputFiles([
    { name: amina.name, mimeType: 'application/json', buffer: Buffer.from(amina.text) },
    { name: bram.name, mimeType: 'application/json', buffer: Buffer.from(bram.text) },
    { name: 'iets-anders.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"vaktaal-backup"}') },
  ]);
  await expect(page.getByTestId('coach-count')).toHaveText('2 rapporten geopend.');
  await expect(page.getByTestId('coach-refused')).toHaveText('iets-anders.json is niet geopend: dit is geen rapport van Vaktaal.');

  const trainees = page.getByTestId('coach-trainees');
  await expect(trainees.getByRole('row', { name: /Amina/ })).toContainText('2');
  await expect(trainees.getByRole('row', { name: /Bram/ })).toContainText('4');

  // One table per deck: the first deck has both trainees, the second only Bram.
  const firstTable = page.getByRole('table', { name: new RegExp(first.title) });
  await expect(firstTable.getByRole('row', { name: /Amina/ })).toBeVisible();
  await expect(firstTable.getByRole('row', { name: /Bram/ })).toBeVisible();
  const secondTable = page.getByRole('table', { name: new RegExp(second.title) });
  await expect(secondTable.getByRole('row', { name: /Amina/ })).toContainText('niet gekozen');

  const common = page.getByTestId('coach-common');
  await expect(common.getByRole('row', { name: new RegExp(displayTerm(first.cards[0]!)) })).toContainText('2 van 2: Amina, Bram');

  await page.getByRole('button', { name: 'Rapport van Bram sluiten' }).click();
  await expect(page.getByTestId('coach-count')).toHaveText('1 rapport geopend.');
});
