import type { Page } from '@playwright/test';
import { BACKUP_VERSION } from '../../src/core/db/backup.ts';
import { SCHEMA_VERSION } from '../../src/core/db/database.ts';
import { answerCurrent, builtDecks, chooseDeck, deckCheckbox, expect, openApp, test } from './fixtures.ts';
import { download, idbCount, idbRows } from './data.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { createScheduler, replay } from '../../src/core/srs/scheduler.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings.ts';

const decks = builtDecks();
const first = [...decks].sort((a, b) => a.department.localeCompare(b.department, 'nl'))[0]!;

const OWN_DECK = `id: e2e-eigen-pakket
title: Eigen pakket van de dienst
department: Testdienst
cards:
  - term: wachtnummer
    article: het
    definition: Het nummer dat je krijgt als je aan het loket wacht.
    example: Neem eerst een {wachtnummer} aan de ingang.
    translations: { en: queue number, fr: numéro d'attente }
  - term: afspraak
    article: de
    definition: Een vast moment waarop je bij de dienst langskomt.
    example: Maak online een {afspraak} voor je nieuwe identiteitskaart.
    translations: { en: appointment, fr: rendez-vous }
`;

async function practise(page: Page, count: number) {
  await openApp(page);
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < count; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText(String(count));
}

async function snapshot(page: Page) {
  return {
    items: await idbRows(page, 'items'),
    logs: await idbRows(page, 'logs'),
    settings: await idbRows(page, 'settings'),
    importedDecks: await idbRows(page, 'importedDecks'),
  };
}

