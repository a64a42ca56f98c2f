import { displayTerm, type Card } from '../../src/core/content/model.ts';
import { fold } from '../../src/core/content/text.ts';
import { builtDecks, expect, openApp, test } from './fixtures.ts';

const decks = builtDecks();
const all = decks.flatMap((deck) => deck.cards.map((card) => ({ deck, card })));
// A word with a diacritic shows that "financien" finds "financiën"; any word will do if none has one.
const accented = all.find(({ card }) => fold(card.term) !== card.term.toLowerCase()) ?? all[0]!;

const gapOf = (card: Card) => card.example?.match(/\{([^{}]+)\}/)?.[1];

test('search as you type, ignoring case and diacritics; the result has article, definition, example, play and deck', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Woorden' }).click();
  const box = page.getByRole('searchbox', { name: 'Zoek een woord' });
  await expect(page.getByTestId('glossary-count')).toHaveText(`${all.length} woorden in alle pakketten.`);

  const { deck, card } = accented;
  await box.pressSequentially(fold(card.term).toUpperCase(), { delay: 10 });
  const hit = page.getByTestId('glossary-hit').first();
  await expect(hit.getByRole('heading', { level: 2 })).toHaveText(displayTerm(card));
  await expect(hit).toContainText(`Pakket: ${deck.title}`);
  await expect(hit).toContainText(card.definition);
  if (card.example) {
    // The {gap} is emphasised, never shown with its braces.
    await expect(hit.locator('strong')).toHaveText(gapOf(card)!);
    await expect(hit).not.toContainText('{');
  }
  const play = hit.getByTestId('play');
  await expect(play).toBeVisible();
  if (await play.isDisabled()) await expect(play).toHaveAccessibleName('Geen Nederlandse stem beschikbaar op dit toestel');
  else await expect(play).toHaveAccessibleName(`Beluister „${card.term}”`);
  await expect(page).toHaveURL(/\/words\?q=/);
});

test('finds words by translation, plain language and definition, and says when nothing matches', async ({ page }) => {
  const withPlain = all.find(({ card }) => card.plain)!;
  const withEnglish = all.find(({ card }) => card.translations.en && card.translations.en.length > 6)!;
  await openApp(page, '/words');
  const box = page.getByRole('searchbox', { name: 'Zoek een woord' });

  await box.fill(withEnglish.card.translations.en!);
  await expect(page.getByTestId('glossary-hit').filter({ hasText: displayTerm(withEnglish.card) }).first()).toBeVisible();

  await box.fill(withPlain.card.plain!);
  await expect(page.getByTestId('glossary-hit').filter({ hasText: displayTerm(withPlain.card) }).first()).toBeVisible();

  const phrase = withPlain.card.definition.split(' ').slice(0, 4).join(' ');
  await box.fill(phrase);
  await expect(page.getByTestId('glossary-hit').filter({ hasText: displayTerm(withPlain.card) }).first()).toBeVisible();

  await box.fill('qqxyzzy');
  await expect(page.getByTestId('glossary-count')).toHaveText('Geen woorden gevonden voor „qqxyzzy”.');
  await expect(page.getByTestId('glossary-hit')).toHaveCount(0);
});

test('a search link opens with its results, also in English', async ({ page }) => {
  const { card } = accented;
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal van de app').selectOption('en');
  // The choice is stored before the UI switches: wait for it before leaving the page.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goto(`/words?q=${encodeURIComponent(card.term)}`);
  await expect(page.getByRole('searchbox', { name: 'Search for a word' })).toHaveValue(card.term);
  await expect(page.getByTestId('glossary-hit').first().getByRole('heading', { level: 2 })).toHaveText(displayTerm(card));
  if (card.translations.en) await expect(page.getByTestId('glossary-hit').first()).toContainText(card.translations.en);
});
