import { describe, expect, it } from 'vitest';
import { dateLocale } from '../../src/ui/dateLocale.ts';

describe('dateLocale: dates follow the browser’s region within the UI language', () => {
  it('English UI on a British browser writes British dates, on an American one American dates', () => {
    expect(dateLocale('en', ['en-GB', 'nl-BE'])).toBe('en-GB');
    expect(dateLocale('en', ['en-US'])).toBe('en-US');
    const at = new Date(2026, 2, 7, 7, 57);
    const long = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(at);
    expect(long(dateLocale('en', ['en-GB']))).toMatch(/^7 March 2026.*07:57$/);
    expect(long(dateLocale('en', ['en-US']))).toMatch(/^March 7, 2026.*7:57\sAM$/);
  });
  it('the first preferred locale of the UI language wins; other languages are skipped', () => {
    expect(dateLocale('nl', ['fr-BE', 'nl-BE', 'nl-NL'])).toBe('nl-BE');
    expect(dateLocale('ar', ['en-GB', 'ar-MA'])).toBe('ar-MA');
  });
  it('without a browser locale in the UI language: the UI language itself', () => {
    expect(dateLocale('uk', ['en-GB', 'nl-BE'])).toBe('uk');
    expect(dateLocale('tr', [])).toBe('tr');
  });
  it('underscores and malformed tags from a browser do no harm', () => {
    expect(dateLocale('en', ['en_GB'])).toBe('en-GB');
    expect(dateLocale('en', ['en-!!', 'en-IE'])).toBe('en-IE');
  });
});
