import type { Page } from '@playwright/test';
import type { Card, Deck } from '../../src/core/content/model.ts';
import { answerCurrent, builtDecks, cardOf, chooseDeck, expect, expectedAnswer, openApp, test } from './fixtures.ts';

const decks = builtDecks();
const DAY = 24 * 3600 * 1000;
const NEW_CARDS = 8;

/** The deck (and its first cards, the ones introduced on day 1) that can show a kind. */
function deckFor(need: (c: Card) => boolean): Deck {
  const deck = decks.find((d) => d.cards.slice(0, NEW_CARDS).some(need) && d.cards.length >= 4);
  if (!deck) throw new Error('no deck has cards for this exercise kind');
  return deck;
}

/** Day 1: meet the first cards of a deck (recognise, Easy). Day 2: only `kind` is switched on. */
async function reachKind(page: Page, deck: Deck, kind: string, setup?: () => Promise<void>) {
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await setup?.();
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill(String(NEW_CARDS));
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByLabel('Begin met een opwarmer').uncheck();
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  while (!(await page.getByTestId('summary').isVisible())) await answerCurrent(page, decks, { grade: 4 });

  await page.clock.setFixedTime(new Date(start.getTime() + DAY));
  await page.goto('/settings');
  const others = ['Zelf schrijven', 'Zin aanvullen', 'De of het', 'Meerkeuze', 'Klare taal', 'Luisteren'];
  for (const name of others) {
    const box = page.getByRole('checkbox', { name, exact: true });
    if ((await box.isChecked()) !== (name === kind)) await box.click();
  }
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toBeVisible();
  // Recognising is always on and a session mixes kinds: today's new words come in between,
  // so answer those until the known words' first exercise of this kind is on screen.
  for (let turn = 0; turn < 40 && (await exercise.getAttribute('data-kind')) !== KIND_IDS[kind]; turn++) {
    await answerCurrent(page, decks, { grade: 3 });
  }
  return exercise;
}

const KIND_IDS: Record<string, string> = {
  'Zelf schrijven': 'produce',
  'Zin aanvullen': 'cloze',
  'De of het': 'article',
  Meerkeuze: 'choice',
  'Klare taal': 'plain',
  Luisteren: 'listen',
};

async function currentCard(page: Page) {
  const exercise = page.getByTestId('exercise');
  return cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
}

test('cloze: the example with a gap; the form the sentence needs is accepted', async ({ page }) => {
  const deck = deckFor((c) => !!c.example);
  const exercise = await reachKind(page, deck, 'Zin aanvullen');
  const turn = Number(await exercise.getAttribute('data-turn'));
  await expect(exercise).toHaveAttribute('data-kind', 'cloze');
  await expect(page.getByTestId('prompt')).toContainText('_____');
  const card = await currentCard(page);
  const gap = expectedAnswer(card, 'cloze');
  await expect(page.getByTestId('prompt')).not.toContainText(gap);
  await page.keyboard.type(gap);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  await expect(page.getByTestId('feedback')).toContainText('Juist');
  await page.keyboard.press('Enter');
  await expect(exercise).toHaveAttribute('data-turn', String(turn + 1));
});

test('article: de or het with one key press, and the rule on a mistake', async ({ page }) => {
  const deck = deckFor((c) => !!c.article);
  const exercise = await reachKind(page, deck, 'De of het');
  const turn = Number(await exercise.getAttribute('data-turn'));
  await expect(exercise).toHaveAttribute('data-kind', 'article');
  const card = await currentCard(page);
  await page.keyboard.press(card.article === 'de' ? 'h' : 'd');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'wrong');
  await expect(page.getByTestId('feedback')).toContainText('Niet juist');
  await expect(page.getByTestId('expected')).toHaveText(card.article!);
  await expect(exercise).toContainText(`Onthoud: ${card.article} ${card.term}.`);
  await page.keyboard.press('Enter');
  await expect(exercise).toHaveAttribute('data-turn', String(turn + 1));
  if ((await exercise.getAttribute('data-kind')) === 'article') {
    const next = await currentCard(page);
    await page.keyboard.press(next.article === 'de' ? 'd' : 'h');
    await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  }
});

