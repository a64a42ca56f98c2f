import type { Locator, Page } from '@playwright/test';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test } from './fixtures.ts';
import { download } from './data.ts';

const decks = builtDecks();
/** The deck with the longest title and department: the widest first column a report table gets. */
const widest = [...decks].sort((a, b) => b.title.length + b.department.length - (a.title.length + a.department.length))[0]!;
const names = ['Amina El Idrissi', 'Bram Vandersteen'];

/** A trainee practises a little in the widest deck and downloads the report for the coach. */
async function reportFile(page: Page) {
  await openApp(page);
  await chooseDeck(page, widest.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 2; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await page.goto('/report');
  return download(page, 'Rapport downloaden (bestand voor de coach)');
}

async function openInCoachView(page: Page, report: { text: string }) {
  await page.goto('/coach');
  await page.getByLabel('Open rapportbestanden').setInputFiles(
    names.map((name) => ({
      name: `${name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...JSON.parse(report.text), trainee: name })),
    })),
  );
  await expect(page.getByTestId('coach-count')).toHaveText('2 rapporten geopend.');
}

/** The focusable region a table scrolls in (its section is a region of the same name too). */
const scrollerOf = (table: Locator) => table.locator('xpath=..');

/** How much of an element's content lies beyond its box sideways: 0 when nothing is cut off. */
const cutOff = (l: Locator) => l.evaluate((el) => el.scrollWidth - el.clientWidth);

/** The element lies inside the viewport's width and inside the region (nothing of it scrolled away). */
async function expectWhollyShown(element: Locator, region: Locator, viewportWidth: number) {
  const e = (await element.boundingBox())!;
  const r = (await region.boundingBox())!;
  expect(e.x).toBeGreaterThanOrEqual(r.x - 1);
  expect(e.x + e.width).toBeLessThanOrEqual(Math.min(r.x + r.width, viewportWidth) + 1);
}

test('on a 390 px phone the report’s and the coach’s tables show every column, and "Sluiten" is on screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const report = await reportFile(page);

  const decksRegion = scrollerOf(page.getByTestId('report').getByRole('table').first());
  await expect(decksRegion).toBeVisible();
  expect(await cutOff(decksRegion)).toBeLessThanOrEqual(0);
  // Still a table for screen readers: the deck's row, named by its header cell, with every figure named.
  const row = decksRegion.getByRole('row', { name: new RegExp(widest.title) });
  await expect(row).toBeVisible();
  for (const cell of await row.getByRole('cell').all()) await expectWhollyShown(cell, decksRegion, 390);
  await expect(row).toContainText('2');

  await openInCoachView(page, report);
  const trainees = scrollerOf(page.getByTestId('coach-trainees'));
  expect(await cutOff(trainees)).toBeLessThanOrEqual(0);
  for (const name of names) await expectWhollyShown(page.getByRole('button', { name: `Rapport van ${name} sluiten` }), trainees, 390);
  const deck = page.getByRole('region', { name: widest.title });
  expect(await cutOff(deck)).toBeLessThanOrEqual(0);
  await expect(deck.getByRole('row', { name: /Bram Vandersteen/ })).toBeVisible();
});

test('on a 1280 px screen the coach view uses the width: trainees in one table row each, "Sluiten" in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const report = await reportFile(page);
  await openInCoachView(page, report);
  const trainees = scrollerOf(page.getByTestId('coach-trainees'));
  // Wider than the 46rem reading column the other screens keep.
  expect((await trainees.boundingBox())!.width).toBeGreaterThan(1000);
  expect(await cutOff(trainees)).toBeLessThanOrEqual(0);
  // A real table row per trainee: every column side by side, "Sluiten" at the end of the row, on screen.
  for (const name of names) {
    const close = page.getByRole('button', { name: `Rapport van ${name} sluiten` });
    await expectWhollyShown(close, trainees, 1280);
    const rowBox = (await trainees.getByRole('row', { name: new RegExp(name) }).boundingBox())!;
    expect((await close.boundingBox())!.y).toBeLessThan(rowBox.y + rowBox.height);
    expect(rowBox.height).toBeLessThan(80);
  }
});
