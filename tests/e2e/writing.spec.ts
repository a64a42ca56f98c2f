import { readFileSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DrillItem, DrillSet } from '../../src/core/drills/drillModel.ts';
import { tileOrderFor } from '../../src/core/drills/check.ts';
import { builtDecks, expect, openApp, test, waitForServiceWorker } from './fixtures.ts';

/** The drill sets exactly as the build compiled them: answers come from here, never hard-coded. */
function builtDrills(dir = `${process.env.PW_OUTDIR ?? 'dist'}/drills`): DrillSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as DrillSet);
}

const sets = builtDrills();
const decks = builtDecks();

function setWith(kinds: string[]): DrillSet {
  // A set whose first items (those introduced today) show every kind asked for.
  const set = sets.find((s) => kinds.every((k) => s.items.slice(0, 8).some((i) => i.kind === k)));
  if (!set) throw new Error(`no drill set starts with ${kinds.join(', ')}`);
  return set;
}

async function currentItem(page: Page): Promise<{ item: DrillItem; turn: number }> {
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toBeVisible();
  const setId = await exercise.getAttribute('data-set');
  const itemId = await exercise.getAttribute('data-item');
  const item = sets.find((s) => s.id === setId)?.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`item ${setId}/${itemId} not in the build`);
  return { item, turn: Number(await exercise.getAttribute('data-turn')) };
}

async function startSet(page: Page, set: DrillSet) {
  await openApp(page, '/write');
  const button = page.getByRole('button', { name: `Oefen „${set.title}”` });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exercise')).toBeVisible();
}

async function nextTurn(page: Page, turn: number) {
  await page.keyboard.press('Enter');
  await expect(async () => {
    const summary = await page.getByTestId('summary').isVisible();
    const now = summary ? turn + 1 : Number(await page.getByTestId('exercise').getAttribute('data-turn', { timeout: 500 }));
    expect(now).toBeGreaterThan(turn);
  }).toPass();
}

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Answers the item on screen correctly, by keyboard only, and checks the feedback. */
async function answerByKeyboard(page: Page, item: DrillItem) {
  const feedback = page.getByTestId('feedback');
  switch (item.kind) {
    case 'gap': {
      await page.keyboard.type(item.answer);
      await page.keyboard.press('Enter');
      await expect(feedback).toHaveAttribute('data-outcome', 'correct');
      await expect(page.getByTestId('explanation-drill')).toContainText(item.explanation.slice(0, 30));
      return;
    }
    case 'choice': {
      const options = page.getByRole('group', { name: 'Kies het juiste antwoord' }).getByRole('button');
      const labels = (await options.locator('span[lang="nl"]').allTextContents()).map((l) => l.trim());
      const index = labels.indexOf(item.answer);
      expect(index).toBeGreaterThanOrEqual(0);
      await page.keyboard.press((await options.nth(index).locator('kbd').textContent())!.trim());
      await expect(feedback).toHaveAttribute('data-outcome', 'correct');
      await expect(page.getByTestId('explanation-drill')).toBeVisible();
      return;
    }
    case 'order': {
      const order = tileOrderFor(item.tiles, item.answer)!;
      expect(order).not.toBeNull();
      // Place the first two tiles the wrong way round, then repair that with the arrow keys.
      const sequence = order.length > 1 ? [order[1]!, order[0]!, ...order.slice(2)] : order;
      for (const index of sequence) {
        const tile = page.locator(`.pool button[data-tile="${item.tiles[index]!.replace(/"/g, '\\"')}"]`).first();
        await page.keyboard.press((await tile.locator('kbd').textContent())!.trim());
      }
      const placed = page.getByTestId('order-answer').getByRole('button');
      await expect(placed).toHaveCount(item.tiles.length);
      await placed.nth(1).focus();
      await page.keyboard.press('ArrowLeft');
      await expect(placed.first()).toBeFocused();
      // Every tile placed: focus went to "Check" before; go back there with Tab and press Enter.
      await page.getByRole('button', { name: /Controleer/ }).focus();
      await page.keyboard.press('Enter');
      await expect(feedback).toHaveAttribute('data-outcome', 'correct');
      await expect(page.getByTestId('given')).toHaveText(item.answer);
      return;
    }
    case 'fix': {
      await expect(page.getByRole('textbox', { name: 'Tekst om te verbeteren' })).toBeFocused();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText(item.correct);
      await page.keyboard.press('Control+Enter');
      await expect(feedback).toHaveAttribute('data-outcome', 'correct');
      await expect(feedback).toContainText(`Je vond ${item.errors.length} van de ${item.errors.length} fouten`);
      return;
    }
    case 'rewrite': {
      await expect(page.getByRole('textbox', { name: 'Jouw versie' })).toBeFocused();
      await page.keyboard.insertText(item.model);
      await page.keyboard.press('Control+Enter');
      await expect(feedback).toHaveAttribute('data-outcome', 'correct');
      await expect(page.getByTestId('model')).toHaveText(item.model);
      await expect(page.getByRole('group', { name: 'Hoe goed kende je het?' })).toBeVisible();
      return;
    }
  }
}

