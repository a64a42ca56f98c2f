import type { Page } from '@playwright/test';
import { answerCurrent, builtDecks, chooseDeck, expect, openApp, test } from './fixtures.ts';

const decks = builtDecks();
const deck = decks[0]!;

/** Items and log rows as IndexedDB holds them, read in the page. */
async function readProgress(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('vaktaal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    const items = await all<{ id: string; fsrs: { reps: number } }>('items');
    const logs = await all<{ itemId: string }>('logs');
    db.close();
    return { items, logs };
  });
}

/** Every item's review count equals its number of log rows: nothing half-written, nothing counted twice. */
function expectConsistent(progress: Awaited<ReturnType<typeof readProgress>>) {
  const perItem = new Map<string, number>();
  for (const log of progress.logs) perItem.set(log.itemId, (perItem.get(log.itemId) ?? 0) + 1);
  // One assertion over all items (thousands): a Playwright expect per item makes the test crawl.
  const disagreeing = progress.items.filter((item) => item.fsrs.reps !== (perItem.get(item.id) ?? 0)).map((item) => item.id);
  expect(disagreeing).toEqual([]);
}

test('the page is closed in the middle of grading: item and log agree on reopen', async ({ context }) => {
  let page = await context.newPage();
  await openApp(page);
  await chooseDeck(page, deck.title);
  for (let round = 0; round < 4; round++) {
    await page.goto('/practice');
    await expect(page.getByTestId('exercise')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: /kende/ })).toBeVisible();
    // Grade and close at once, a little later each round, to land inside the write.
    await page.keyboard.press('3');
    if (round) await page.waitForTimeout(round * 2);
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await openApp(page);
    expectConsistent(await readProgress(page));
  }
  const { logs } = await readProgress(page);
  expect(logs.length).toBeGreaterThan(0);
});

test('two tabs practise the same deck: nothing lost or counted twice, each sees the other’s progress', async ({ context }) => {
  const one = await context.newPage();
  await openApp(one);
  await chooseDeck(one, deck.title);
  const two = await context.newPage();
  await openApp(two);
  await one.getByRole('button', { name: 'Start' }).click();
  await two.getByRole('button', { name: 'Start' }).click();
  let answered = 0;
  for (let i = 0; i < 4; i++) {
    for (const page of [one, two]) {
      if (await page.getByTestId('exercise').isVisible()) {
        await answerCurrent(page, decks, { grade: 3 });
        answered++;
      }
    }
  }
  const progress = await readProgress(one);
  expect(progress.logs).toHaveLength(answered);
  expectConsistent(progress);
  // The second tab's Today screen shows everything done in both tabs.
  await two.getByRole('link', { name: 'Vandaag' }).click();
  await expect(two.getByTestId('done-count')).toHaveText(String(answered));
});

test('storage full: a clear message, nothing half-written, and the answer can be given again', async ({ page }) => {
  // Simulate a full disk: while window.__diskFull is set, every IndexedDB write fails the way a
  // browser reports an exceeded quota.
  await page.addInitScript(() => {
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if ((window as unknown as { __diskFull?: boolean }).__diskFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      } as never;
    }
  });
  await openApp(page);
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('exercise')).toBeVisible();
  const before = await readProgress(page);

  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByRole('alert')).toContainText('geen opslagruimte meer');
  const during = await readProgress(page);
  expect(during.logs).toHaveLength(before.logs.length);
  expect(during.items).toEqual(before.items);

  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
  await page.keyboard.press('3');
  await expect(page.getByTestId('exercise')).toHaveAttribute('data-turn', '1');
  const after = await readProgress(page);
  expect(after.logs).toHaveLength(before.logs.length + 1);
  expectConsistent(after);
});
