import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Direct reads and writes of the app's IndexedDB, to check what is stored and to set up test state. */
export async function idbRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('vaktaal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows: unknown[] = await new Promise((resolve) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

export async function idbCount(page: Page, store: string): Promise<number> {
  return (await idbRows(page, store)).length;
}

/** Marks review items as forgotten `lapses` times (a difficult word), as months of practice would. */
export async function setLapses(page: Page, itemIds: string[], lapses: number): Promise<void> {
  await page.evaluate(
    async ({ ids, n }) => {
      const open = indexedDB.open('vaktaal');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const tx = db.transaction('items', 'readwrite');
      const store = tx.objectStore('items');
      for (const id of ids) {
        const item = await new Promise<{ fsrs: { lapses: number } }>((resolve) => {
          const req = store.get(id);
          req.onsuccess = () => resolve(req.result);
        });
        item.fsrs.lapses = n;
        store.put(item);
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { ids: itemIds, n: lapses },
  );
}

export interface StoredItem {
  id: string;
  deckId: string;
  cardId: string;
  kind: string;
  fsrs: { state: number; lapses: number };
}

/** Items already reviewed (not new), e.g. to turn one into a difficult word. */
export async function reviewedItems(page: Page): Promise<StoredItem[]> {
  return (await idbRows<StoredItem>(page, 'items')).filter((i) => i.fsrs.state !== 0);
}

export async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  expect(path).toBeTruthy();
  return readFileSync(path!, 'utf8');
}

/** Clicks a button that starts a download and returns the file's name and text. */
export async function download(page: Page, button: RegExp | string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await downloadedText(file) };
}

/** Drops files on the drop zone the way a browser does when they are dragged in from the desktop. */
export async function dropFiles(page: Page, files: { name: string; text: string; type: string }[]): Promise<void> {
  const zone = page.getByTestId('drop-zone');
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}