test('each drill kind, answered by keyboard only, with feedback', async ({ page }) => {
  const seen = new Set<string>();
  for (const kinds of [['choice', 'gap', 'order', 'fix'], ['rewrite']]) {
    await startSet(page, setWith(kinds));
    // A session mixes kinds, so a kind can come back before the last one was shown.
    while (!kinds.every((k) => seen.has(k)) && !(await page.getByTestId('summary').isVisible())) {
      const { item, turn } = await currentItem(page);
      seen.add(item.kind);
      await answerByKeyboard(page, item);
      if (item.kind === 'rewrite') {
        // A rewrite is graded by the trainee: 3 = Good.
        await page.keyboard.press('3');
        await expect(page.getByTestId('exercise')).not.toHaveAttribute('data-turn', String(turn));
      } else {
        await nextTurn(page, turn);
      }
    }
  }
  expect([...seen].sort()).toEqual(['choice', 'fix', 'gap', 'order', 'rewrite']);
});

test('a gap answered with the wrong d/t gets the dt explanation', async ({ page }) => {
  const set = sets.find((s) => s.items[0]?.kind === 'gap' && /[dt]$/.test((s.items[0] as { answer: string }).answer));
  if (!set) throw new Error('no set starts with a d/t gap');
  const item = set.items[0] as Extract<DrillItem, { kind: 'gap' }>;
  await startSet(page, set);
  // The wrong ending: wordt → word, vind → vindt.
  const wrong = item.answer.endsWith('dt')
    ? item.answer.slice(0, -1)
    : item.answer.endsWith('d')
      ? `${item.answer}t`
      : `${item.answer.slice(0, -1)}d`;
  await page.keyboard.type(wrong);
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-outcome', 'wrong');
  await expect(feedback).toHaveAttribute('data-reason', 'dt');
  await expect(page.getByTestId('explanation')).toContainText(item.answer);
  await expect(page.getByTestId('expected')).toHaveText(item.answer);
});

/** A deck card with a single-word jargon term and its plain alternative, from the build. */
function jargonCard() {
  for (const d of decks) for (const c of d.cards) if (c.plain && /^[a-z]{6,}$/.test(c.term) && c.article) return c;
  throw new Error('no jargon card');
}

test('the writing desk flags a dt-error and jargon, and suggests the plain word', async ({ page }) => {
  const card = jargonCard();
  await openApp(page, '/write');
  await page.getByRole('button', { name: /^Schrijf: „Parkeerkaart/ }).click();
  await expect(page.getByTestId('task')).toContainText('parkeerkaart');
  const text = page.getByRole('textbox', { name: 'Jouw tekst' });
  await text.focus();
  await page.keyboard.insertText(
    `Geachte meneer Claes,\nUw aanvraag word volgende week behandeld. U krijgt dan het ${card.term} per post.\n`,
  );
  const dt = page.locator('[data-testid="finding"][data-code="dt-subject"]');
  await expect(dt).toContainText('word');
  await expect(dt).toContainText('stam + t');
  const jargon = page.locator('[data-testid="finding"][data-code="jargon"]').filter({ hasText: card.term });
  await expect(jargon).toContainText(card.term);
  await expect(jargon).toContainText(card.plain!);
  // Taking the suggestion replaces the word in the text.
  await jargon.getByTestId('suggestion').first().click();
  await expect(text).toHaveValue(new RegExp(`het ${card.plain!}`));
  await dt.getByTestId('suggestion').click();
  await expect(text).toHaveValue(/Uw aanvraag wordt volgende week/);
  await expect(page.locator('[data-testid="finding"][data-code="dt-subject"]')).toHaveCount(0);
});

