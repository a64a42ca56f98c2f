import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Card } from '../../src/core/content/model.ts';
import { answerCurrent, builtDecks, cardOf, chooseDeck, expect, openApp, test } from './fixtures.ts';
import { download, reviewedItems } from './data.ts';
import { msg } from './messages.ts';

/**
 * Issue 14's phone defects: Dutch in right-to-left cards, the cloze hint, glossary results, dates
 * in the browser's region, the restore preview, the progress screen in words, and the no-voice
 * note. Expected texts come from the translation files and the built decks.
 */
const decks = builtDecks();
const DAY = 24 * 3600 * 1000;
const phone = { width: 390, height: 844 };

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

/** Where an element's text lies within its own box (the text's extent, not the block's). */
const textEdges = (l: Locator) =>
  l.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { right: box.right - text.right, left: text.left - box.left, direction: getComputedStyle(el).direction };
  });

/** No speech voice at all (a phone without a Dutch voice). */
const noVoices = () =>
  Object.defineProperty(window, 'speechSynthesis', {
    value: Object.assign(new EventTarget(), { getVoices: () => [], speak: () => undefined, cancel: () => undefined }),
  });

test('Arabic UI: the Dutch of a card is isolated left to right and aligned with the Arabic labels (right)', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: 'ar', baseURL: baseURL!, viewport: phone });
  const page = await context.newPage();
  await openApp(page);
  await chooseDeck(page, decks[0]!.title);
  await page.getByRole('button', { name: msg('ar', 'today.start') }).click();
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'recognise');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('definition')).toBeVisible();
  const dutch = exercise.locator('p[lang="nl"], dd[lang="nl"]');
  expect(await dutch.count()).toBeGreaterThanOrEqual(2);
  for (const block of await dutch.all()) {
    const edges = await textEdges(block);
    expect(edges.direction, 'Dutch keeps its direction').toBe('ltr');
    expect(edges.right, `Dutch "${await block.textContent()}" ends at the right edge like the labels`).toBeLessThan(2);
  }
  for (const label of await exercise.locator('dt').all()) expect((await textEdges(label)).right).toBeLessThan(2);
  await expectNoViolations(page, 'rtl practice');
  await context.close();
});

test('the cloze hint keeps a space around its separator (English UI, with a translation)', async ({ page }) => {
  const deck = decks.find((d) => d.cards.slice(0, 3).every((c) => c.example && c.translations.en))!;
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page, '/settings');
  await page.getByLabel(msg('nl', 'settings.language')).selectOption('en');
  await page.getByLabel(msg('en', 'settings.newPerDay')).fill('3');
  await page.getByLabel(msg('en', 'settings.newPerDay')).press('Tab');
  await page.getByLabel(msg('en', 'settingsExercises.warmup')).uncheck();
  await page.goto('/');
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: msg('en', 'today.start') }).click();
  while (!(await page.getByTestId('summary').isVisible())) await answerCurrent(page, decks, { grade: 4 });
  // The next day, cloze only.
  await page.clock.setFixedTime(new Date(start.getTime() + DAY));
  await page.goto('/settings');
  for (const kind of ['produce', 'cloze', 'article', 'choice', 'plain', 'listen']) {
    const box = page.getByRole('checkbox', { name: msg('en', `kinds.${kind}`), exact: true });
    if ((await box.isChecked()) !== (kind === 'cloze')) await box.click();
  }
  await page.goto('/');
  await page.getByRole('button', { name: msg('en', 'today.start') }).click();
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'cloze');
  const card = cardOf(decks, (await exercise.getAttribute('data-deck'))!, (await exercise.getAttribute('data-card'))!);
  const hint = page.getByTestId('cloze-hint');
  const expected = `${msg('en', 'cloze.hint', { definition: card.definition })} · ${card.translations.en}`;
  expect((await hint.innerText()).replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' '));
  await expect(hint.locator('[lang="nl"]')).toHaveText(card.definition);
});

test('a glossary result is compact: a typical full card takes at most 40% of a phone screen, the fullest half', async ({ page }) => {
  await page.setViewportSize(phone);
  const full = decks
    .flatMap((d) => d.cards)
    .filter((c) => c.example && c.plain && c.translations.en)
    .sort((a, b) => size(a) - size(b));
  await openApp(page, '/settings');
  await page.getByLabel(msg('nl', 'settings.language')).selectOption('en');
  for (const [card, share] of [
    // A typical card: at most 40% of the screen, with its row of buttons (play, practise this word).
    [full[Math.floor(full.length / 2)]!, 0.4],
    [full.at(-1)!, 1 / 2],
  ] as const) {
    await page.goto(`/words?q=${encodeURIComponent(card.term)}`);
    const hit = page
      .getByTestId('glossary-hit')
      .filter({ has: page.getByRole('heading', { level: 2, name: card.term }) })
      .first();
    await expect(hit).toContainText(card.definition);
    await expect(hit).toContainText(card.plain!);
    await expect(hit).toContainText(card.translations.en!);
    expect((await hit.boundingBox())!.height, card.term).toBeLessThan(phone.height * share);
  }
});
const size = (c: Card) => c.definition.length + (c.example?.length ?? 0) + (c.plain?.length ?? 0) + (c.translations.en?.length ?? 0);

