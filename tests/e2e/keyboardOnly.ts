import type { Locator, Page } from '@playwright/test';

/**
 * The "keyboard" project runs every e2e flow again with the mouse taken away: each click, check,
 * fill and selectOption is done by tabbing to the element (so it must be reachable with Tab, in
 * order) and operating it with Enter, Space or typing. A control that works only with a mouse
 * fails the test.
 */
const MAX_TABS = 250;

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

export async function tabTo(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  // Tab forwards from wherever focus is; wrap around the page once if needed.
  for (let i = 0; i < MAX_TABS; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with the Tab key: ${locator.toString()}`);
}

type Patched = Record<'click' | 'check' | 'uncheck' | 'fill' | 'selectOption', (...args: never[]) => Promise<unknown>>;

export function useKeyboardOnly(page: Page): () => void {
  const proto = Object.getPrototypeOf(page.locator('body')) as Patched;
  const original = { click: proto.click, check: proto.check, uncheck: proto.uncheck, fill: proto.fill, selectOption: proto.selectOption };

  proto.click = async function (this: Locator) {
    const kind = await this.evaluate((el) => (el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase()));
    // Elements a mouse user clicks but a keyboard user does not need (the file input is opened by its label).
    if (kind === 'file') return original.click.call(this as never);
    await tabTo(this.page(), this);
    await this.page().keyboard.press(kind === 'checkbox' || kind === 'radio' ? 'Space' : 'Enter');
  } as never;

  const setChecked = (wanted: boolean) =>
    async function (this: Locator) {
      if ((await this.isChecked()) === wanted) return;
      await tabTo(this.page(), this);
      await this.page().keyboard.press('Space');
    };
  proto.check = setChecked(true) as never;
  proto.uncheck = setChecked(false) as never;

  proto.fill = async function (this: Locator, value: string) {
    await tabTo(this.page(), this);
    await this.page().keyboard.press('ControlOrMeta+A');
    if (value === '') await this.page().keyboard.press('Backspace');
    else await this.page().keyboard.insertText(value);
  } as never;

  proto.selectOption = async function (this: Locator, value: string) {
    await tabTo(this.page(), this);
    // Hold on to the element itself: its label may change as options change (e.g. the UI language).
    const select = (await this.elementHandle())!;
    const index = await select.evaluate(
      (el, v) => [...(el as HTMLSelectElement).options].findIndex((o) => o.value === v || o.label === v),
      value,
    );
    if (index < 0) throw new Error(`no option ${value}`);
    // Arrow keys walk a focused <select> without opening it.
    for (let i = 0; i < 50; i++) {
      const at = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
      if (at === index) return [value];
      await this.page().keyboard.press(index > at ? 'ArrowDown' : 'ArrowUp');
    }
    throw new Error(`could not select ${value} by keyboard`);
  } as never;

  return () => Object.assign(proto, original);
}
