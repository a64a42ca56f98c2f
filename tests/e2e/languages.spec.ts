import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Deck } from '../../src/core/content/model.ts';
import { builtDecks, cardOf, chooseDeck, displayTerm, expect, expectedAnswer, openApp, test, watchContext } from './fixtures.ts';
import { LANGS, MESSAGES, msg, type Lang } from './messages.ts';

/**
 * The six UI languages in the built app: switching, the browser's language on a first visit,
 * Arabic laid out right to left, and a practice session in Arabic and in French (Dutch content
 * stays Dutch; card translations show in the UI language when the deck has them).
 * Every expected text is read from the translation files, never hard-coded.
 */

/** The main menu's keys, in menu order, as the route table declares them. */
const NAV_KEYS = [...readFileSync('src/ui/routes.ts', 'utf8').matchAll(/nav: '([^']+)'/g)].map((m) => m[1]!);

const decks = builtDecks();
/** A deck whose every card has a French translation. */
const frenchDeck = decks.find((d) => d.cards.length >= 4 && d.cards.every((c) => c.translations.fr))!;

async function goToSettings(page: Page, lang: Lang) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: msg(lang, 'nav.settings') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'settings.title') })).toBeVisible();
}

async function switchLanguage(page: Page, from: Lang, to: Lang) {
  await page.getByLabel(msg(from, 'settings.language')).selectOption(to);
  await expect(page.getByRole('heading', { level: 1, name: msg(to, 'settings.title') })).toBeVisible();
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, locator.toString()).not.toBeNull();
  return b!;
}

/** Where the text of an element actually is (not its block box), and how it is aligned. */
function textLayout(locator: Locator) {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const own = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      textLeft: text.left,
      textRight: text.right,
      boxLeft: own.left,
      boxRight: own.right,
      align: style.textAlign,
      direction: style.direction,
    };
  });
}

/**
 * Answers the exercise on screen by keyboard, in any UI language: Space then a grade for a flip
 * card, the right answer for a typed or chosen one. Returns the kind answered.
 */
