import AxeBuilder from '@axe-core/playwright';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test } from './fixtures.ts';
import { download, reviewedItems, setLapses } from './data.ts';

const decks = builtDecks();
const first = decks[0]!;

/** WCAG 2.1 A/AA checks (contrast included) of the progress and data screens, light and dark, on a phone. */
test('progress, backup, import, report, coach and words screens pass axe in light and dark mode', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 3; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  const [item] = await reviewedItems(page);
  await setLapses(page, [item!.id], 5);
  await page.goto('/report');
  const report = await download(page, 'Rapport downloaden (bestand voor de coach)');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/progress', '/backup', '/import', '/report', '/coach', `/words?q=${encodeURIComponent(first.cards[0]!.term)}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/Even laden/)).toHaveCount(0);
      if (path === '/coach') {
        // Two copies under other names, so the tables have two trainees and a word in common.
        const files = ['Amina', 'Bram'].map((name) => ({
          name: `${name}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify({ ...JSON.parse(report.text), trainee: name })),
        }));
        await page.getByLabel('Open rapportbestanden').setInputFiles(files);
        await expect(page.getByTestId('coach-common')).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${scheme} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // Nothing wider than the phone: no sideways scrolling of the page.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${scheme} ${path} is wider than the phone`,
      ).toBeLessThanOrEqual(390);
    }
  }
});

test('the progress and data screens reflow at 200% text size: nothing overflows a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await chooseDeck(page, first.title);
  for (const path of ['/progress', '/words?q=de', '/backup', '/import', '/report', '/coach']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Even laden/)).toHaveCount(0);
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(1);
  }
});