test('multiple choice: four options from the same deck, keys 1–4', async ({ page }) => {
  const deck = deckFor(() => true);
  const exercise = await reachKind(page, deck, 'Meerkeuze');
  await expect(exercise).toHaveAttribute('data-kind', 'choice');
  const card = await currentCard(page);
  const options = exercise.getByRole('group').getByRole('button');
  await expect(options).toHaveCount(4);
  const labels = (await options.locator('span[lang="nl"]').allTextContents()).map((l) => l.trim());
  const deckTerms = new Set(deck.cards.map((c) => (c.article ? `${c.article} ${c.term}` : c.term)));
  expect(labels.every((l) => deckTerms.has(l))).toBe(true);
  expect(labels.filter((l) => l === expectedAnswer(card, 'choice'))).toHaveLength(1);
  for (const alt of card.alternatives) expect(labels).not.toContain(alt);
  await page.keyboard.press(String(labels.indexOf(expectedAnswer(card, 'choice')) + 1));
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  await expect(page.getByTestId('feedback')).toContainText('Juist');
});

test('plain language: the jargon term → its klare-taal alternative', async ({ page }) => {
  const deck = deckFor((c) => !!c.plain);
  const exercise = await reachKind(page, deck, 'Klare taal');
  const turn = Number(await exercise.getAttribute('data-turn'));
  await expect(exercise).toHaveAttribute('data-kind', 'plain');
  const card = await currentCard(page);
  await expect(page.getByTestId('prompt')).toContainText(card.term);
  const options = exercise.getByRole('group').getByRole('button');
  const labels = (await options.locator('span[lang="nl"]').allTextContents()).map((l) => l.trim());
  expect(labels).toContain(card.plain);
  expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
  // A wrong choice: marked wrong, the plain alternative is shown.
  await page.keyboard.press(String(labels.findIndex((l) => l !== card.plain) + 1));
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'wrong');
  await expect(page.getByTestId('expected')).toHaveText(card.plain!);
  await page.keyboard.press('Enter');
  await expect(exercise).toHaveAttribute('data-turn', String(turn + 1));
});

test('listen: a voice speaks the term (stubbed only when the browser has none); type what you hear', async ({ page }) => {
  const deck = deckFor(() => true);
  const hasDutchVoice = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const check = () => speechSynthesis.getVoices().some((v) => v.localService && v.lang.toLowerCase().startsWith('nl'));
        if (check()) return resolve(true);
        speechSynthesis.addEventListener('voiceschanged', () => resolve(check()), { once: true });
        setTimeout(() => resolve(check()), 1000);
      }),
  );
  const exercise = await reachKind(page, deck, 'Luisteren', async () => {
    if (hasDutchVoice) return;
    await page.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      const voice = { name: 'Test Vlaams', lang: 'nl-BE', localService: true, default: true, voiceURI: 'test-nl-be' };
      class Utterance extends EventTarget {
        voice: unknown = null;
        lang = '';
        rate = 1;
        constructor(public text: string) {
          super();
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: Object.assign(new EventTarget(), {
          getVoices: () => [voice],
          speak: (u: Utterance) => spoken.push(u.text),
          cancel: () => undefined,
        }),
      });
    });
  });
  await expect(exercise).toHaveAttribute('data-kind', 'listen');
  const card = await currentCard(page);
  await expect(page.getByTestId('play').first()).toBeEnabled();
  if (!hasDutchVoice && !card.audio) {
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken))
      .toContain(expectedAnswer(card, 'listen'));
  }
  await page.keyboard.type(expectedAnswer(card, 'listen').replace(/\S$/, ''));
  await page.keyboard.press('Enter');
  // One letter short: a typo in a long word is "almost", a short word is wrong; either way it is explained.
  await expect(page.getByTestId('feedback')).toBeVisible();
  await expect(page.getByTestId('expected')).toHaveText(expectedAnswer(card, 'listen'));
});

