import { readFileSync } from 'node:fs';
import { readStadhuistaalList, STADHUISTAAL_ASSET } from '../../src/core/writing/stadhuistaal.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, openApp, test } from './fixtures.ts';

/** The list exactly as the build emitted it: plain words and reasons come from here, never hard-coded. */
const list = readStadhuistaalList(JSON.parse(readFileSync(`${process.env.PW_OUTDIR ?? 'dist'}/${STADHUISTAAL_ASSET}`, 'utf8')));
const entry = (term: string) => {
  const e = list.entries.find((x) => x.term === term);
  if (!e) throw new Error(`${term} is not in the built list`);
  return e;
};

test('the writing desk flags stadhuistaal: teneinde → om … te, Gelieve → wilt u, reeds → al in one click', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openApp(page, '/');
  // The list is no part of the first load: it comes when the desk opens.
  expect(requested).not.toContain(`/${STADHUISTAAL_ASSET}`);

  await page.goto('/write');
  await page.getByRole('button', { name: /^Schrijf: „Parkeerkaart/ }).click();
  const text = page.getByRole('textbox', { name: 'Jouw tekst' });
  await text.focus();
  await page.keyboard.insertText(
    'Geachte meneer Claes,\nTeneinde uw aanvraag te behandelen, hebben we een attest nodig. Gelieve het te mailen. We hebben uw brief reeds ontvangen.\n',
  );
  expect(requested).toContain(`/${STADHUISTAAL_ASSET}`);

  const flag = (word: string) => page.locator('[data-testid="finding"][data-code="stadhuistaal"]').filter({ hasText: word });
  const teneinde = flag('Teneinde');
  await expect(teneinde).toContainText('„om … te”');
  await expect(teneinde.getByTestId('finding-why')).toHaveText(entry('teneinde').why);
  // "om … te" needs the sentence rewritten: no one-click replacement.
  await expect(teneinde.getByTestId('suggestion')).toHaveCount(0);

  const gelieve = flag('Gelieve');
  await expect(gelieve).toContainText('wilt u');
  await expect(gelieve.getByTestId('finding-why')).toHaveText(entry('gelieve').why);
  await expect(gelieve.getByTestId('suggestion')).toHaveCount(0);

  // Both are listed under Klare taal, like deck jargon; the reasons pass axe in both colour schemes.
  await expect(page.getByRole('heading', { level: 3, name: /Klare taal/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `desk with stadhuistaal, ${scheme}`);
  }

  const reeds = flag('reeds');
  await expect(reeds.getByTestId('suggestion')).toHaveText('al');
  await reeds.getByTestId('suggestion').click();
  await expect(text).toHaveValue(/We hebben uw brief al ontvangen\./);
  await expect(flag('reeds')).toHaveCount(0);
  await expect(flag('Teneinde')).toHaveCount(1);
});

test('inflected and split forms are flagged, and lookalike words are not', async ({ page }) => {
  await openApp(page, '/write/desk?new=1');
  const text = page.getByRole('textbox', { name: 'Jouw tekst' });
  await text.focus();
  await page.keyboard.insertText('U dient het formulier terug te sturen. Wij trachtten u te bellen. Indienen kan aan het loket.');
  const flags = page.locator('[data-testid="finding"][data-code="stadhuistaal"]');
  await expect(flags).toHaveCount(2);
  await expect(flags.nth(0).locator('q')).toHaveText('dient het formulier terug te');
  await expect(flags.nth(0)).toContainText('„moeten”');
  await expect(flags.nth(1).locator('q')).toHaveText('trachtten');
  await expect(flags.nth(1)).toContainText('„proberen”');
});
