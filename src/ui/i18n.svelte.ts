import i18next from 'i18next';
import dutchCore from '../i18n/locales/nl/core.json';

/**
 * Translations live in one folder per language, one JSON file per feature
 * (`src/i18n/locales/<lang>/<feature>.json`); the files of a language are merged into one resource.
 */
// Dutch (the default and the fallback): the app shell's texts (core.json) are in the first-load
// bundle; the other features' texts are one chunk loaded before any other screen shows (screenTexts).
// Each other language is one chunk of all its files, loaded when chosen. All are precached for offline use.
type LanguageFiles = Record<string, Record<string, unknown>>;
const bundles = import.meta.glob<LanguageFiles>('../i18n/bundles/*.ts', { import: 'default' });
const bundleOf = (lang: string) => bundles[`../i18n/bundles/${lang}.ts`];
/** UI languages: code, own name, writing direction. Dutch is the default and the fallback. */
export const LANGUAGES = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
] as const;
export type LangCode = (typeof LANGUAGES)[number]['code'];

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object'
        ? deepMerge({ ...(existing as Record<string, unknown>) }, value as Record<string, unknown>)
        : value;
  }
  return target;
}

const dutch: Record<string, unknown> = dutchCore;

/** A language's bundle (for Dutch: every file but core.json), its files merged into one resource. */
async function mergedBundle(lang: LangCode): Promise<Record<string, unknown>> {
  const load = bundleOf(lang);
  if (!load) throw new Error(`No texts for language ${lang}`);
  const merged: Record<string, unknown> = {};
  for (const part of Object.values(await load())) deepMerge(merged, part);
  return merged;
}

let dutchFeatures: Promise<void> | undefined;

/**
 * The Dutch texts of every screen besides Today (also the fallback of every other language): loaded
 * once, before the first such screen shows. Today and the app shell need only core.json.
 */
export function screenTexts(): Promise<void> {
  dutchFeatures ??= (async () => {
    i18next.addResourceBundle('nl', 'translation', await mergedBundle('nl'), true, true);
    revision++;
  })().catch((error: unknown) => {
    dutchFeatures = undefined;
    throw error;
  });
  return dutchFeatures;
}

/** Loads a language's files into i18next once. */
async function loadLanguage(lang: LangCode): Promise<void> {
  if (lang === 'nl' || i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', await mergedBundle(lang), true, true);
}

let current = $state<LangCode>('nl');
/** Bumped when translations become available or change, so every t() call re-renders. */
let revision = $state(0);

export function isSupported(code: string): code is LangCode {
  return LANGUAGES.some((l) => l.code === code);
}

/** The first browser language we have a translation for, else Dutch. */
export function browserLanguage(preferred: readonly string[]): LangCode {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isSupported(base)) return base;
  }
  return 'nl';
}

export async function initI18n(lang: LangCode): Promise<void> {
  await i18next.init({
    lng: 'nl',
    fallbackLng: 'nl',
    resources: { nl: { translation: dutch } },
    interpolation: { escapeValue: false }, // Svelte escapes text itself
    returnNull: false,
  });
  await setLanguage(lang);
}

function applyLanguage(lang: LangCode) {
  current = lang;
  revision++;
  const meta = LANGUAGES.find((l) => l.code === lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = meta?.dir ?? 'ltr';
}

let latestRequest = 0;

export async function setLanguage(lang: LangCode): Promise<void> {
  // Choices can come faster than languages load (arrow keys through the list): only the last counts.
  const request = ++latestRequest;
  await loadLanguage(lang);
  if (request !== latestRequest) return;
  await i18next.changeLanguage(lang);
  applyLanguage(lang);
}

/** The texts of a screen loaded on demand (the deck studio): the Dutch feature texts (the other languages bring theirs when chosen). */
export function loadFeatureText(_feature: 'studio'): Promise<void> {
  return screenTexts();
}

export function language(): LangCode {
  return current;
}

/** Translate; reading `current` makes every caller re-render when the language changes. */
export function t(key: string, options?: Record<string, unknown>): string {
  void revision;
  return i18next.t(key, options ?? {}) as string;
}

/**
 * A translated sentence cut around one of its placeholders, [before, after], so the screen can
 * mark up the value itself: a Dutch definition inside an Arabic sentence gets its own lang and
 * direction instead of being reordered with the sentence.
 */
export function tAround(key: string, slot: string, options: Record<string, unknown> = {}): [string, string] {
  const mark = '\u0000';
  const [before = '', after = ''] = t(key, { ...options, [slot]: mark }).split(mark);
  return [before, after];
}