test('dates follow the browser’s region: English on an en-GB browser reads "7 March 2026"', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-GB', baseURL: baseURL!, viewport: phone });
  const page = await context.newPage();
  const at = new Date(2026, 2, 7, 7, 57);
  await page.clock.install({ time: at });
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chooseDeck(page, decks[0]!.title);
  await page.getByRole('button', { name: msg('en', 'today.start') }).click();
  await answerCurrent(page, decks, { grade: 4 });
  await page.goto('/report');
  const report = page.getByTestId('report');
  await expect(report).toContainText(msg('en', 'report.made', { date: '7 March 2026' }));
  // Weeks are dates too: the week of Monday 2 March, never "2026-W10".
  await expect(report).toContainText(msg('en', 'dates.weekOf', { date: '2 March' }));
  await expect(report).not.toContainText('2026-W10');
  await page.goto('/backup');
  await page.getByRole('button', { name: msg('en', 'backup.download') }).click();
  await expect(page.getByTestId('last-backup')).toContainText('7 March 2026');
  await expect(page.getByTestId('last-backup')).toContainText('07:57');
  await context.close();
});

test('the restore preview says words, answers and dates, and comes into view with the focus', async ({ page }) => {
  await page.setViewportSize(phone);
  const deck = decks[0]!;
  await openApp(page);
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 3; i++) await answerCurrent(page, decks, { grade: 4 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  await page.goto('/backup');
  const file = await download(page, msg('nl', 'backup.download'));
  const data = JSON.parse(file.text).data as {
    items: { cardKey: string; deckId: string; active: boolean; fsrs: { state: number } }[];
    logs: { reviewedAt: number }[];
  };
  const words = new Set(data.items.filter((i) => i.active && !i.deckId.startsWith('drill:')).map((i) => i.cardKey));
  const practised = new Set(data.items.filter((i) => i.active && i.fsrs.state !== 0).map((i) => i.cardKey));
  const times = data.logs.map((l) => l.reviewedAt);
  const day = (t: number) => page.evaluate((ms) => new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long' }).format(ms), t);

  await page.reload();
  await page
    .getByLabel(msg('nl', 'backup.chooseFile'))
    .setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const preview = page.getByTestId('backup-preview');
  await expect(preview).toBeFocused();
  await expect(preview).toBeInViewport();
  await expect(page.getByTestId('backup-preview-words')).toHaveText(
    msg('nl', 'backup.previewWords', { practised: practised.size, words: words.size }),
  );
  await expect(page.getByTestId('backup-preview-answers')).toHaveText(
    msg('nl', 'backup.previewAnswers', { answers: times.length, from: await day(Math.min(...times)), to: await day(Math.max(...times)) }),
  );
  await expect(preview).not.toContainText(/Oefeningen/);
  await page.getByRole('button', { name: msg('nl', 'backup.merge') }).click();
  await expect(page.getByTestId('backup-imported')).toHaveText(msg('nl', 'backup.mergedWords', { logs: 0, words: 0 }));
});

test('progress in words: learned, being learned and to come, computed from the decks and the answers given', async ({ page }) => {
  await page.setViewportSize(phone);
  const deck = decks[0]!;
  await openApp(page);
  await chooseDeck(page, deck.title);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 4; i++) await answerCurrent(page, decks, { grade: 3 });
  await page.getByRole('button', { name: 'Stoppen' }).click();
  const answered = new Set((await reviewedItems(page)).map((i) => i.cardId));
  expect(answered.size).toBeGreaterThan(0);

  await page.goto('/progress');
  await expect(page.getByTestId('words-learned')).toHaveText('0');
  await expect(page.getByTestId('words-learning')).toHaveText(String(answered.size));
  await expect(page.getByTestId('words-to-come')).toHaveText(String(deck.cards.length - answered.size));
  await expect(page.getByTestId('words-cheer')).toHaveText(msg('nl', 'progress.cheerLearning'));
  const meter = page.getByRole('meter', { name: msg('nl', 'progress.deckLabel', { deck: deck.title }) });
  await expect(meter).toHaveAttribute('aria-valuemax', String(deck.cards.length));
  await expect(page.getByTestId('deck-words')).toContainText(
    msg('nl', 'progress.deckLine', { learned: 0, learning: answered.size, toCome: deck.cards.length - answered.size }),
  );
  // This week, as a date in the UI's language, with the words practised.
  const monday = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
    return new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long' }).format(d);
  });
  const week = page.getByTestId('progress-weeks').getByRole('row', { name: msg('nl', 'dates.weekOf', { date: monday }) });
  await expect(week).toContainText(String(answered.size));
  await expect(page.getByTestId('progress-weeks')).not.toContainText(/\d{4}-W\d\d/);

  // Every kind of one answered word made known for weeks (as months of practice would): it is learned.
  const [cardId] = [...answered];
  await page.evaluate(
    async ({ key }) => {
      const open = indexedDB.open('vaktaal');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const store = db.transaction('items', 'readwrite').objectStore('items');
      const rows: { cardKey: string; fsrs: { state: number; stability: number } }[] = await new Promise((resolve) => {
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result);
      });
      for (const row of rows.filter((r) => r.cardKey === key)) store.put({ ...row, fsrs: { ...row.fsrs, state: 2, stability: 30 } });
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
      db.close();
    },
    { key: `${deck.id}/${cardId}` },
  );
  await page.reload();
  await expect(page.getByTestId('words-learned')).toHaveText('1');
  await expect(page.getByTestId('words-learning')).toHaveText(String(answered.size - 1));
  await expect(page.getByTestId('words-cheer')).toHaveText(msg('nl', 'progress.cheerLearned'));
});

