import { displayTerm, type Card } from '../../src/core/content/model.ts';
import { fold } from '../../src/core/content/text.ts';
import { EXERCISE_KINDS, kindsForCard, type ExerciseKind } from '../../src/core/exercises/kinds.ts';
import { expectNoAxeViolations } from './axe.ts';
import { answerCurrent, builtDecks, expect, openApp, test } from './fixtures.ts';

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
  await expect(
    page
      .getByTestId('glossary-hit')
      .filter({ hasText: displayTerm(withEnglish.card) })
      .first(),
  ).toBeVisible();

  await box.fill(withPlain.card.plain!);
  await expect(
    page
      .getByTestId('glossary-hit')
      .filter({ hasText: displayTerm(withPlain.card) })
      .first(),
  ).toBeVisible();

  const phrase = withPlain.card.definition.split(' ').slice(0, 4).join(' ');
  await box.fill(phrase);
  await expect(
    page
      .getByTestId('glossary-hit')
      .filter({ hasText: displayTerm(withPlain.card) })
      .first(),
  ).toBeVisible();

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

test('one typo still finds the word ("schepencolege"), and "Oefen dit woord" practises just its exercises, easy kinds first', async ({
  page,
}) => {
  const found = all.find(({ card }) => card.alternatives.some((a) => fold(a) === 'schepencollege'));
  if (!found) throw new Error('no card with the alternative schepencollege in the build');
  const { deck, card } = found;
  await openApp(page, '/words');
  const box = page.getByRole('searchbox', { name: 'Zoek een woord' });
  await box.pressSequentially('schepencolege', { delay: 10 });
  const hit = page.getByTestId('glossary-hit').first();
  await expect(hit.getByRole('heading', { level: 2 })).toHaveText(displayTerm(card));
  await expect(hit.getByTestId('glossary-typo')).toHaveText('· bijna: één letter verschilt van je zoekwoord');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `glossary with a typo hit, ${scheme}`);
  }

  // The exact word ranks before words one typo away.
  await box.fill('schepencollege');
  await expect(page.getByTestId('glossary-hit').first().getByRole('heading', { level: 2 })).toHaveText(displayTerm(card));
  await expect(page.getByTestId('glossary-hit').first().getByTestId('glossary-typo')).toHaveCount(0);

  const practise = page.getByTestId('glossary-hit').first().getByRole('button', { name: 'Oefen dit woord' });
  await expect(practise).toHaveAccessibleDescription(displayTerm(card));
  await practise.click();
  await expect(page).toHaveURL(/\/practice$/);
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toBeVisible();
  // Only this word, its kinds in the order EXERCISE_KINDS introduces them (recognise first).
  const kinds: string[] = [];
  for (let i = 0; i < 20 && (await exercise.isVisible()); i++) {
    await expect(exercise).toHaveAttribute('data-card', card.id);
    await expect(exercise).toHaveAttribute('data-deck', deck.id);
    const kind = (await exercise.getAttribute('data-kind'))!;
    if (!kinds.includes(kind)) kinds.push(kind);
    await answerCurrent(page, decks, { grade: 4 });
  }
  await expect(page.getByTestId('summary')).toBeVisible();
  const possible = kindsForCard(card, deck);
  expect(kinds[0]).toBe('recognise');
  expect(kinds.length).toBeGreaterThanOrEqual(3);
  expect(kinds.every((k) => possible.includes(k as ExerciseKind))).toBe(true);
  expect(kinds).toEqual([...kinds].sort((a, b) => EXERCISE_KINDS.indexOf(a as ExerciseKind) - EXERCISE_KINDS.indexOf(b as ExerciseKind)));
});
