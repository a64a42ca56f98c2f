import { answerCurrent, builtDecks, chooseDeck, deckCheckbox, expect, openApp, test } from './fixtures.ts';
import { download, idbCount, idbRows } from './data.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';

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

async function practise(page: import('@playwright/test').Page, count: number) {
  await openApp(page);
  await chooseDeck(page, first.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < count; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText(String(count));
}

async function snapshot(page: import('@playwright/test').Page) {
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
  await page.getByLabel('Kies een pakketbestand').setInputFiles({ name: 'eigen.deck.yaml', mimeType: 'application/yaml', buffer: Buffer.from(OWN_DECK) });
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${own.title}” toegevoegd`);

  await page.goto('/backup');
  await expect(page.getByTestId('last-backup')).toHaveText('Je hebt op dit toestel nog geen back-up gemaakt.');
  const exported = await download(page, 'Back-up downloaden');
  expect(exported.name).toMatch(/^vaktaal-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(exported.text);
  expect(backup).toMatchObject({ format: 'vaktaal-backup', version: 1, schemaVersion: 2 });
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
  await page.getByLabel('Kies een back-upbestand').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect(page.getByTestId('backup-preview')).toContainText('Antwoorden: 4.');
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
  await page.getByLabel('Kies een back-upbestand').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.getByRole('button', { name: 'Alles vervangen door deze back-up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alles vervangen?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await snapshot(page)).toEqual(before);
  await page.getByRole('button', { name: 'Alles vervangen door deze back-up' }).click();
  await dialog.getByRole('button', { name: 'Ja, vervang alles' }).click();
  await expect(page.getByTestId('backup-imported')).toContainText('Back-up teruggezet. Antwoorden: 1.');
  expect((await snapshot(page)).logs).toEqual(before.logs);
});