test('a draft survives a reload and works offline', async ({ page, context }) => {
  await openApp(page, '/write');
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: 'Vrij schrijven' }).click();
  const text = page.getByRole('textbox', { name: 'Jouw tekst' });
  await text.focus();
  await page.keyboard.insertText('Dag Sara,\nIk stuur je morgen het verslag van de vergadering.');
  // Reload right away: the text is saved on pagehide, and journaled synchronously as well.
  await page.reload();
  await expect(text).toHaveValue(/het verslag van de vergadering/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  await context.setOffline(true);
  await page.reload();
  await expect(text).toHaveValue(/het verslag van de vergadering/);
  await text.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nGroeten,\nAmina');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(text).toHaveValue(/Groeten,\nAmina$/);
  // The list of drafts offers it again.
  await page
    .getByRole('link', { name: /Schrijven/ })
    .first()
    .click();
  await expect(page.getByTestId('drafts')).toContainText('Dag Sara');
  await page.getByRole('button', { name: 'Open „Dag Sara,”' }).click();
  await expect(text).toHaveValue(/Amina$/);
  await context.setOffline(false);
});

test('spelling works offline: the dictionary comes from the service worker cache', async ({ page, context }) => {
  const fromWorker: string[] = [];
  page.on('response', (r) => {
    if (/\/dict\/nl\.(aff|dic)$/.test(r.url()) && r.fromServiceWorker()) fromWorker.push(r.url());
  });
  await openApp(page, '/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/write/desk?new=1');
  const text = page.getByRole('textbox', { name: 'Jouw tekst' });
  await text.focus();
  await page.keyboard.insertText('Dag Sara,\nDe gemeentraad vergadert op Maandag over het omgevingsloket.');
  await expect(page.getByTestId('spell-state')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const unknown = page.locator('[data-testid="finding"][data-code="unknown-word"]');
  await expect(unknown).toHaveCount(1);
  await expect(unknown).toContainText('gemeentraad');
  await expect(unknown.getByTestId('suggestion').first()).toHaveText('gemeenteraad');
  await expect(page.locator('[data-testid="finding"][data-code="capital-day"]')).toContainText('Maandag');
  expect(fromWorker.length).toBe(2);
  await context.setOffline(false);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the writing screens pass axe in ${scheme} mode: list, every drill kind before and after answering, the desk`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, '/write');
    await expect(page.getByTestId('drill-summary')).toBeVisible();
    await expectAccessible(page, 'write');
    const seen = new Set<string>();
    for (const set of [setWith(['choice', 'gap', 'order', 'fix']), setWith(['rewrite'])]) {
      await startSet(page, set);
      while (!(await page.getByTestId('summary').isVisible())) {
        const { item, turn } = await currentItem(page);
        if (seen.has(item.kind)) break;
        seen.add(item.kind);
        await expectAccessible(page, `${item.kind} (question)`);
        await answerByKeyboard(page, item);
        await expectAccessible(page, `${item.kind} (feedback)`);
        if (item.kind === 'rewrite') await page.keyboard.press('3');
        else await nextTurn(page, turn);
      }
    }
    await page.goto('/write/desk?new=1');
    await page.getByRole('textbox', { name: 'Jouw tekst' }).focus();
    await page.keyboard.insertText('Hallo meneer Claes,\nUw aanvraag word behandelt. Je krijgt het attest op Maandag.\nGroetjes');
    await expect(page.locator('[data-testid="finding"]').first()).toBeVisible();
    await expect(page.getByTestId('spell-state')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await page.getByText('Je tekst met de opmerkingen gemarkeerd').click();
    await expectAccessible(page, 'desk');
  });
}
