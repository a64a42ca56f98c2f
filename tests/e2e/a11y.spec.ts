import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtDecks, chooseDeck, expect, openApp, test } from './fixtures.ts';

const decks = builtDecks();

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, where).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await chooseDeck(page, decks[0]!.title);
    await expectNoViolations(page, 'today');

    // Every screen in the main menu.
    const links = page.getByRole('navigation').getByRole('link');
    const paths = [...new Set(await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)))];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoViolations(page, path);
    }

    // Practice: the question, the revealed answer with the grade buttons.
    await page.goto('/practice');
    await expect(page.getByTestId('exercise')).toBeVisible();
    await expectNoViolations(page, 'practice: question');
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: /kende/ })).toBeVisible();
    await expectNoViolations(page, 'practice: answer');

    await page.goto('/does-not-exist');
    await expectNoViolations(page, 'not found');
  });
}

test('text scales to 200% without loss: nothing overflows the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await chooseDeck(page, decks[0]!.title);
  const links = page.getByRole('navigation').getByRole('link');
  const menu = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const path of [...new Set([...menu, '/practice'])]) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    // Like a browser's text-size setting at 200% (set through the CSSOM, which the CSP allows).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(1);
  }
});
