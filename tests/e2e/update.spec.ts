import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, test, watchContext } from './fixtures.ts';
import { deploy, serve, tempDir } from './builds.ts';

/**
 * A new version is deployed while the trainee is in the app: the page must not reload by itself,
 * it offers "Bijwerken"; pressing it activates the new version.
 * Runs against its own copy of the build on its own port, so the new "deployment" touches nothing else.
 */
test('a new deployment is offered as an update, not forced mid-session', async ({ browser }) => {
  const dir = tempDir('update');
  deploy(process.env.PW_OUTDIR ?? 'dist', dir);
  const server = serve(dir);
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const checkContext = watchContext(context, server.url);
    const page = await context.newPage();
    await expect(async () => {
      await openApp(page);
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('exercise')).toBeVisible();

    // "Deploy" a new version: a changed service worker.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next release\n`);
    let reloaded = false;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) reloaded = true;
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const banner = page.getByRole('status').filter({ hasText: 'nieuwe versie' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    expect(reloaded).toBe(false);
    await expect(page.getByTestId('exercise')).toBeVisible();

    await banner.getByRole('button', { name: 'Bijwerken' }).click();
    await expect.poll(() => reloaded, { timeout: 20_000 }).toBe(true);
    // Reloaded into the new version, on the same screen, with the banner gone.
    await expect(page.getByTestId('exercise')).toBeVisible();
    await expect(banner).toHaveCount(0);
    checkContext();
    await context.close();
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
