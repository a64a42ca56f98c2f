import i18next from 'i18next';

/**
 * Translations live in one folder per language, one JSON file per feature
 * (`src/i18n/locales/<lang>/<feature>.json`); the files of a language are merged into one resource.
 */
// Dutch (the default and the fallback): the app shell's texts (core.json) are in the first-load
// bundle; the other features' texts are one chunk loaded before any other screen shows (screenTexts).
// The other languages are separate chunks, loaded when chosen. All are precached for offline use.
const dutchFiles = import.meta.glob<Record<string, unknown>>('../i18n/locales/nl/core.json', { eager: true, import: 'default' });
const dutchFeatureFiles = import.meta.glob<Record<string, unknown>>(['../i18n/locales/nl/*.json', '!../i18n/locales/nl/core.json'], {
  import: 'default',
});
const otherFiles = import.meta.glob<Record<string, unknown>>(['../i18n/locales/*/*.json', '!../i18n/locales/nl/*.json'], {
  import: 'default',
});
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

const dutch: Record<string, unknown> = {};
for (const content of Object.values(dutchFiles)) deepMerge(dutch, content);

let dutchFeatures: Promise<void> | undefined;

/**
 * The Dutch texts of every screen besides Today (also the fallback of every other language): loaded
 * once, before the first such screen shows. Today and the app shell need only core.json.
 */
export function screenTexts(): Promise<void> {
  dutchFeatures ??= (async () => {
    const parts = await Promise.all(Object.values(dutchFeatureFiles).map((load) => load()));
    const merged: Record<string, unknown> = {};
    for (const part of parts) deepMerge(merged, part);
    i18next.addResourceBundle('nl', 'translation', merged, true, true);
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
  const loaders = Object.entries(otherFiles).filter(([path]) => path.split('/').at(-2) === lang);
  const parts = await Promise.all(loaders.map(([, load]) => load()));
  const merged: Record<string, unknown> = {};
  for (const part of parts) deepMerge(merged, part);
  i18next.addResourceBundle(lang, 'translation', merged, true, true);
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
