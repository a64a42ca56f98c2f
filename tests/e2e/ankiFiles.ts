/**
 * What the import e2e tests feed the app: Anki packages written by the unit tests' builder
 * (tests/unit/ankiFixtures.ts, Anki's own schema and proto files), the two real AnkiDroid test
 * packages copied into tests/unit/fixtures/anki-test-decks, and text exports. Expected texts are
 * read back from these files here (with fflate and sql.js, not with the converter), so no answer
 * is hard-coded and none comes from the code under test.
 */
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { loadSql, referencePath } from '../unit/ankiFixtures.ts';
import { builtDecks } from './fixtures.ts';
import { msg } from './messages.ts';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const picked = (name: string, bytes: Uint8Array | string, mimeType = 'application/octet-stream'): PickedFile => ({
  name,
  mimeType,
  buffer: Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
});

export const realPackage = (name: string): PickedFile => picked(name, readFileSync(referencePath(name)));

export interface PackageNote {
  guid: string;
  noteType: string;
  /** Fields as the package stores them (HTML). */
  fields: string[];
}

/** The notes of a schema-11 package (collection.anki2), read with sql.js: what a coach sees in Anki's browser. */
export async function packageNotes(bytes: Uint8Array): Promise<PackageNote[]> {
  const files = unzipSync(bytes);
  const collection = files['collection.anki21'] ?? files['collection.anki2'];
  if (!collection) throw new Error('no schema-11 collection in this package');
  const SQL = await loadSql();
  const db = new SQL.Database(collection);
  try {
    const models = JSON.parse(String(db.exec('select models from col')[0]!.values[0]![0])) as Record<string, { name: string }>;
    const rows = db.exec('select guid, mid, flds from notes order by id')[0]?.values ?? [];
    return rows.map(([guid, mid, flds]) => ({
      guid: String(guid),
      noteType: models[String(mid)]?.name ?? '',
      fields: String(flds).split('\x1f'),
    }));
  } finally {
    db.close();
  }
}

/** The import screen's file picker. */
export const chooser = (page: Page, lang: Parameters<typeof msg>[0] = 'nl') => page.getByLabel(msg(lang, 'deckImport.choose'));

/** The note type fieldset of the mapping step with this name. */
export const noteType = (page: Page, name: string): Locator =>
  page.getByTestId('note-type').filter({ has: page.locator('legend', { hasText: new RegExp(`^${escape(name)}$`) }) });

/** The select of field `name` in a note type fieldset. */
export const roleOf = (type: Locator, name: string): Locator => type.getByLabel(name, { exact: true });

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every row of every object store the app keeps (IndexedDB 'vaktaal'), by store. */
export async function storedRows(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('vaktaal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      out[name] = await new Promise((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
      });
    }
    db.close();
    return out;
  });
}

const builtIn = new Set(builtDecks().map((d) => d.id));

/** What an import may add: decks, recordings, review items of decks that are not built in, and logs. */
export async function deckData(page: Page): Promise<{ decks: number; recordings: number; items: number; logs: number }> {
  const rows = await storedRows(page);
  return {
    decks: rows.importedDecks?.length ?? 0,
    recordings: rows.recordings?.length ?? 0,
    items: ((rows.items ?? []) as { deckId: string }[]).filter((i) => !builtIn.has(i.deckId)).length,
    logs: rows.logs?.length ?? 0,
  };
}

export interface StoredCard {
  id: string;
  term: string;
  article?: string;
  definition: string;
  example?: string;
  audio?: string;
}
export interface StoredDeck {
  id: string;
  title: string;
  cards: StoredCard[];
}

export async function storedDecks(page: Page): Promise<StoredDeck[]> {
  const rows = (await storedRows(page)).importedDecks as { deck: StoredDeck }[];
  return rows.map((r) => r.deck);
}

/** Play calls of every audio element, with the element, so a test can see that the sound loaded. */
export async function recordPlays(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const w = window as unknown as { played: HTMLMediaElement[] };
    w.played = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      w.played.push(this);
      return play.call(this);
    };
  });
}

/** The sources played so far, each with whether the browser decoded it (metadata read, no media error). */
export function plays(page: Page): Promise<{ src: string; decoded: boolean; error: number | null }[]> {
  return page.evaluate(() =>
    (window as unknown as { played: HTMLMediaElement[] }).played.map((el) => ({
      src: el.currentSrc || el.src,
      decoded: el.readyState >= 1 && el.duration > 0,
      error: el.error?.code ?? null,
    })),
  );
}

/** Today: only this deck chosen, then start. */
export async function startWith(page: Page, title: string, lang: Parameters<typeof msg>[0] = 'nl'): Promise<void> {
  await page.goto('/');
  const boxes = page.getByRole('checkbox', { name: new RegExp(`^${escape(title)}(\\s|$)`) });
  await expect(boxes).toBeVisible();
  for (const box of await page.locator('.department').getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  await boxes.check();
  await page.getByRole('button', { name: msg(lang, 'today.start') }).click();
  const warmup = page.getByTestId('match-end');
  await expect(page.getByTestId('exercise').or(warmup)).toBeVisible();
  if (await warmup.isVisible()) await warmup.click();
  await expect(page.getByTestId('exercise')).toBeVisible();
}
