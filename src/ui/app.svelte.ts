/**
 * The app's controller: settings, the decks and today's numbers, shared by every screen. It calls
 * the core services (through the composition root in services.ts) and holds their answers as state.
 */
import type { Deck } from '../core/content/model.ts';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/settings.ts';
import type { TodayOverview } from '../core/services/today.ts';
import type { QueueLimits } from '../core/srs/queue.ts';
import { browserLanguage, initI18n, isSupported, setLanguage } from './i18n.svelte.ts';
import { openServices, services } from './services.ts';
import { initSpeech, voiceAvailable } from './speech.svelte.ts';

interface AppState {
  phase: 'loading' | 'ready' | 'failed';
  /** i18n key of the startup failure. */
  failure: string;
  settings: Settings;
  decks: Deck[];
  /** Today's numbers (what a session started now gives); undefined until first read. */
  today: TodayOverview | undefined;
  /** Set by the service worker when a new version is waiting. */
  updateReady: boolean;
  /** A first visit: the welcome (controllers/welcome.svelte.ts) shows until answered or skipped. */
  firstRun: boolean;
}

export const app: AppState = $state({
  phase: 'loading',
  failure: '',
  settings: { ...DEFAULT_SETTINGS },
  decks: [],
  today: undefined,
  updateReady: false,
  firstRun: false,
});

let builtInIds = new Set<string>();

/** Opens the database, loads settings and the compiled decks, and syncs review items with them. */
export async function startApp(): Promise<void> {
  try {
    initSpeech();
    const opened = await openServices({
      retention: () => app.settings.retention,
      onOutdated: () => {
        app.failure = 'errors.upgradedElsewhere';
        app.phase = 'failed';
      },
    });
    const settings = await opened.settings.load();
    if (!settings.lang || !isSupported(settings.lang)) settings.lang = browserLanguage(navigator.languages ?? [navigator.language]);
    await initI18n(isSupported(settings.lang) ? settings.lang : 'nl');
    app.settings = settings;
    app.firstRun = await opened.firstRun.isFirstRun();
  } catch (error) {
    console.error(error);
    await initI18n('nl').catch(() => undefined);
    app.failure = 'errors.storage';
    app.phase = 'failed';
    return;
  }
  try {
    await loadDecks();
    await refreshToday();
    app.phase = 'ready';
  } catch (error) {
    // Handled: the screen says the decks could not be loaded (e.g. offline with a lost offline copy).
    console.warn(error);
    app.failure = 'errors.decks';
    app.phase = 'failed';
  }
}

/** Stores a setting and shows what was stored (out-of-range values come back clamped). */
export async function updateSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<Settings[K]> {
  const stored = await services().settings.save(key, value);
  app.settings[key] = stored;
  if (key === 'lang' && isSupported(String(stored))) await setLanguage(String(stored) as never);
  if (key === 'newPerDay' || key === 'reviewsPerDay' || key === 'selectedDecks' || key === 'kinds' || key === 'dailyGoal')
    await refreshToday();
  return stored;
}

/** The daily limits and exercise choices every queue of words is built with. */
export function queueLimits(): QueueLimits {
  return {
    newPerDay: app.settings.newPerDay,
    reviewsPerDay: app.settings.reviewsPerDay,
    kinds: app.settings.kinds,
    voice: voiceAvailable(),
  };
}

/** Today's numbers, from the same queue a session started now would get. */
export async function refreshToday(now = Date.now()): Promise<void> {
  app.today = await services().today.overview({
    deckIds: app.settings.selectedDecks,
    allDeckIds: app.decks.map((d) => d.id),
    limits: queueLimits(),
    dailyGoal: app.settings.dailyGoal,
    now,
  });
}

export function deckById(id: string): Deck | undefined {
  return app.decks.find((d) => d.id === id);
}

export function isBuiltInDeck(id: string): boolean {
  return builtInIds.has(id);
}

export function builtInDeckIds(): string[] {
  return [...builtInIds];
}

async function loadDecks(): Promise<void> {
  const catalog = await services().decks.catalog();
  builtInIds = catalog.builtInIds;
  app.decks = catalog.decks;
  // Decks chosen earlier that no longer exist are dropped from the selection.
  const known = new Set(catalog.decks.map((d) => d.id));
  app.settings.selectedDecks = app.settings.selectedDecks.filter((id) => known.has(id));
}

/** Re-reads settings and decks after the data changed underneath: backup restored, data deleted, deck imported or removed. */
export async function reloadData(): Promise<void> {
  const settings = await services().settings.load();
  if (!settings.lang || !isSupported(settings.lang)) settings.lang = app.settings.lang;
  if (settings.lang !== app.settings.lang && isSupported(settings.lang)) await setLanguage(settings.lang);
  app.settings = settings;
  await loadDecks();
  await refreshToday();
}
