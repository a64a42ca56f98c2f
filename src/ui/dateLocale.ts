/**
 * The locale dates are written in: the first of the browser's preferred locales that speaks the UI
 * language (so its region applies), else the UI language itself. Pure, for the tests.
 */
export function dateLocale(ui: string, preferred: readonly string[]): string {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  for (const tag of preferred) {
    if (primary(tag) !== primary(ui)) continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag.replace('_', '-')]);
      if (supported) return supported;
    } catch {
      // A malformed tag from the browser: skip it.
    }
  }
  return ui;
}
