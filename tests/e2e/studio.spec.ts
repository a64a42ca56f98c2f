import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { launchOptions } from '../../playwright.config.ts';
import type { Deck } from '../../src/core/content/model.ts';
import { parseDeckFile } from '../../src/core/content/parseDeckFile.ts';
import { ARTICLES, CARD_TYPES, LEVELS } from '../../src/core/content/schema.ts';
import { slugify } from '../../src/core/content/slug.ts';
import {
  builtDecks,
  chooseDeck,
  deckCheckbox,
  displayTerm,
  expect,
  openApp,
  test,
  waitForServiceWorker,
  watchContext,
} from './fixtures.ts';
import { tabTo } from './keyboardOnly.ts';
import { msg, type Lang } from './messages.ts';

/**
 * The deck studio in real Chromium, by keyboard (in both projects: the table and the form are
 * keyboard-first, so the coach's flow is typed, never clicked). A coach writes a 10-card deck,
 * sees the checks at the field and fixes them, previews, records the pronunciation (Chromium's
 * fake microphone), exports the YAML and a package; a trainee's fresh browser opens the package
 * offline and hears the recording in the listen exercise.
 */

// Chromium's fake microphone (a beep) and no permission prompt, on top of the config's flags.
test.use({
  launchOptions: {
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
  permissions: ['microphone'],
});

interface TypedCard {
  term: string;
  article?: 'de' | 'het';
  type?: (typeof CARD_TYPES)[number];
  definition: string;
  example: string;
  en: string;
  fr: string;
}

/** What the coach means to end up with; two of them are first typed with a mistake (below). */
const CARDS: TypedCard[] = [
  {
    term: 'uittreksel',
    article: 'het',
    definition: 'Een officieel papier met gegevens uit een register.',
    example: 'Vraag een {uittreksel} uit het bevolkingsregister aan.',
    en: 'extract',
    fr: 'extrait',
  },
  {
    term: 'gemeenteraad',
    article: 'de',
    definition: 'De verkozen politici die over de stad beslissen.',
    example: 'De {gemeenteraad} vergadert elke maand.',
    en: 'city council',
    fr: 'conseil communal',
  },
  {
    term: 'schepencollege',
    article: 'het',
    definition: 'Het dagelijks bestuur van de stad.',
    example: 'Het {schepencollege} keurt de begroting goed.',
    en: 'board of aldermen',
    fr: 'collège échevinal',
  },
  {
    term: 'omgevingsvergunning',
    article: 'de',
    definition: 'De toestemming van de gemeenteraad om te bouwen of te verbouwen.',
    example: 'Voor een nieuwe veranda vraag je een {omgevingsvergunning} aan.',
    en: 'environmental permit',
    fr: "permis d'environnement",
  },
  {
    term: 'afspraak',
    article: 'de',
    definition: 'Een vast moment waarop je bij de dienst langskomt.',
    example: 'Maak online een {afspraak} aan het loket.',
    en: 'appointment',
    fr: 'rendez-vous',
  },
  {
    term: 'wachtnummer',
    article: 'het',
    definition: 'Het briefje dat zegt wanneer jij aan de beurt bent.',
    example: 'Neem eerst een {wachtnummer} aan de ingang.',
    en: 'queue number',
    fr: "numéro d'attente",
  },
  {
    term: 'identiteitskaart',
    article: 'de',
    definition: 'Het officiële document dat toont wie je bent.',
    example: 'Breng je {identiteitskaart} mee naar het loket.',
    en: 'identity card',
    fr: "carte d'identité",
  },
  {
    term: 'attest',
    article: 'het',
    definition: 'Een papier waarop de stad bevestigt dat iets klopt.',
    example: 'Het {attest} van gezinssamenstelling vraag je online aan.',
    en: 'certificate',
    fr: 'attestation',
  },
  {
    term: 'burgemeester',
    article: 'de',
    definition: 'Het hoofd van het stadsbestuur.',
    example: 'De {burgemeester} opent de vergadering.',
    en: 'mayor',
    fr: 'bourgmestre',
  },
  {
    term: 'aanvragen',
    type: 'verb',
    definition: 'Officieel vragen om een document of een dienst.',
    example: 'Je kan dat attest online {aanvragen}.',
    en: 'to apply for',
    fr: 'demander',
  },
];
/** A misspelt word in one definition (Hunspell rejects it), and an example without its gap. */
const MISSPELT = { card: 3, wrong: 'gemeentraad', right: 'gemeenteraad' };
const NO_GAP = 4;
const typedAs = (i: number, c: TypedCard): TypedCard =>
  i === MISSPELT.card
    ? { ...c, definition: c.definition.replace(MISSPELT.right, MISSPELT.wrong) }
    : i === NO_GAP
      ? { ...c, example: c.example.replace(/[{}]/g, '') }
      : c;

const DECK = {
  title: 'Aan het loket van Burgerzaken',
  department: 'Burgerzaken',
  level: 'A2' as (typeof LEVELS)[number],
  description: 'Woorden die je aan het loket van Burgerzaken hoort.',
};
const DECK_ID = slugify(DECK.title);

const grid = (page: Page) => page.getByTestId('card-grid');
const field = (page: Page, id: string) => page.locator(`#${id}`);
const messages = (page: Page, id: string) => page.locator(`#${id}-messages`);

/** Tab to a control and press it: the same in both projects. */
async function press(page: Page, locator: Locator, key = 'Enter') {
  await tabTo(page, locator);
  await page.keyboard.press(key);
}

/** Replaces what the focused field holds, by typing. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** A closed <select> walks its options with the arrow keys (Chromium changes the value as it goes). */
async function chooseByKeys(page: Page, select: Locator, index: number) {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

/** The card form is open on the term: every field of the card, by Tab and typing. Escape goes back to the table. */
async function typeCard(page: Page, card: TypedCard) {
  await expect(field(page, 'sf-term')).toBeFocused();
  await page.keyboard.insertText(card.term);
  // The article select: "no article" first, then de, het. The type select: "—", then the format's types.
  if (card.article) await chooseByKeys(page, field(page, 'sf-article'), ARTICLES.indexOf(card.article) + 1);
  if (card.type) await chooseByKeys(page, field(page, 'sf-type'), CARD_TYPES.indexOf(card.type) + 1);
  for (const [id, text] of [
    ['sf-definition', card.definition],
    ['sf-example', card.example],
    ['sf-translations-en', card.en],
    ['sf-translations-fr', card.fr],
  ] as const) {
    await tabTo(page, field(page, id));
    await page.keyboard.insertText(text);
  }
  await page.keyboard.press('Escape');
  await expect(grid(page)).toBeFocused();
}

/** The table's row of card n (0-based), as it shows it. */
const row = (page: Page, n: number) => grid(page).locator(`[role="row"][aria-rowindex="${n + 2}"]`);

async function expectCardCount(page: Page, count: number) {
  await expect(page.getByRole('heading', { level: 2, name: msg('nl', 'studio.editor.cards', { count }) })).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));
}

