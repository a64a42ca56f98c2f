import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, serve, tempDir, type Server } from './builds.ts';
import { expect, openApp, test, watchContext } from './fixtures.ts';
import { XSS_PAYLOADS, xssDeckYaml } from './xssPayloads.ts';

/**
 * Untrusted content stays inert when it is built from content/: a deck with 46 payloads in every
 * text field is compiled into its own build, served on its own port, and practised.
 */
test.describe('deck text from content/ is inert', () => {
  let dir = '';
  let server: Server | undefined;

  test.beforeAll(() => {
    // A build of the app runs in this hook (20–40 s on a loaded 2-core machine).
    test.setTimeout(180_000);
    dir = tempDir('xss');
    mkdirSync(join(dir, 'content/decks/proef'), { recursive: true });
    writeFileSync(join(dir, 'content/decks/proef/xss.deck.yaml'), xssDeckYaml());
    buildApp(join(dir, 'content'), join(dir, 'dist'));
    server = serve(join(dir, 'dist'));
  });

  test.afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('no payload runs or reaches another origin; payloads show as text', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server!.url });
    const checkContext = watchContext(context, server!.url);
    const page = await context.newPage();
    const offOrigin: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server!.url)) offOrigin.push(r.url());
    });
    page.on('dialog', (d) => void d.dismiss());
    await expect(async () => {
      await openApp(page);
    }).toPass({ timeout: 20_000 });
    await page.getByRole('checkbox').first().check();
    await expect(page.getByText('Proef <img src=x onerror=window.__xss=1> **titel**')).toBeVisible();
    // English UI, so the (payload-laden) English translations are shown too.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByLabel('Taal van de app').selectOption('en');
    await page.getByLabel('New words per day').fill('60');
    await page.getByLabel('New words per day').press('Tab');
    await page.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    // Reveal every card: definition, example, plain text and translations are all rendered.
    for (let i = 0; i < XSS_PAYLOADS.length; i++) {
      await expect(page.getByTestId('exercise')).toHaveAttribute('data-turn', String(i));
      await page.keyboard.press('Space');
      await expect(page.getByTestId('definition')).toBeVisible();
      await expect(page.getByTestId('translation')).toContainText('en ');
      await page.keyboard.press('4');
    }
    await expect(page.getByTestId('summary')).toBeVisible();
    // Emphasis is the only markup that survives: it was rendered, everything else stayed text.
    expect(
      await page.locator('main script, main img, main svg:not([aria-hidden]) script, main iframe, main a[href^="javascript"]').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(offOrigin).toEqual([]);
    checkContext();
    await context.close();
  });
});
