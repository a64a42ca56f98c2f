import { readFileSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DrillSet } from '../../src/core/drills/drillModel.ts';
import { DAY_ONE_DECK_ID, departmentsOf } from '../../src/core/settings/firstRun.ts';
import { builtDecks, deckCheckbox, expect, openApp, test } from './fixtures.ts';
import { download } from './data.ts';
import { component, contentLines, unescapeText } from './ics.ts';
import { msg, type Lang } from './messages.ts';

/** A trainee's phone: 390×844, touch. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const decks = builtDecks();
const dayOne = decks.find((d) => d.id === DAY_ONE_DECK_ID)!;
/** A department of its own decks (not the day-one deck's), with the most decks: the ticks to check. */
const department = departmentsOf(decks)
  .filter((dep) => dep !== dayOne.department)
  .sort((a, b) => decks.filter((d) => d.department === b).length - decks.filter((d) => d.department === a).length)[0]!;
const ticked = [dayOne, ...decks.filter((d) => d.department === department)];

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

const menu = (page: Page, lang: Lang) => page.getByRole('navigation', { name: msg(lang, 'nav.label') });

/** The menu is a tab bar: at the bottom edge, full width, every tab at least 44 px each way. */
async function expectTabBar(page: Page, lang: Lang) {
  const bar = menu(page, lang);
  await expect(bar).toBeVisible();
  const box = (await bar.boundingBox())!;
  expect(Math.abs(box.y + box.height - 844), 'at the bottom edge').toBeLessThan(1);
  expect(box.width).toBeGreaterThan(388);
  const tabs = await bar.getByRole('link').all();
  expect(tabs.length).toBeGreaterThanOrEqual(5);
  for (const tab of tabs) {
    const t = (await tab.boundingBox())!;
    expect(t.height, await tab.innerText()).toBeGreaterThanOrEqual(44);
    expect(t.width, await tab.innerText()).toBeGreaterThanOrEqual(44);
    expect(t.y).toBeGreaterThanOrEqual(box.y);
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`first run in Arabic on a phone (${scheme}): department → decks ticked → Start → practice without the tab bar → back → tab bar`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    // The welcome, in the browser's language (nl-BE), with no menu yet.
    await expect(page.getByRole('heading', { level: 1, name: msg('nl', 'welcome.title') })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expectNoViolations(page, 'welcome (nl)');

    // Each language is offered in its own language; Arabic turns the screen right to left at once.
    for (const name of ['Nederlands', 'English', 'Français', 'العربية', 'Українська', 'Türkçe'])
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'welcome.title') })).toBeVisible();
    await expect(page.getByRole('button', { name: 'العربية', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // The department: its decks and the day-one deck are what Start will tick.
    await page.getByLabel(msg('ar', 'welcome.department')).selectOption(department);
    await expect(page.getByTestId('welcome-decks').getByRole('listitem')).toHaveText(ticked.map((d) => d.title));
    await expectNoViolations(page, 'welcome (ar, department chosen)');

    // Start goes straight into a session: no tab bar, and Stop leads out.
    await page.getByRole('button', { name: msg('ar', 'welcome.start') }).click();
    await expect(page).toHaveURL(/\/practice$/);
    await expect(page.getByTestId('exercise')).toBeVisible();
    await expect(menu(page, 'ar')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Vaktaal', exact: true })).toBeVisible();
    const exercise = page.getByTestId('exercise');
    const deckOfExercise = await exercise.getAttribute('data-deck');
    if (deckOfExercise) expect(ticked.map((d) => d.id)).toContain(deckOfExercise);
    if ((await exercise.getAttribute('data-kind')) === 'recognise') {
      // The grade buttons: clear of the screen's edges, also scrolled to the very end of the page.
      await page.keyboard.press('Space');
      const grades = page.getByRole('group', { name: msg('ar', 'grade.label') });
      await expect(grades).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const g = (await grades.boundingBox())!;
      expect(g.x).toBeGreaterThanOrEqual(12);
      expect(g.x + g.width).toBeLessThanOrEqual(390 - 12);
      expect(844 - (g.y + g.height), 'room under the grade buttons').toBeGreaterThanOrEqual(16);
    }
    await page.getByRole('button', { name: msg('ar', 'practice.stop') }).click();

    // Back on Today: the tab bar, the chosen decks ticked (and no other), Start ready, no "0 days in a row".
    await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'today.title') })).toBeVisible();
    await expectTabBar(page, 'ar');
    for (const deck of decks) {
      const box = deckCheckbox(page, deck.title);
      if (ticked.includes(deck)) await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
    }
    await expect(page.getByRole('button', { name: msg('ar', 'today.start') })).toBeEnabled();
    await expect(page.getByTestId('streak')).toHaveText(msg('ar', 'today.streakStart'));
    await expect(page.getByText(msg('ar', 'today.streak', { count: 0 }))).toHaveCount(0);
    // The last item of Today is not hidden behind the tab bar: the page scrolls it above the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastDeck = (await deckCheckbox(page, decks.at(-1)!.title).locator('xpath=ancestor::label').boundingBox())!;
    expect(lastDeck.y + lastDeck.height).toBeLessThanOrEqual((await menu(page, 'ar').boundingBox())!.y);
    await expectNoViolations(page, 'today with the tab bar (ar)');

    // The choice is kept: a reload opens Today in Arabic, no welcome.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: msg('ar', 'today.title') })).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await expect(deckCheckbox(page, dayOne.title)).toBeChecked();
  });
}