async function newDraft(page: Page) {
  await openApp(page, '/studio');
  await press(page, page.getByRole('button', { name: msg('nl', 'studio.list.new') }));
  await expect(page).toHaveURL(/\/studio\/edit\?draft=/);
  await expect(grid(page)).toBeVisible();
}

async function typeDeckDetails(page: Page) {
  await tabTo(page, field(page, 'sd-title'));
  await page.keyboard.insertText(DECK.title);
  await tabTo(page, field(page, 'sd-department'));
  await page.keyboard.insertText(DECK.department);
  await chooseByKeys(page, field(page, 'sd-level'), LEVELS.indexOf(DECK.level) + 1);
  await tabTo(page, field(page, 'sd-description'));
  await page.keyboard.insertText(DECK.description);
  // The deck's id follows a new deck's title.
  await expect(field(page, 'sd-id')).toHaveValue(DECK_ID);
}

/** All ten cards, typed into the table: Enter edits the first (empty) card, N adds each next one. */
async function typeAllCards(page: Page) {
  await tabTo(page, grid(page));
  await page.keyboard.press('Enter');
  for (const [i, card] of CARDS.entries()) {
    if (i > 0) await page.keyboard.press('n');
    await typeCard(page, typedAs(i, card));
    await expect(row(page, i)).toContainText(card.term);
  }
  await expectCardCount(page, CARDS.length);
}