async function answerCurrent(page: Page, lang: Lang, all: Deck[], grade: 1 | 2 | 3 | 4 = 3): Promise<string> {
  const exercise = page.getByTestId('exercise');
  const turn = Number(await exercise.getAttribute('data-turn'));
  const kind = (await exercise.getAttribute('data-kind'))!;
  if (kind === 'recognise') {
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: msg(lang, 'grade.label') })).toBeVisible();
    await page.keyboard.press(String(grade));
  } else {
    const card = cardOf(all, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
    const answer = expectedAnswer(card, kind);
    const input = exercise.getByRole('textbox');
    if (await input.isVisible()) {
      await input.fill(answer);
      await input.press('Enter');
    } else {
      const options = exercise.getByRole('group').getByRole('button');
      const labels = (await options.locator('span[lang="nl"]').allTextContents()).map((l) => l.trim());
      const index = labels.indexOf(answer);
      expect(index, `option "${answer}" among ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.press((await options.nth(index).locator('kbd').textContent())!.trim());
    }
    await expect(page.getByTestId('feedback')).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await expect(async () => {
    const summary = await page.getByTestId('summary').isVisible();
    const next = summary ? turn + 1 : Number(await exercise.getAttribute('data-turn', { timeout: 500 }));
    expect(next).toBeGreaterThan(turn);
  }).toPass();
  return kind;
}

test('switching to each of the six languages translates the UI and sets lang and dir on <html>', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: msg('nl', 'today.title') })).toBeVisible();
  await goToSettings(page, 'nl');
  let current: Lang = 'nl';
  for (const lang of [...LANGS.slice(1), 'nl'] as Lang[]) {
    await switchLanguage(page, current, lang);
    current = lang;
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    // The main menu, in menu order, in this language.
    const menu = page.getByRole('navigation', { name: msg(lang, 'nav.label') });
    await expect(menu.getByRole('link')).toHaveText(NAV_KEYS.map((k) => msg(lang, k)));
    await expect(page.getByLabel(msg(lang, 'settings.newPerDay'))).toBeVisible();
    // Another screen, reached through the translated menu.
    await menu.getByRole('link', { name: msg(lang, 'nav.today') }).click();
    await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'today.title') })).toBeVisible();
    await expect(page.getByRole('button', { name: msg(lang, 'today.start') })).toBeVisible();
    await expect(page.getByText(msg(lang, 'today.chooseDecks'))).toBeVisible();
    // Deck titles are Dutch content and stay Dutch in every UI language.
    await expect(page.getByRole('checkbox', { name: new RegExp(decks[0]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    await goToSettings(page, lang);
  }
});

test('the chosen language is kept after a reload, right-to-left included', async ({ page }) => {
  await openApp(page, '/settings');
  await switchLanguage(page, 'nl', 'ar');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'settings.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByLabel(msg('ar', 'settings.language'))).toHaveValue('ar');
});

for (const [locale, expected] of [
  ['fr-BE', 'fr'],
  ['ar-MA', 'ar'],
  ['uk-UA', 'uk'],
  ['tr-TR', 'tr'],
  ['en-GB', 'en'],
  ['de-DE', 'nl'],
] as const) {
  test(`first visit with the browser in ${locale}: the app opens in ${expected === 'nl' ? 'Dutch, the default' : expected}`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ locale, baseURL: baseURL! });
    const check = watchContext(context, new URL(baseURL!).origin);
    const page = await context.newPage();
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1, name: msg(expected, 'today.title') })).toBeVisible();
    await expect(page.getByRole('navigation', { name: msg(expected, 'nav.label') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page.locator('html')).toHaveAttribute('dir', expected === 'ar' ? 'rtl' : 'ltr');
    // The settings show the language that was picked.
    await page.goto('/settings');
    await expect(page.getByLabel(msg(expected, 'settings.language'))).toHaveValue(expected);
    await context.close();
    check();
  });
}

test('Arabic lays out right to left: the header and menu start at the right edge, text aligns to the start side', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: 'ar', baseURL: baseURL! });
  const check = watchContext(context, new URL(baseURL!).origin);
  const page = await context.newPage();

  const layout = async (lang: Lang) => {
    const header = await box(page.locator('header.top'));
    const brand = await box(page.getByRole('link', { name: 'Vaktaal', exact: true }));
    const menu = page.getByRole('navigation', { name: msg(lang, 'nav.label') });
    const nav = await box(menu);
    const items = await Promise.all(NAV_KEYS.map((k) => box(menu.getByRole('link', { name: msg(lang, k) }))));
    return { header, brand, nav, items };
  };

  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'today.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  const rtl = await layout('ar');
  // The header starts at the right: the app name hugs the right edge, the menu follows to its left.
  expect(rtl.header.x + rtl.header.width - (rtl.brand.x + rtl.brand.width)).toBeLessThan(24);
  expect(rtl.brand.x - rtl.header.x).toBeGreaterThan(rtl.header.width / 2);
  expect(rtl.nav.x + rtl.nav.width).toBeLessThanOrEqual(rtl.brand.x);
  // The menu itself runs right to left: its first item (Today) at its right edge, each next one further left.
  expect(Math.abs(rtl.items[0]!.x + rtl.items[0]!.width - (rtl.nav.x + rtl.nav.width))).toBeLessThan(2);
  for (let i = 1; i < rtl.items.length; i++) expect(rtl.items[i]!.x, `menu item ${i}`).toBeLessThan(rtl.items[i - 1]!.x);

  // Text aligns to the start side (the right), by logical alignment rather than a fixed left/right.
  for (const locator of [page.getByRole('heading', { level: 1 }), page.getByText(msg('ar', 'today.chooseDecks'))]) {
    const text = await textLayout(locator);
    expect(text.direction).toBe('rtl');
    expect(['start', '-webkit-auto', 'right']).toContain(text.align);
    expect(text.boxRight - text.textRight, 'text at the right edge').toBeLessThan(2);
    expect(text.textLeft - text.boxLeft, 'room on the left').toBeGreaterThan(50);
  }

  // The skip link appears at the start side (right) when focused by keyboard.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: msg('ar', 'nav.skip') });
  await expect(skip).toBeFocused();
  const viewport = page.viewportSize()!;
  const skipBox = await box(skip);
  expect(skipBox.x).toBeGreaterThan(viewport.width / 2);

  // The same page in Dutch is the mirror image.
  await page.goto('/settings');
  await switchLanguage(page, 'ar', 'nl');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: msg('nl', 'nav.today') })
    .click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const ltr = await layout('nl');
  expect(ltr.brand.x - ltr.header.x).toBeLessThan(24);
  expect(ltr.nav.x).toBeGreaterThanOrEqual(ltr.brand.x + ltr.brand.width);
  for (let i = 1; i < ltr.items.length; i++) expect(ltr.items[i]!.x, `menu item ${i}`).toBeGreaterThan(ltr.items[i - 1]!.x);
  const text = await textLayout(page.getByRole('heading', { level: 1 }));
  expect(text.textLeft - text.boxLeft).toBeLessThan(2);

  await context.close();
  check();
});

test('a practice session in Arabic: Arabic UI and plural forms, Dutch content stays Dutch and left to right', async ({ page }) => {
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page, '/settings');
  await switchLanguage(page, 'nl', 'ar');
  await page.getByLabel(msg('ar', 'settings.newPerDay')).fill('1');
  await page.getByLabel(msg('ar', 'settings.newPerDay')).press('Tab');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: msg('ar', 'nav.today') })
    .click();
  await chooseDeck(page, frenchDeck.title);
  await page.getByRole('button', { name: msg('ar', 'today.start') }).click();

  // Day 1: one new word, met as a flip card.
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'recognise');
  await expect(exercise).toHaveAccessibleName(msg('ar', 'kinds.recognise'));
  const first = cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
  const prompt = exercise.getByTestId('prompt');
  await expect(prompt).toHaveAttribute('lang', 'nl');
  await expect(prompt).toContainText(displayTerm(first));
  expect(await prompt.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await expect(exercise.getByText(msg('ar', 'recognise.prompt'))).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: msg('ar', 'grade.label') })).toBeVisible();
  for (const g of ['again', 'hard', 'good', 'easy'])
    await expect(page.getByRole('button', { name: msg('ar', `grade.${g}`) })).toBeVisible();
  // The card's own Arabic translation (read from the built deck), marked as Arabic; the definition stays Dutch.
  await expect(page.getByTestId('definition')).toHaveAttribute('lang', 'nl');
  expect(first.translations.ar).toBeTruthy();
  await expect(page.getByTestId('translation').locator('[lang="ar"]')).toHaveText(first.translations.ar!);
  await expect(page.getByTestId('translation-fallback')).toHaveCount(0);
  await page.keyboard.press('3');
  for (let i = 0; i < 12 && !(await page.getByTestId('summary').isVisible()); i++) await answerCurrent(page, 'ar', decks);
  await expect(page.getByRole('heading', { name: msg('ar', 'practice.doneTitle') })).toBeVisible();
  // One new word: Arabic's own "one" form (no number), not the Dutch or English pattern.
  await expect(page.getByTestId('summary')).toContainText(msg('ar', 'practice.summaryNew', { count: 1 }));

  // Day 2: the word comes back, now also to be typed; checked and explained in Arabic.
  await page.clock.setFixedTime(new Date(start.getTime() + 24 * 3600 * 1000));
  await page.goto('/');
  await page.getByRole('button', { name: msg('ar', 'today.start') }).click();
  // "n exercises left" in the Arabic form for n (zero, one, two, few, many or other).
  const forms = new Intl.PluralRules('ar').resolvedOptions().pluralCategories.map((c) => MESSAGES.ar.get(`practice.remaining_${c}`)!);
  const anyForm = new RegExp(
    `^(${forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{count\\}\\}', '\\d+')).join('|')})$`,
  );
  const remaining = page.getByText(anyForm);
  await expect(remaining).toBeVisible();
  const left = (await remaining.textContent())!.trim();
  // With a number, the form must be the one Arabic uses for that number; without, it is the zero, one or two form.
  const digits = left.match(/\d+/)?.[0];
  const count = digits !== undefined ? Number(digits) : [0, 1, 2].find((c) => msg('ar', 'practice.remaining', { count: c }) === left);
  expect(count, left).toBeDefined();
  expect(left).toBe(msg('ar', 'practice.remaining', { count: count! }));
  // The word's kinds come easy to hard, one new kind a day: typing after the pick kinds.
  const input = page.getByRole('textbox', { name: msg('ar', 'produce.inputLabel') });
  for (let day = 2; day <= 8 && !(await input.isVisible()); day++) {
    if (day > 2) {
      await page.clock.setFixedTime(new Date(start.getTime() + (day - 1) * 24 * 3600 * 1000));
      await page.goto('/');
      await page.getByRole('button', { name: msg('ar', 'today.start') }).click();
      await expect(exercise.or(page.getByTestId('summary'))).toBeVisible();
    }
    for (let i = 0; i < 12 && !(await input.isVisible()) && (await exercise.isVisible()); i++) await answerCurrent(page, 'ar', decks);
  }
  await expect(input).toBeVisible();
  await expect(input).toHaveAttribute('lang', 'nl');
  expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await expect(exercise.getByText(msg('ar', 'produce.prompt'))).toBeVisible();
  await expect(exercise.getByTestId('prompt')).toHaveAttribute('lang', 'nl');
  const card = cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
  await input.fill('xyz');
  await input.press('Enter');
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-outcome', 'wrong');
  await expect(feedback).toContainText(msg('ar', 'feedback.wrong'));
  await expect(feedback).toContainText(msg('ar', 'feedback.expected'));
  const expected = page.getByTestId('expected');
  await expect(expected).toHaveAttribute('lang', 'nl');
  await expect(expected).toHaveText(displayTerm(card));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: msg('ar', 'practice.stop') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'today.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('a practice session in French shows the cards’ French translations; the Dutch stays Dutch', async ({ page }) => {
  await openApp(page, '/settings');
  await switchLanguage(page, 'nl', 'fr');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: msg('fr', 'nav.today') })
    .click();
  await chooseDeck(page, frenchDeck.title);
  await page.getByRole('button', { name: msg('fr', 'today.start') }).click();
  const exercise = page.getByTestId('exercise');
  for (let i = 0; i < 3; i++) {
    await expect(exercise).toHaveAttribute('data-kind', 'recognise');
    const card = cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
    await expect(exercise.getByTestId('prompt')).toHaveAttribute('lang', 'nl');
    await expect(exercise.getByTestId('prompt')).toContainText(displayTerm(card));
    await page.keyboard.press('Space');
    const translation = page.getByTestId('translation');
    await expect(translation).toHaveText(card.translations.fr!);
    await expect(translation).toHaveAttribute('lang', 'fr');
    await expect(page.getByText(msg('fr', 'card.translation'), { exact: true })).toBeVisible();
    await expect(page.getByTestId('definition')).toHaveAttribute('lang', 'nl');
    // Easy takes a new card straight out of the learning steps: the next exercise is another card.
    await page.keyboard.press('4');
    await expect(exercise).toHaveAttribute('data-turn', String(i + 1));
  }
  await page.getByRole('button', { name: msg('fr', 'practice.stop') }).click();
  await expect(page.getByTestId('done-count')).toHaveText('3');
  await expect(page.getByText(msg('fr', 'today.done'), { exact: true })).toBeVisible();
});
