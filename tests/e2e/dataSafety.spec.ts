import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { legacyLogUid } from '../../src/core/db/legacyLogUid.ts';
import { buildApp, deploy, serve, tempDir } from './builds.ts';
import { expect, openApp, test, waitForServiceWorker, watchContext } from './fixtures.ts';

interface Dump {
  items: { id: string; active: boolean; fsrs: { reps: number } }[];
  logs: { id: number; itemId: string; reviewedAt: number; uid?: string }[];
  settings: unknown[];
}

async function dump(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const open = indexedDB.open('vaktaal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<never[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as never[]);
      });
    const result = { items: await all('items'), logs: await all('logs'), settings: await all('settings') };
    db.close();
    return result;
  });
}

test('a database written by schema version 1 opens in the current app: every item and log row survives', async ({ page }) => {
  const fixture = JSON.parse(readFileSync('tests/unit/fixtures/db-v1.json', 'utf8')) as Dump & { deckSync: unknown[] };
  // Same origin, but not the app: write the version-1 database exactly as Dexie 1.x-schema created it.
  await page.goto('/decks/index.json');
  await page.evaluate(async (data) => {
    const request = indexedDB.open('vaktaal', 10); // Dexie stores schema version n as 10·n
    request.onupgradeneeded = () => {
      const db = request.result;
      const items = db.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('deckId', 'deckId');
      items.createIndex('cardKey', 'cardKey');
      items.createIndex('[deckId+due]', ['deckId', 'due']);
      items.createIndex('[deckId+newRank]', ['deckId', 'newRank']);
      const logs = db.createObjectStore('logs', { keyPath: 'id', autoIncrement: true });
      logs.createIndex('itemId', 'itemId');
      logs.createIndex('reviewedAt', 'reviewedAt');
      logs.createIndex('deckId', 'deckId');
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('deckSync', { keyPath: 'id' });
    };
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['items', 'logs', 'settings', 'deckSync'], 'readwrite');
    for (const row of data.items) tx.objectStore('items').put(row);
    for (const row of data.logs) tx.objectStore('logs').put(row);
    for (const row of data.settings) tx.objectStore('settings').put(row);
    for (const row of data.deckSync) tx.objectStore('deckSync').put(row);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, fixture);

  await openApp(page);
  const after = await dump(page);
  expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'vaktaal')?.version)).toBeGreaterThan(10);
  for (const item of fixture.items) expect(after.items.map((i) => i.id)).toContain(item.id);
  // Every row kept as it was, now with the identity the upgrade derives for rows written without one.
  expect(after.logs.map(({ uid: _uid, ...row }) => row)).toEqual(fixture.logs);
  const occurrence = new Map<string, number>();
  const expectedUids = fixture.logs.map((row) => {
    const key = `${row.itemId}@${row.reviewedAt}`;
    const n = occurrence.get(key) ?? 0;
    occurrence.set(key, n + 1);
    return legacyLogUid(row, n);
  });
  expect(after.logs.map((row) => row.uid)).toEqual(expectedUids);
  // The settings made under version 1 are in force.
  await page.getByRole('link', { name: 'Instellingen' }).click();
  const newPerDay = (fixture.settings as { key: string; value: unknown }[]).find((s) => s.key === 'newPerDay')?.value;
  if (newPerDay !== undefined) await expect(page.getByLabel('Nieuwe woorden per dag')).toHaveValue(String(newPerDay));
});

const deckV1 = `id: proef
title: Proefpakket
department: Proef
level: B1
cards:
  - term: loket
    article: het
    definition: De plaats waar een bezoeker geholpen wordt.
    example: U kunt terecht aan het {loket}.
  - term: aanvraag
    article: de
    definition: Een vraag om iets te krijgen.
    example: Uw {aanvraag} is goedgekeurd.
  - term: attest
    article: het
    definition: Een papier dat iets officieel bevestigt.
    example: U krijgt een {attest} mee.
`;
// A typo fixed in "aanvraag" (same id), "attest" removed, the order changed.
const deckV2 = `id: proef
title: Proefpakket
department: Proef
level: B1
cards:
  - term: aanvraag
    article: de
    definition: Een vraag aan de stad om iets te krijgen.
    example: Uw {aanvraag} werd goedgekeurd.
  - term: loket
    article: het
    definition: De plaats waar een bezoeker geholpen wordt.
    example: U kunt terecht aan het {loket}.
`;

test('a deck rebuilt with a changed, a removed and reordered cards: history follows the cards, and comes back with them', async ({
  browser,
}) => {
  // Three builds of the app (about 20–40 s each on a loaded 2-core machine) run inside this test.
  test.setTimeout(300_000);
  const root = tempDir('rebuild');
  const builds = ['v1', 'v2', 'v3'].map((v) => join(root, v));
  const contents = [deckV1, deckV2, deckV1];
  contents.forEach((text, i) => {
    const content = join(root, `content-${i}`, 'decks', 'proef');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'proef.deck.yaml'), text);
    buildApp(join(root, `content-${i}`), builds[i]!);
  });
  const served = join(root, 'served');
  deploy(builds[0]!, served);
  const server = serve(served);
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const checkContext = watchContext(context, server.url);
    const page = await context.newPage();
    await expect(async () => {
      await openApp(page);
    }).toPass({ timeout: 20_000 });
    await page.getByRole('checkbox', { name: /Proefpakket/ }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < 3; i++) {
      await expect(page.getByTestId('exercise')).toHaveAttribute('data-turn', String(i));
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    await expect(page.getByTestId('summary')).toBeVisible();
    const v1 = await dump(page);
    const reps = (d: Dump, id: string) => d.items.find((i) => i.id === id)!;

    // Deploy v2 and accept the update.
    async function update(to: string) {
      await waitForServiceWorker(page);
      deploy(to, served);
      await page.goto('/');
      await waitForServiceWorker(page);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const banner = page.getByRole('status').filter({ hasText: 'nieuwe versie' });
      await expect(banner).toBeVisible({ timeout: 20_000 });
      await banner.getByRole('button', { name: 'Bijwerken' }).click();
      await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
    }
    await update(builds[1]!);
    await expect(page.getByText('2 kaarten', { exact: false })).toBeVisible();
    const v2 = await dump(page);
    expect(reps(v2, 'proef/aanvraag/recognise').fsrs).toEqual(reps(v1, 'proef/aanvraag/recognise').fsrs);
    expect(reps(v2, 'proef/aanvraag/recognise').active).toBe(true);
    expect(reps(v2, 'proef/attest/recognise').active).toBe(false);
    expect(reps(v2, 'proef/attest/recognise').fsrs).toEqual(reps(v1, 'proef/attest/recognise').fsrs);
    expect(v2.logs).toEqual(v1.logs);

    await update(builds[2]!);
    await expect(page.getByText('3 kaarten', { exact: false })).toBeVisible();
    const v3 = await dump(page);
    expect(reps(v3, 'proef/attest/recognise').active).toBe(true);
    expect(reps(v3, 'proef/attest/recognise').fsrs).toEqual(reps(v1, 'proef/attest/recognise').fsrs);
    expect(v3.logs).toEqual(v1.logs);
    checkContext();
    await context.close();
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