async function waitForSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** Play calls of every audio/video element, with the source they play (a recording is a blob: URL). */
async function recordPlays(target: Page | BrowserContext) {
  await target.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { played: string[] }).played = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this.currentSrc || this.src);
      return play.call(this);
    };
  });
}
const plays = (page: Page) => page.evaluate(() => (window as unknown as { played: string[] }).played);

test('a coach builds a deck by keyboard, fixes what the checks say, previews, records and exports; a trainee practises the package offline', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  await recordPlays(page);
  await newDraft(page);
  await typeDeckDetails(page);
  await typeAllCards(page);

  // The table by keyboard: arrows, duplicate, delete, undo.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  await expectCardCount(page, CARDS.length + 1);
  await expect(row(page, 2)).toContainText(CARDS[1]!.term);
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  // The copy has the same term: the checks say so at its term.
  await expect(row(page, 2)).toContainText(msg('nl', 'studio.table.errors', { count: 1 }));
  await page.keyboard.press('ControlOrMeta+z');
  await expectCardCount(page, CARDS.length);
  await expect(row(page, 2)).toContainText(CARDS[2]!.term);
  // Undo leaves the cursor where the copy was: on the third card, which goes next.
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expectCardCount(page, CARDS.length - 1);
  await expect(row(page, 2)).toContainText(CARDS[3]!.term);
  await page.keyboard.press('ControlOrMeta+z');
  await expectCardCount(page, CARDS.length);
  for (const [i, card] of CARDS.entries()) await expect(row(page, i)).toContainText(card.term);

  // The gap error, at the example, in words; fixed from the table (→ to the example column, Enter).
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < NO_GAP; i++) await page.keyboard.press('ArrowDown');
  await expect(row(page, NO_GAP)).toContainText(msg('nl', 'studio.table.errors', { count: 1 }));
  await expect(messages(page, 'sf-example').locator('li[data-code="gap-missing"]')).toHaveText(
    new RegExp(escapeRe(msg('nl', 'studio.check.gap-missing'))),
  );
  await expect(field(page, 'sf-example')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('check-totals')).toHaveAttribute('data-errors', '1');
  await expect(page.getByTestId('not-ready')).toBeVisible();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(field(page, 'sf-example')).toBeFocused();
  await retype(page, CARDS[NO_GAP]!.example);
  await expect(messages(page, 'sf-example').locator('li')).toHaveCount(0);
  await expect(field(page, 'sf-example')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('check-totals')).toHaveAttribute('data-errors', '0');
  await page.keyboard.press('Escape');

  // The spelling (Hunspell in the desk's worker), at the definition; fixed the same way.
  await expect(page.getByText(msg('nl', 'studio.checks.spellReady'))).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('ArrowUp');
  const misspelt = messages(page, 'sf-definition').locator('li[data-code="spelling"]');
  await expect(misspelt).toHaveCount(1, { timeout: 20_000 });
  await expect(misspelt).toContainText(msg('nl', 'studio.check.spelling', { word: MISSPELT.wrong }));
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(field(page, 'sf-definition')).toBeFocused();
  await retype(page, CARDS[MISSPELT.card]!.definition);
  await expect(messages(page, 'sf-definition').locator('li[data-code="spelling"]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Record the first card's pronunciation (Chromium's fake microphone), play it back.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Enter');
  const record = page.getByTestId('record');
  await press(page, record);
  await expect(record).toHaveText(new RegExp(escapeRe(msg('nl', 'studio.record.stop'))));
  await page.waitForTimeout(1200);
  await expect(record).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(msg('nl', 'studio.record.saved'))).toBeVisible();
  const recordingName = `${slugify(CARDS[0]!.term)}.webm`;
  await expect(page.getByText(msg('nl', 'studio.record.name', { name: recordingName }))).toBeVisible();
  const playback = page.getByTestId('recording');
  await expect(playback).toHaveAttribute('src', /^blob:/);
  expect(
    await playback.evaluate(
      (a: HTMLAudioElement) => new Promise((r) => (a.readyState >= 1 ? r(a.duration) : (a.onloadedmetadata = () => r(a.duration)))),
    ),
  ).toBeTruthy();
  await expect(row(page, 0)).toContainText(msg('nl', 'studio.table.recorded'));
  await page.keyboard.press('Escape');

  // Preview: the card as every exercise kind the trainee gets it; one of them answered.
  await press(page, page.getByRole('button', { name: msg('nl', 'studio.preview.open') }));
  const dialog = page.getByRole('dialog', { name: msg('nl', 'studio.preview.title', { term: `${CARDS[0]!.article} ${CARDS[0]!.term}` }) });
  await expect(dialog).toBeVisible();
  const kinds = dialog.getByRole('group', { name: msg('nl', 'studio.preview.kinds') }).getByRole('button');
  // Auto-waiting per kind: the dialog may show before its kinds are drawn.
  for (const kind of ['recognise', 'produce', 'cloze', 'article', 'choice', 'listen'])
    await expect(kinds.filter({ hasText: msg('nl', `kinds.${kind}`) })).toHaveCount(1);
  const exercise = page.getByTestId('preview-exercise');
  for (const kind of ['produce', 'cloze', 'article', 'choice', 'listen', 'recognise']) {
    await press(page, kinds.filter({ hasText: msg('nl', `kinds.${kind}`) }));
    await expect(exercise).toHaveAttribute('data-kind', kind);
    await expect(exercise).not.toBeEmpty();
  }
  // The listen exercise of the preview plays the draft's own recording.
  expect((await plays(page)).some((src) => src.startsWith('blob:'))).toBe(true);
  await press(page, kinds.filter({ hasText: msg('nl', 'kinds.produce') }));
  await tabTo(page, exercise.getByRole('textbox'));
  await page.keyboard.insertText(displayTerm({ term: CARDS[0]!.term, ...(CARDS[0]!.article ? { article: CARDS[0]!.article } : {}) }));
  await page.keyboard.press('Enter');
  await expect(exercise.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The answer box beside the form: the real answer checker.
  await tabTo(page, field(page, 'try-answer'));
  await page.keyboard.insertText(`${CARDS[0]!.article} ${CARDS[0]!.term.slice(0, -1)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('try-result').getByTestId('feedback')).toHaveAttribute('data-outcome', /almost|wrong/);
  await retype(page, `${CARDS[0]!.article} ${CARDS[0]!.term}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('try-result').getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');

  // Export the YAML: parsed with the core parser, it is the deck that was typed.
  await waitForSaved(page);
  await expect(page.getByTestId('check-totals')).toHaveAttribute('data-errors', '0');
  const [yamlDownload] = await Promise.all([
    page.waitForEvent('download'),
    press(page, page.getByRole('button', { name: msg('nl', 'studio.actions.yaml') })),
  ]);
  expect(yamlDownload.suggestedFilename()).toBe(`${DECK_ID}.deck.yaml`);
  const yaml = readFileSync((await yamlDownload.path())!, 'utf8');
  const parsed = parseDeckFile(yamlDownload.suggestedFilename(), yaml);
  expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const exported = parsed.deck!;
  expect({
    id: exported.id,
    title: exported.title,
    department: exported.department,
    level: exported.level,
    description: exported.description,
  }).toEqual({
    id: DECK_ID,
    ...DECK,
  });
  expect(
    exported.cards.map((c) => ({
      term: c.term,
      article: c.article,
      type: c.type,
      definition: c.definition,
      example: c.example,
      en: c.translations.en,
      fr: c.translations.fr,
    })),
  ).toEqual(CARDS.map((c) => ({ article: undefined, type: c.article ? 'noun' : c.type, ...c })));
  expect(exported.cards.map((c) => c.audio)).toEqual(CARDS.map((_, i) => (i === 0 ? recordingName : undefined)));
  await expect(page.getByTestId('action-outcome')).toContainText(yamlDownload.suggestedFilename());

  // Export the package: one file with the deck and its recording.
  const [packageDownload] = await Promise.all([
    page.waitForEvent('download'),
    press(page, page.getByRole('button', { name: msg('nl', 'studio.actions.package') })),
  ]);
  expect(packageDownload.suggestedFilename()).toBe(`${DECK_ID}.vaktaal`);
  const packagePath = testInfo.outputPath(packageDownload.suggestedFilename());
  await packageDownload.saveAs(packagePath);

  // A trainee's browser: the app installed, then offline; she opens the package and practises it.
  const trainee = await browser.newContext({ baseURL: baseURL!, locale: 'nl-BE', serviceWorkers: 'allow' });
  const check = watchContext(trainee, new URL(baseURL!).origin);
  try {
    await practisePackageOffline(trainee, packagePath, recordingName);
    check();
  } finally {
    await trainee.close();
  }
});

/**
 * Day 1: the trainee meets the deck's cards. Day 2: only "listen" is on, and there is no Dutch
 * voice: the card with the coach's recording is the one listen exercise, and the recording plays.
 */
async function practisePackageOffline(context: BrowserContext, packagePath: string, recordingName: string) {
  await recordPlays(context);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', {
      value: Object.assign(new EventTarget(), { getVoices: () => [], speak: () => undefined, cancel: () => undefined }),
    });
  });
  const page = await context.newPage();
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.goto('/import');
  await page.getByLabel(msg('nl', 'deckImport.choose')).setInputFiles(packagePath);
  await expect(page.getByTestId('deck-file-added')).toContainText(DECK.title);
  await expect(page.getByTestId('imported-decks')).toContainText(DECK.title);

  await page.goto('/settings');
  await page.getByLabel(msg('nl', 'settings.newPerDay')).fill(String(CARDS.length));
  await page.getByLabel(msg('nl', 'settings.newPerDay')).press('Tab');
  await page.getByLabel(msg('nl', 'settingsExercises.warmup')).uncheck();
  await page.goto('/');
  await chooseDeck(page, DECK.title);
  await page.getByRole('button', { name: msg('nl', 'today.start') }).click();
  const exercise = page.getByTestId('exercise');
  while (!(await page.getByTestId('summary').isVisible())) {
    const turn = await exercise.getAttribute('data-turn');
    await expect(exercise).toHaveAttribute('data-kind', 'recognise');
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect(async () => {
      const done = await page.getByTestId('summary').isVisible();
      expect(done || (await exercise.getAttribute('data-turn', { timeout: 500 })) !== turn).toBe(true);
    }).toPass();
  }

  await page.clock.setFixedTime(new Date(start.getTime() + 24 * 3600 * 1000));
  await page.goto('/settings');
  for (const kind of ['produce', 'cloze', 'article', 'choice', 'plain', 'listen']) {
    const box = page.getByRole('checkbox', { name: msg('nl', `kinds.${kind}`), exact: true });
    if ((await box.isChecked()) !== (kind === 'listen')) await box.click();
  }
  await page.goto('/');
  await expect(deckCheckbox(page, DECK.title)).toBeChecked();
  await page.getByRole('button', { name: msg('nl', 'today.start') }).click();
  await expect(exercise).toHaveAttribute('data-kind', 'listen');
  const recorded = CARDS[0]!;
  await expect(exercise).toHaveAttribute('data-card', slugify(recorded.term));
  await expect.poll(() => plays(page)).toEqual([expect.stringMatching(/^blob:/)]);
  expect(recordingName).toMatch(/\.webm$/);
  await page.keyboard.type(`${recorded.article} ${recorded.term}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
}

test('the draft survives a reload mid-edit, and "Practise on this device" installs the deck', async ({ page }) => {
  test.setTimeout(180_000);
  await newDraft(page);
  await typeDeckDetails(page);
  await tabTo(page, grid(page));
  await page.keyboard.press('Enter');
  await typeCard(page, CARDS[0]!);
  await page.keyboard.press('n');
  // Mid-edit: the second card's term is typed and the page goes away at once.
  await page.keyboard.insertText(CARDS[1]!.term);
  await page.reload();
  await expect(grid(page)).toBeVisible();
  await expectCardCount(page, 2);
  await expect(row(page, 1)).toContainText(CARDS[1]!.term);
  await expect(field(page, 'sd-title')).toHaveValue(DECK.title);

  // Finish the second card and install it.
  await tabTo(page, grid(page));
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(field(page, 'sf-term')).toHaveValue(CARDS[1]!.term);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await typeRestOfCard(page, CARDS[1]!);
  await expect(page.getByTestId('check-totals')).toHaveAttribute('data-errors', '0');
  await press(page, page.getByRole('button', { name: msg('nl', 'studio.actions.install') }));
  await expect(page.getByTestId('action-outcome')).toContainText(msg('nl', 'studio.outcome.installed', { title: DECK.title, count: 2 }));
  await press(page, page.getByRole('link', { name: msg('nl', 'studio.outcome.toToday') }));
  await expect(deckCheckbox(page, DECK.title)).toBeVisible();
  // And it is in the studio's list as a deck on this device.
  await page.goto('/studio');
  await expect(page.getByRole('button', { name: msg('nl', 'studio.list.editLabel', { title: DECK.title }) })).toBeVisible();
});

/** The term is already there: the other fields of the card. */
async function typeRestOfCard(page: Page, card: TypedCard) {
  if (card.article) await chooseByKeys(page, field(page, 'sf-article'), ARTICLES.indexOf(card.article) + 1);
  for (const [id, text] of [
    ['sf-definition', card.definition],
    ['sf-example', card.example],
    ['sf-translations-en', card.en],
    ['sf-translations-fr', card.fr],
  ] as const) {
    await tabTo(page, field(page, id));
    await page.keyboard.insertText(text);
  }
  await page.keyboard.press('Escape');
}

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, where).toEqual([]);
}

const builtIn: Deck = builtDecks()[0]!;

for (const [scheme, lang] of [
  ['light', 'nl'],
  ['dark', 'nl'],
  ['light', 'ar'],
  ['dark', 'ar'],
] as const satisfies readonly (readonly ['light' | 'dark', Lang])[]) {
  test(`every studio screen passes axe in ${scheme} mode, ${lang === 'ar' ? 'right to left (ar)' : 'Dutch'}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, '/settings');
    if (lang !== 'nl') {
      await page.getByLabel(msg('nl', 'settings.language')).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await page.goto('/studio');
    await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'studio.title') })).toBeVisible();
    await expectNoViolations(page, 'studio: list, empty');

    // A copy of a built-in deck: a full editor with cards, checks and messages.
    await page.getByLabel(msg(lang, 'studio.list.copyLabel')).selectOption(builtIn.id);
    await page.getByRole('button', { name: msg(lang, 'studio.list.copy'), exact: true }).click();
    await expect(grid(page)).toBeVisible();
    await expectCardCount2(page, builtIn.cards.length);
    await expect(page.getByText(msg(lang, 'studio.checks.spellReady'))).toBeVisible({ timeout: 30_000 });
    await expectNoViolations(page, 'studio: editor');

    await page.getByRole('button', { name: msg(lang, 'studio.toolbar.paste') }).click();
    const paste = page.getByRole('dialog', { name: msg(lang, 'studio.paste.title') });
    await expect(paste).toBeVisible();
    await paste
      .getByLabel(msg(lang, 'studio.paste.areaLabel'))
      .fill('term\tlidwoord\tbetekenis\nloket\thet\tDe plaats waar je geholpen wordt.');
    await expect(paste.getByRole('button', { name: msg(lang, 'studio.paste.add', { count: 1 }) })).toBeVisible();
    await expectNoViolations(page, 'studio: paste dialog');
    await page.keyboard.press('Escape');
    await expect(paste).toBeHidden();

    await page.getByRole('button', { name: msg(lang, 'studio.preview.open') }).click();
    const preview = page.getByTestId('preview-exercise');
    await expect(preview).toBeVisible();
    await expectNoViolations(page, 'studio: preview');
    await page.keyboard.press('Escape');

    await page.goto('/studio');
    await expect(page.getByTestId('studio-drafts')).toBeVisible();
    await expectNoViolations(page, 'studio: list with a draft');
  });
}

async function expectCardCount2(page: Page, count: number) {
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
