import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { answerCurrent, builtDecks, chooseDeck, deckCheckbox, expect, openApp, test, waitForServiceWorker } from './fixtures.ts';
import { dropFiles, idbCount, idbRows } from './data.ts';
import { XSS_PAYLOADS, xssDeckYaml } from './xssPayloads.ts';

const VALID = `id: e2e-loket
title: Aan het loket
department: Testdienst
level: A2
description: Woorden die je aan het loket hoort.
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
  - term: uittreksel
    article: het
    definition: Een officieel papier met gegevens uit een register.
    example: Voor je sollicitatie heb je een {uittreksel} uit het strafregister nodig.
    translations: { en: extract, fr: extrait }
  - term: attest
    article: het
    definition: Een papier waarop de stad bevestigt dat iets klopt.
    example: Het {attest} van gezinssamenstelling vraag je online aan.
    translations: { en: certificate, fr: attestation }
`;

// Two mistakes a coach might make: a wrong article value and a misspelt field name.
const BROKEN = `id: e2e-kapot
title: Kapot pakket
cards:
  - term: balie
    article: den
    definition: De plaats waar je geholpen wordt.
  - term: loket
    article: het
    defintion: Het venster waar je geholpen wordt.
`;

const deck = parseDeckFile('loket.deck.yaml', VALID).deck!;
const yamlFile = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });

test('a file with errors is refused with line numbers in the UI language, and nothing is stored', async ({ page }) => {
  const expected = parseDeckFile('kapot.deck.yaml', BROKEN).problems;
  expect(expected.length).toBeGreaterThan(0);
  await openApp(page, '/import');
  await page.getByLabel('Kies een pakketbestand').setInputFiles(yamlFile('kapot.deck.yaml', BROKEN));
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('kapot.deck.yaml is niet toegevoegd');
  await expect(refused).toContainText('Er is niets bewaard.');
  for (const p of expected) await expect(refused).toContainText(`Regel ${p.line}, kolom ${p.column}`);
  await expect(refused).toContainText('„den” is niet toegestaan bij „article”. Kies uit: de, het.');
  await expect(refused).toContainText('Onbekend veld „defintion”. Bedoel je „definition”?');
  expect(await idbCount(page, 'importedDecks')).toBe(0);
  expect((await idbRows<{ deckId: string }>(page, 'items')).filter((i) => i.deckId === 'e2e-kapot')).toHaveLength(0);

  // The same in English.
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goto('/import');
  await page.getByLabel('Choose a deck file').setInputFiles(yamlFile('kapot.deck.yaml', BROKEN));
  await expect(refused).toContainText('Unknown field “defintion”. Did you mean “definition”?');
  await expect(refused).toContainText(`Line ${expected[0]!.line}`);
});

test('a deck id of a built-in deck is refused', async ({ page }) => {
  const builtIn = builtDecks()[0]!;
  await openApp(page, '/import');
  await page
    .getByLabel('Kies een pakketbestand')
    .setInputFiles(yamlFile('dubbel.deck.yaml', VALID.replace('id: e2e-loket', `id: ${builtIn.id}`)));
  await expect(page.getByTestId('import-refused')).toContainText(`Er bestaat al een ingebouwd pakket met de id „${builtIn.id}”`);
  expect(await idbCount(page, 'importedDecks')).toBe(0);
});

test('a valid deck is stored, practised like the others, and works offline', async ({ page, context }) => {
  await openApp(page, '/import');
  // Dragged in from the desktop this time.
  await dropFiles(page, [{ name: 'loket.deck.yaml', text: VALID, type: 'application/yaml' }]);
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${deck.title}” toegevoegd met ${deck.cardCount} kaarten`);
  await expect(page.getByTestId('imported-decks')).toContainText(deck.title);

  await page.getByRole('link', { name: 'Naar Vandaag' }).click();
  await expect(page.getByRole('heading', { name: deck.department, level: 3 })).toBeVisible();
  await chooseDeck(page, deck.title);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(deckCheckbox(page, deck.title)).toBeChecked();
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 3; i++) await answerCurrent(page, [deck], { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByTestId('done-count')).toHaveText('3');
  const logs = await idbRows<{ deckId: string }>(page, 'logs');
  expect(logs.filter((l) => l.deckId === deck.id)).toHaveLength(3);
});

test('a newer version keeps progress; removing the deck removes its progress after a confirmation', async ({ page }) => {
  await openApp(page, '/import');
  await page.getByLabel('Kies een pakketbestand').setInputFiles(yamlFile('loket.deck.yaml', VALID));
  await page.getByRole('link', { name: 'Naar Vandaag' }).click();
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  await answerCurrent(page, [deck], { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  const reviewed = (await idbRows<{ id: string; deckId: string; fsrs: { state: number } }>(page, 'items')).find(
    (i) => i.deckId === deck.id && i.fsrs.state !== 0,
  )!;

  // Version 2 of the deck: a definition fixed and the last card dropped.
  const v2 = VALID.replace('Een vast moment waarop', 'Een afgesproken moment waarop').replace(/ {2}- term: attest[\s\S]*$/, '');
  await page.goto('/import');
  await page.getByLabel('Kies een pakketbestand').setInputFiles(yamlFile('loket-v2.deck.yaml', v2));
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${deck.title}” bijgewerkt: nu ${deck.cardCount - 1} kaarten`);
  const after = (await idbRows<{ id: string; fsrs: unknown }>(page, 'items')).find((i) => i.id === reviewed.id);
  expect(after?.fsrs).toEqual(reviewed.fsrs);

  await page.getByRole('button', { name: `Pakket ${deck.title} verwijderen` }).click();
  const dialog = page.getByRole('dialog', { name: 'Pakket verwijderen?' });
  await expect(dialog).toContainText('antwoorden: 1');
  await dialog.getByRole('button', { name: 'Ja, verwijder het pakket' }).click();
  await expect(page.getByText(`Pakket „${deck.title}” en je voortgang erin zijn verwijderd.`)).toBeVisible();
  await expect(page.getByText('Je hebt nog geen pakketten toegevoegd.')).toBeVisible();
  expect((await idbRows<{ deckId: string }>(page, 'items')).filter((i) => i.deckId === deck.id)).toHaveLength(0);
  expect((await idbRows<{ deckId: string }>(page, 'logs')).filter((i) => i.deckId === deck.id)).toHaveLength(0);
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await expect(deckCheckbox(page, deck.title)).toHaveCount(0);
});