test('export → delete all → import → the same state', async ({ page }) => {
  await practise(page, 4);
  // A deck added in the app belongs in the backup too.
  const own = parseDeckFile('eigen.deck.yaml', OWN_DECK).deck!;
  await page.goto('/import');
  await page
    .getByLabel('Kies een pakketbestand')
    .setInputFiles({ name: 'eigen.deck.yaml', mimeType: 'application/yaml', buffer: Buffer.from(OWN_DECK) });
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${own.title}” toegevoegd`);

  await page.goto('/backup');
  await expect(page.getByTestId('last-backup')).toHaveText('Je hebt op dit toestel nog geen back-up gemaakt.');
  const exported = await download(page, 'Back-up downloaden');
  expect(exported.name).toMatch(/^vaktaal-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(exported.text);
  expect(backup).toMatchObject({ format: 'vaktaal-backup', version: BACKUP_VERSION, schemaVersion: SCHEMA_VERSION });
  expect(Date.parse(backup.createdAt)).toBeGreaterThan(0);
  expect(backup.data.logs).toHaveLength(4);
  expect(backup.data.importedDecks.map((d: { id: string }) => d.id)).toEqual([own.id]);
  await expect(page.getByTestId('last-backup')).toContainText('Laatste back-up');

  // Delete everything, after a confirmation.
  await page.getByRole('button', { name: 'Alle gegevens wissen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alles wissen?' });
  await expect(dialog).toContainText('antwoorden: 4');
  await dialog.getByRole('button', { name: 'Ja, wis alles' }).click();
  await expect(page.getByTestId('deleted')).toHaveText('Al je gegevens zijn van dit toestel gewist.');
  expect(await idbCount(page, 'logs')).toBe(0);
  expect(await idbCount(page, 'importedDecks')).toBe(0);
  expect(await idbCount(page, 'settings')).toBe(0);

  // Restore: checked first (a preview), then merged.
  await page
    .getByLabel('Kies een back-upbestand')
    .setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect(page.getByTestId('backup-preview')).toContainText('Antwoorden: 4, van ');
  await page.getByRole('button', { name: 'Samenvoegen met mijn voortgang' }).click();
  await expect(page.getByTestId('backup-imported')).toContainText('Back-up samengevoegd. Antwoorden toegevoegd: 4.');

  // Exporting again gives exactly the same data.
  const again = await download(page, 'Back-up downloaden');
  expect(JSON.parse(again.text).data).toEqual(backup.data);

  await page.getByRole('link', { name: 'Vandaag' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('4');
  await expect(deckCheckbox(page, first.title)).toBeChecked();
  await expect(deckCheckbox(page, own.title)).toBeVisible();
});

test('a corrupt, newer or foreign file is refused whole with a clear message, and nothing changes', async ({ page }) => {
  await practise(page, 2);
  await page.goto('/backup');
  const exported = await download(page, 'Back-up downloaden');
  const before = await snapshot(page);
  const backup = JSON.parse(exported.text);
  const input = page.getByLabel('Kies een back-upbestand');
  const refused = page.getByTestId('backup-refused');
  const files: [string, string, string][] = [
    ['kapot.json', exported.text.slice(0, Math.floor(exported.text.length / 2)), 'Het bestand is beschadigd of onvolledig.'],
    ['nieuw.json', JSON.stringify({ ...backup, version: 99 }), 'nieuwere versie van Vaktaal (bestandsversie 99'],
    ['schema.json', JSON.stringify({ ...backup, schemaVersion: 99 }), 'databankversie 99'],
    ['rapport.json', JSON.stringify({ format: 'vaktaal-report', version: 1 }), 'Dit is geen back-up van Vaktaal.'],
    [
      'aangepast.json',
      JSON.stringify({ ...backup, data: { ...backup.data, logs: [{ ...backup.data.logs[0], rating: 9 }] } }),
      'de waarde bij data.logs[0].rating klopt niet',
    ],
  ];
  for (const [name, text, message] of files) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(refused).toContainText('Deze back-up wordt niet ingelezen. Er is niets veranderd.');
    await expect(refused).toContainText(message);
    await expect(page.getByTestId('backup-preview')).toHaveCount(0);
  }
  expect(await snapshot(page)).toEqual(before);
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('2');
});

test('storage: asks for persistence, shows the space used, and reminds to back up', async ({ page }) => {
  await openApp(page, '/backup');
  await expect(page.getByTestId('usage')).toContainText('In gebruik:');
  const status = page.getByTestId('persisted');
  await expect(status).not.toBeEmpty();
  const ask = page.getByRole('button', { name: 'Vraag om blijvende opslag' });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(page.getByText(/Gelukt: je gegevens worden blijvend bewaard|De browser weigert \(nog\) blijvende opslag/)).toBeVisible();
  }
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await page.goto('/progress');
  await expect(page.getByTestId('backup-reminder')).toHaveCount(persisted ? 0 : 1);
});

test('replace asks for confirmation first; cancelling changes nothing', async ({ page }) => {
  await practise(page, 1);
  await page.goto('/backup');
  const exported = await download(page, 'Back-up downloaden');
  const before = await snapshot(page);
  await page
    .getByLabel('Kies een back-upbestand')
    .setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.getByRole('button', { name: 'Alles vervangen door deze back-up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alles vervangen?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await snapshot(page)).toEqual(before);
  await page.getByRole('button', { name: 'Alles vervangen door deze back-up' }).click();
  await dialog.getByRole('button', { name: 'Ja, vervang alles' }).click();
  await expect(page.getByTestId('backup-imported')).toContainText(/^Back-up teruggezet\. Woorden geoefend: 1\. Antwoorden: 1\.$/);
  expect((await snapshot(page)).logs).toEqual(before.logs);
});

test('two tabs grade the same card in the same millisecond: both answers survive backup → delete all → restore, once each', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // Both tabs run on one frozen clock, so both answers carry exactly the same moment.
  const moment = new Date();
  moment.setHours(12, 0, 0, 0);
  await page.clock.setFixedTime(moment);
  await openApp(page);
  await chooseDeck(page, first.title);
  const other = await context.newPage();
  await other.clock.setFixedTime(moment);
  await openApp(other);
  for (const tab of [page, other]) await tab.getByRole('button', { name: 'Start' }).click();
  const card = async (tab: Page) =>
    `${await tab.getByTestId('exercise').getAttribute('data-card')}/${await tab.getByTestId('exercise').getAttribute('data-kind')}`;
  expect(await card(other)).toBe(await card(page));
  for (const tab of [page, other]) await answerCurrent(tab, decks, { grade: 4 });
  await other.close();

  type Row = { uid: string; itemId: string; reviewedAt: number; rating: 1 | 2 | 3 | 4; id?: number };
  const logs = await idbRows<Row>(page, 'logs');
  expect(logs).toHaveLength(2);
  expect(logs[0]!.itemId).toBe(logs[1]!.itemId);
  expect(logs[0]!.reviewedAt).toBe(logs[1]!.reviewedAt);
  expect(new Set(logs.map((l) => l.uid)).size).toBe(2);
  const itemId = logs[0]!.itemId;
  const scheduler = createScheduler({ retention: DEFAULT_SETTINGS.retention });
  const storedItem = async () => (await idbRows<{ id: string; fsrs: unknown }>(page, 'items')).find((i) => i.id === itemId)!;
  const before = await storedItem();
  expect(replay(scheduler, logs)).toEqual(before.fsrs);

  await page.goto('/backup');
  const exported = await download(page, 'Back-up downloaden');
  for (const mode of ['Alles vervangen door deze back-up', 'Samenvoegen met mijn voortgang']) {
    await page.getByRole('button', { name: 'Alle gegevens wissen' }).click();
    await page.getByRole('dialog', { name: 'Alles wissen?' }).getByRole('button', { name: 'Ja, wis alles' }).click();
    await expect(page.getByTestId('deleted')).toBeVisible();
    expect(await idbCount(page, 'logs')).toBe(0);
    await page
      .getByLabel('Kies een back-upbestand')
      .setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect(page.getByTestId('backup-preview')).toBeVisible();
    await page.getByRole('button', { name: mode }).click();
    if (mode.startsWith('Alles vervangen')) {
      await page.getByRole('dialog', { name: 'Alles vervangen?' }).getByRole('button', { name: 'Ja, vervang alles' }).click();
    }
    await expect(page.getByTestId('backup-imported')).toBeVisible();
    const restored = await idbRows<Row>(page, 'logs');
    expect(restored.map((l) => l.uid).sort()).toEqual(logs.map((l) => l.uid).sort());
    expect((await storedItem()).fsrs).toEqual(before.fsrs);
    expect(replay(scheduler, restored)).toEqual(before.fsrs);
    await page.reload();
  }
});