test('without a Dutch voice the screen says so and how to add one; the glossary says it once', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.addInitScript(noVoices);
  await openApp(page);
  await chooseDeck(page, decks[0]!.title);
  await page.getByRole('button', { name: 'Start' }).click();
  const exercise = page.getByTestId('exercise');
  const note = exercise.getByTestId('no-voice');
  await expect(note).toBeVisible();
  await expect(note).toContainText(msg('nl', 'speech.noVoice'));
  const how = note.getByRole('button', { name: msg('nl', 'speech.howTo') });
  await expect(how).toHaveAttribute('aria-expanded', 'false');
  await how.click();
  await expect(how).toHaveAttribute('aria-expanded', 'true');
  for (const step of ['android', 'ios', 'windows', 'mac', 'after']) await expect(note).toContainText(msg('nl', `speech.steps.${step}`));
  await expectNoViolations(page, 'no voice');

  await page.goto('/words?q=de');
  await expect(page.getByTestId('glossary-hit').first()).toBeVisible();
  await expect(page.getByTestId('no-voice')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe on the changed screens in ${scheme} mode (progress, backup preview, glossary), also right to left`, async ({
    browser,
    baseURL,
  }) => {
    for (const locale of ['nl-BE', 'ar']) {
      const context = await browser.newContext({ locale, baseURL: baseURL!, viewport: phone, colorScheme: scheme });
      const page = await context.newPage();
      await page.addInitScript(noVoices);
      await openApp(page);
      await chooseDeck(page, decks[0]!.title);
      const lang = locale === 'ar' ? 'ar' : 'nl';
      await page.getByRole('button', { name: msg(lang, 'today.start') }).click();
      // The first exercises of a new word are flip cards: Space, then "good" (in any UI language).
      const exercise = page.getByTestId('exercise');
      for (let turn = 0; turn < 2; turn++) {
        await expect(exercise).toHaveAttribute('data-turn', String(turn));
        await expect(exercise).toHaveAttribute('data-kind', 'recognise');
        await page.keyboard.press('Space');
        await expect(page.getByRole('group', { name: msg(lang, 'grade.label') })).toBeVisible();
        await page.keyboard.press('3');
      }
      await expect(exercise).toHaveAttribute('data-turn', '2');
      await page.goto('/progress');
      await expect(page.getByTestId('progress-weeks')).toBeVisible();
      await expectNoViolations(page, `${locale} ${scheme} progress`);
      await page.goto(`/words?q=${encodeURIComponent(decks[0]!.cards[0]!.term)}`);
      await expect(page.getByTestId('glossary-hit').first()).toBeVisible();
      await expectNoViolations(page, `${locale} ${scheme} words`);
      await page.goto('/backup');
      const file = await download(page, msg(lang, 'backup.download'));
      await page
        .getByLabel(msg(lang, 'backup.chooseFile'))
        .setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
      await expect(page.getByTestId('backup-preview')).toBeFocused();
      await expectNoViolations(page, `${locale} ${scheme} backup preview`);
      await context.close();
    }
  });
}
