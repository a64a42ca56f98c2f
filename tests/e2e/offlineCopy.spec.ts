import type { Page } from '@playwright/test';
import { builtDecks, deckCheckbox, expect, openApp, test, waitForServiceWorker } from './fixtures.ts';

const decks = builtDecks();

/** Removes cached files the way a browser under storage pressure evicts them (IndexedDB stays). */
async function evict(page: Page, which: 'all' | 'decks') {
  await page.evaluate(async (kind) => {
    for (const name of await caches.keys()) {
      if (kind === 'all') {
        await caches.delete(name);
        continue;
      }
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (new URL(request.url).pathname.startsWith('/decks/')) await cache.delete(request);
    }
  }, which);
}

test('a lost offline copy is restored while online, and the app works offline again', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await evict(page, 'all');
  await page.reload();
  await expect(page.getByTestId('offline-copy')).toContainText('De offline kopie is hersteld', { timeout: 30_000 });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
  for (const deck of decks) await expect(deckCheckbox(page, deck.title)).toBeVisible();
});

test('offline with a lost offline copy: the trainee is told to connect once', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await evict(page, 'decks');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-copy')).toContainText('Maak één keer verbinding met het internet');
  // Back online, the copy is restored without a reload.
  await context.setOffline(false);
  await expect(page.getByTestId('offline-copy')).toContainText('De offline kopie is hersteld', { timeout: 30_000 });
});
