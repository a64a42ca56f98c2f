/**
 * A Vite dev server on the app's own config and a Chromium to open a bench page in: the page runs
 * the app's real code (Svelte runes compiled, real IndexedDB). Shared by the benches that need a browser.
 */
import { chromium, type Browser } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
// The same Chromium and flags as the end-to-end tests.
import { launchOptions } from '../../playwright.config.ts';

export async function withBrowserPage<T>(path: string, read: (result: unknown) => T, timeout = 300_000): Promise<T> {
  // The next free port from 5199 if another bench holds it (all of them ports Chromium allows).
  const server: ViteDevServer = await createServer({
    server: { port: 5199, strictPort: false },
    logLevel: 'error',
    configFile: 'vite.config.ts',
  });
  await server.listen();
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(launchOptions);
    const page = await browser.newPage();
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout });
    return read(await page.evaluate(() => (window as unknown as { benchResult: unknown }).benchResult));
  } finally {
    await browser?.close();
    await server.close();
  }
}