test('the welcome can be skipped: Today as before, nothing ticked, in Dutch; a first-day line instead of "0 days in a row"', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByRole('button', { name: msg('nl', 'welcome.skip') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg('nl', 'today.title') })).toBeVisible();
  // The focus moves on to the screen that replaced the welcome.
  await expect(page.getByRole('main')).toBeFocused();
  await expectTabBar(page, 'nl');
  for (const deck of decks) await expect(deckCheckbox(page, deck.title)).not.toBeChecked();
  await expect(page.getByTestId('streak')).toHaveText(msg('nl', 'today.streakStart'));
  await expect(page.getByText(/\b0 dagen\b/)).toHaveCount(0);
  await expectNoViolations(page, 'today with the tab bar (nl)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: msg('nl', 'today.title') })).toBeVisible();
});

test('the daily reminder: an .ics file for the calendar, daily at the chosen time, 15 minutes, titled in the UI language', async ({
  page,
}) => {
  await openApp(page);
  // To Settings through the tab bar, then Arabic (the title comes in the UI language).
  await menu(page, 'nl')
    .getByRole('link', { name: msg('nl', 'nav.settings') })
    .click();
  await page.getByLabel(msg('nl', 'settings.language')).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const time = page.getByLabel(msg('ar', 'settings.reminderTime'));
  // Typed the way a keyboard fills a time field: hours, then minutes (the browser's locale is 24-hour).
  await time.focus();
  await page.keyboard.type('0745');
  await expect(time).toHaveValue('07:45');
  const file = await download(page, msg('ar', 'settings.reminderDownload'));
  expect(file.name).toMatch(/\.ics$/);
  await expect(page.getByRole('status').filter({ hasText: msg('ar', 'settings.reminderDone') })).toBeVisible();

  // Read strictly: CRLF line ends and no line over 75 octets, or contentLines throws.
  const lines = contentLines(file.text);
  const event = component(lines, 'VEVENT');
  expect(event.get('UID')?.value).toBeTruthy();
  expect(event.get('DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
  const start = event.get('DTSTART')!;
  expect(start.value).toMatch(/^\d{8}T074500$/);
  expect(start.params.TZID === undefined || start.params.TZID.length > 0).toBe(true);
  const today = new Date();
  expect(start.value.slice(0, 8)).toBe(
    `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`,
  );
  expect(event.get('RRULE')?.value).toBe('FREQ=DAILY');
  expect(event.get('DURATION')?.value).toBe('PT15M');
  expect(unescapeText(event.get('SUMMARY')!.value)).toBe(msg('ar', 'settings.reminderTitle'));
  await expectNoViolations(page, 'settings with the reminder (ar)');

  // The time is kept for next time.
  await page.reload();
  await expect(page.getByLabel(msg('ar', 'settings.reminderTime'))).toHaveValue('07:45');
});

test('a typed answer and its feedback stay above the on-screen keyboard; a drill session has no tab bar', async ({ page }) => {
  const dir = `${process.env.PW_OUTDIR ?? 'dist'}/drills`;
  const sets = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as DrillSet);
  const set = sets.find((s) => s.items[0]?.kind === 'gap')!;
  await openApp(page);
  await menu(page, 'nl')
    .getByRole('link', { name: msg('nl', 'nav.write') })
    .click();
  await page.getByRole('button', { name: `Oefen „${set.title}”` }).click();
  await expect(page.getByTestId('exercise')).toHaveAttribute('data-kind', 'gap');
  await expect(menu(page, 'nl')).toBeHidden();
  const input = page.getByLabel(msg('nl', 'produce.inputLabel'));
  await input.focus();

  // The keyboard comes up: the visual viewport shrinks to its top 444 px (what a phone reports).
  const visible = 444;
  await page.evaluate((height) => {
    const viewport = window.visualViewport!;
    Object.defineProperty(viewport, 'height', { configurable: true, get: () => height });
    viewport.dispatchEvent(new Event('resize'));
  }, visible);
  await page.keyboard.type('xyz');
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toBeVisible();
  // The answer box and the whole feedback under it are in the part the keyboard leaves free.
  await expect(async () => {
    const i = (await input.boundingBox())!;
    const f = (await feedback.boundingBox())!;
    expect(i.y).toBeGreaterThanOrEqual(0);
    expect(f.y + f.height).toBeLessThanOrEqual(visible);
  }).toPass();
  // A way out remains: Stop.
  await expect(page.getByRole('button', { name: msg('nl', 'practice.stop') })).toBeVisible();
});