test('a CSV deck from a spreadsheet, picked with its meta file, is added', async ({ page }) => {
  const csv = [
    'term;article;definition;example;en;fr',
    ...deck.cards.map((c) => [c.term, c.article ?? '', c.definition, c.example ?? '', c.translations.en, c.translations.fr].join(';')),
  ].join('\n');
  const meta = 'id: e2e-csv\ntitle: Loket uit een rekenblad\ndepartment: Testdienst\n';
  const fromCsv = parseDeckFile('loket.csv', csv, { meta: { path: 'loket.meta.yaml', text: meta } }).deck!;
  await openApp(page, '/import');
  await page
    .getByLabel('Kies een pakketbestand')
    .setInputFiles([{ name: 'loket.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, yamlFile('loket.meta.yaml', meta)]);
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${fromCsv.title}” toegevoegd met ${fromCsv.cardCount} kaarten`);
  await expect(page.getByTestId('import-refused')).toHaveCount(0);
  await page.getByRole('link', { name: 'Naar Vandaag' }).click();
  await expect(deckCheckbox(page, fromCsv.title)).toBeVisible();
});

test('an imported deck full of script payloads stays inert: import, words, progress and report show it as text', async ({ page }) => {
  page.on('dialog', (d) => void d.dismiss());
  const text = xssDeckYaml('e2e-xss-import');
  const xss = parseDeckFile('xss.deck.yaml', text).deck!;
  await openApp(page, '/import');
  await page.getByLabel('Kies een pakketbestand').setInputFiles(yamlFile('xss.deck.yaml', text));
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${xss.title}” toegevoegd met ${XSS_PAYLOADS.length} kaarten`);
  // A broken file whose values carry payloads: the problem messages quote them, as text.
  await page
    .getByLabel('Kies een pakketbestand')
    .setInputFiles(
      yamlFile(
        'kapot.deck.yaml',
        'id: x\ntitle: X\ncards:\n  - term: a\n    article: "<img src=x onerror=window.__xss=1>"\n    definition: b\n',
      ),
    );
  await expect(page.getByTestId('import-refused')).toContainText('„<img src=x onerror=window.__xss=1>” is niet toegestaan');

  // Every card of the deck on screen, with definition, example, plain, alternatives and translation.
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goto('/words?q=uitleg');
  const fromDeck = page.getByTestId('glossary-hit').filter({ hasText: `Deck: ${xss.title}` });
  await expect(fromDeck.first()).toBeVisible();
  expect(await fromDeck.count()).toBeGreaterThan(XSS_PAYLOADS.length / 2);
  await expect(fromDeck.first()).toContainText('en <');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('App language').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Instellingen', level: 1 })).toBeVisible();
  await page.goto('/');
  await chooseDeck(page, xss.title);
  await page.goto('/progress');
  await expect(page.getByTestId('deck-words')).toContainText(xss.title);
  await page.goto('/report');
  await expect(page.getByTestId('report')).toContainText(xss.title);
  expect(await page.locator('main script, main img, main iframe, main object, main embed, main a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('"edit this card" in a session of an added deck opens that card in the studio; built-in decks have no such button', async ({
  page,
}) => {
  const deck = parseDeckFile('loket.deck.yaml', VALID).deck!;
  await openApp(page, '/import');
  await page.getByLabel('Kies een pakketbestand').setInputFiles(yamlFile('loket.deck.yaml', VALID));
  await expect(page.getByTestId('import-results')).toContainText(`Pakket „${deck.title}” toegevoegd`);
  await openApp(page);
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  // Move one card on, so the card to edit is not simply the deck's first.
  await answerCurrent(page, builtDecks().concat(deck), { grade: 4 });
  const cardId = (await exercise.getAttribute('data-card'))!;
  const card = deck.cards.find((c) => c.id === cardId)!;
  await page.getByRole('button', { name: 'Deze kaart bewerken in de studio' }).click();
  await expect(page).toHaveURL(/\/studio\/edit\?draft=.+&card=/);
  const form = page.getByRole('region', { name: 'De gekozen kaart' });
  await expect(form.getByRole('textbox', { name: 'Term', exact: true })).toHaveValue(card.term);

  // A built-in deck is the app's own: copied in the studio, not edited from a session.
  await openApp(page);
  await deckCheckbox(page, deck.title).uncheck();
  const builtIn = builtDecks()[0]!;
  await chooseDeck(page, builtIn.title);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(exercise).toHaveAttribute('data-deck', builtIn.id);
  await expect(page.getByRole('button', { name: 'Deze kaart bewerken in de studio' })).toHaveCount(0);
});