test('listen without any voice: only cards with a recording are offered, and the recording plays', async ({ page }) => {
  const deck = decks.find((d) => d.cards.slice(0, NEW_CARDS).some((c) => c.audio))!;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const exercise = await reachKind(page, deck, 'Luisteren', async () => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', {
        value: Object.assign(new EventTarget(), { getVoices: () => [], speak: () => undefined, cancel: () => undefined }),
      });
    });
  });
  await expect(exercise).toHaveAttribute('data-kind', 'listen');
  const turn = Number(await exercise.getAttribute('data-turn'));
  const card = await currentCard(page);
  expect(card.audio).toBeTruthy();
  await expect.poll(() => requests.some((p) => p === `/audio/${card.audio}`)).toBe(true);
  await page.keyboard.type(expectedAnswer(card, 'listen'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  await page.keyboard.press('Enter');
  // No other listen exercise: the other cards have no recording and there is no voice.
  await expect(exercise).toHaveAttribute('data-turn', String(turn + 1));
  await expect(exercise).toHaveAttribute('data-kind', 'recognise');
  await expect(exercise.getByTestId('play')).toBeDisabled();
  await expect(exercise.getByTestId('play')).toHaveAccessibleName('Geen Nederlandse stem beschikbaar op dit toestel');
});

test('produce: an article mistake gets its own explanation', async ({ page }) => {
  const deck = deckFor((c) => !!c.article && c.term.length >= 6 && !c.term.includes(' '));
  const exercise = await reachKind(page, deck, 'Zelf schrijven');
  let card = await currentCard(page);
  // Find a typed exercise on a noun with a long one-word term (skip others with a correct answer).
  const wanted = async () =>
    (await exercise.getAttribute('data-kind')) === 'produce' && !!card.article && card.term.length >= 6 && !card.term.includes(' ');
  for (let i = 0; i < 3 * NEW_CARDS && !(await wanted()); i++) {
    await answerCurrent(page, decks);
    card = await currentCard(page);
  }
  const turn = Number(await exercise.getAttribute('data-turn'));
  const wrongArticle = card.article === 'de' ? 'het' : 'de';
  await page.keyboard.type(`${wrongArticle} ${card.term}`);
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-reason', 'article');
  await expect(page.getByTestId('explanation')).toHaveText(`Let op het lidwoord: het is ${card.article} ${card.term}.`);
  await page.keyboard.press('Enter');
  await expect(exercise).toHaveAttribute('data-turn', String(turn + 1));
});

test('match pairs: a warm-up with five known words before the session', async ({ page }) => {
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  const deck = decks[0]!;
  await openApp(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Nieuwe woorden per dag').fill('6');
  await page.getByLabel('Nieuwe woorden per dag').press('Tab');
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  while (!(await page.getByTestId('summary').isVisible())) await answerCurrent(page, decks, { grade: 4 });

  // Weeks later the words are due again: the session opens with the warm-up.
  await page.clock.setFixedTime(new Date(start.getTime() + 40 * DAY));
  await page.goto('/practice');
  await expect(page.getByRole('heading', { name: 'Opwarmer: koppel de woorden' })).toBeVisible();
  const terms = page.getByRole('group', { name: 'Woorden' }).getByRole('button');
  await expect(terms).toHaveCount(5);
  const definitions = page.getByRole('group', { name: 'Betekenissen' }).getByRole('button');
  const byTerm = new Map(deck.cards.map((c) => [c.article ? `${c.article} ${c.term}` : c.term, c.definition]));
  // One wrong pair first: it is named, nothing is matched.
  const firstTerm = (await terms.first().textContent())!.trim();
  await terms.first().click();
  const wrong = definitions.filter({ hasNotText: byTerm.get(firstTerm)! }).first();
  await wrong.click();
  await expect(page.getByTestId('match-status')).toContainText(`Dat is niet de betekenis van ${firstTerm}`);
  for (let i = 0; i < 5; i++) {
    const term = terms.nth(i);
    const label = (await term.textContent())!.trim();
    await term.focus();
    await page.keyboard.press('Enter');
    const definition = definitions.filter({ hasText: byTerm.get(label)! });
    await definition.focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('match-status')).toHaveText('Alles gekoppeld. Goed gedaan!');
  await page.getByRole('button', { name: 'Verder naar de oefeningen' }).click();
  await expect(page.getByTestId('exercise')).toBeVisible();
});
