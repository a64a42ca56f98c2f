import Dexie from 'dexie';
import type { FSRS } from 'ts-fsrs';
import type { Deck, DeckMeta } from '../core/content/model.ts';
import { VaktaalDB } from '../core/db/database.ts';
import { FIRST_KIND } from '../core/exercises/kinds.ts';
import { queueSource, recordReview, syncDeck, type ReviewInput } from '../core/db/progressStore.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSetting, type Settings } from '../core/db/settings.ts';
import { dayStart, nextDayStart } from '../core/srs/day.ts';
import { buildTodayQueue, type TodayQueue } from '../core/srs/queue.ts';
import { createScheduler, fromStored } from '../core/srs/scheduler.ts';
import { browserLanguage, initI18n, isSupported, setLanguage } from './i18n.svelte.ts';
import { listImportedDecks } from '../core/db/importedDecks.ts';
import { itemsByIds } from '../core/progress/dashboard.ts';
import { initSpeech, voiceAvailable } from './speech.svelte.ts';

export interface DeckStats {
  due: number;
  fresh: number;
}

interface AppState {
  phase: 'loading' | 'ready' | 'failed';
  /** i18n key of the startup failure. */
  failure: string;
  settings: Settings;
  decks: Deck[];
  stats: Record<string, DeckStats>;
  /** Set by the service worker when a new version is waiting. */
  updateReady: boolean;
}

export const app: AppState = $state({
  phase: 'loading',
  failure: '',
  settings: { ...DEFAULT_SETTINGS },
  decks: [],
  stats: {},
  updateReady: false,
});

let db: VaktaalDB | undefined;
let scheduler: FSRS = createScheduler({ retention: DEFAULT_SETTINGS.retention });

export function database(): VaktaalDB {
  if (!db) throw new Error('database not open');
  return db;
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Opens the database, loads settings and the compiled decks, and syncs review items with them. */
export async function startApp(): Promise<void> {
  try {
    initSpeech();
    db = new VaktaalDB();
    await db.open();
    // Another tab opened a newer version of the app (schema upgrade): this tab's code is outdated.
    // Dexie closes our connection; say why and offer the reload instead of failing on the next write.
    db.on('versionchange', () => {
      db?.close();
      app.failure = 'errors.upgradedElsewhere';
      app.phase = 'failed';
      return false;
    });
    const settings = await loadSettings(db);
    if (!settings.lang || !isSupported(settings.lang)) {
      settings.lang = browserLanguage(navigator.languages ?? [navigator.language]);
    }
    await initI18n(isSupported(settings.lang) ? settings.lang : 'nl');
    app.settings = settings;
    scheduler = createScheduler({ retention: settings.retention });
  } catch (error) {
    console.error(error);
    await initI18n('nl').catch(() => undefined);
    app.failure = 'errors.storage';
    app.phase = 'failed';
    return;
  }
  try {
    const index = await fetchJson<{ decks: DeckMeta[] }>('decks/index.json');
    builtInDecks = await Promise.all(index.decks.map((d) => fetchJson<Deck>(`decks/${d.id}.json`)));
    await loadDecks();
    await refreshStats();
    app.phase = 'ready';
  } catch (error) {
    console.error(error);
    app.failure = 'errors.decks';
    app.phase = 'failed';
  }
}

export async function updateSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  await saveSetting(database(), key, value);
  app.settings[key] = value;
  if (key === 'lang' && isSupported(String(value))) await setLanguage(String(value) as never);
  if (key === 'retention') scheduler = createScheduler({ retention: Number(value) });
  if (key === 'newPerDay' || key === 'reviewsPerDay') await refreshStats();
}

/** Due and new counts per deck for the Today screen, from the same indexed reads the queue uses. */
export async function refreshStats(now = Date.now()): Promise<void> {
  const d = database();
  const until = nextDayStart(now) - 1;
  const entries = await Promise.all(
    app.decks.map(async (deck) => {
      const due = await d.items.where('[deckId+due]').between([deck.id, Dexie.minKey], [deck.id, until], true, true).count();
      // New words = cards not met yet (their first kind is still new); other kinds of met cards are not "new words".
      const fresh = await d.items
        .where('[deckId+newRank]')
        .between([deck.id, Dexie.minKey], [deck.id, Dexie.maxKey])
        .filter((i) => i.kind === FIRST_KIND)
        .count();
      return [deck.id, { due, fresh }] as const;
    }),
  );
  app.stats = Object.fromEntries(entries);
}

export async function todayQueue(deckIds: readonly string[], now = Date.now()): Promise<TodayQueue> {
  return buildTodayQueue(queueSource(database()), deckIds, now, {
    newPerDay: app.settings.newPerDay,
    reviewsPerDay: app.settings.reviewsPerDay,
    kinds: app.settings.kinds,
    voice: voiceAvailable(),
  });
}

export async function answer(input: ReviewInput) {
  return recordReview(database(), scheduler, input);
}

/** Reviews done and new items introduced today, for the Today header. */
export async function reviewsToday(now = Date.now()): Promise<{ reviews: number; newIntroduced: number }> {
  const { reviews, newIntroduced } = await queueSource(database()).reviewedSince(dayStart(now));
  return { reviews, newIntroduced };
}

export function deckById(id: string): Deck | undefined {
  return app.decks.find((d) => d.id === id);
}

/** When each grade would bring an item back, for the labels under the grade buttons. */
export function previewDue(fsrsState: import('../core/srs/types.ts').StoredFsrs, now = Date.now()): Record<1 | 2 | 3 | 4, number> {
  const preview = scheduler.repeat(fromStored(fsrsState), new Date(now));
  return {
    1: preview[1].card.due.getTime(),
    2: preview[2].card.due.getTime(),
    3: preview[3].card.due.getTime(),
    4: preview[4].card.due.getTime(),
  };
}

// ---- Imported decks, data restored or deleted, sessions of chosen items (progress & data screens) ----

/** The decks compiled into the app; decks imported in the app come from IndexedDB. */
let builtInDecks: Deck[] = [];

export function builtInDeckIds(): Set<string> {
  return new Set(builtInDecks.map((d) => d.id));
}

/**
 * Built-in decks plus imported ones, each synced with its review items. An imported deck whose id
 * a built-in deck took later stays stored (and in backups) but is not shown.
 */
async function loadDecks(): Promise<void> {
  const builtIn = builtInDeckIds();
  const imported = (await listImportedDecks(database())).map((r) => r.deck).filter((d) => !builtIn.has(d.id));
  const decks = [...builtInDecks, ...imported];
  for (const deck of decks) await syncDeck(database(), deck);
  app.decks = decks;
  // Decks chosen earlier that no longer exist are dropped from the selection.
  const known = new Set(decks.map((d) => d.id));
  app.settings.selectedDecks = app.settings.selectedDecks.filter((id) => known.has(id));
}

/** Re-reads settings and decks after the data changed underneath: backup restored, data deleted, deck imported or removed. */
export async function reloadData(): Promise<void> {
  const settings = await loadSettings(database());
  if (!settings.lang || !isSupported(settings.lang)) settings.lang = app.settings.lang;
  if (settings.lang !== app.settings.lang && isSupported(settings.lang)) await setLanguage(settings.lang);
  app.settings = settings;
  scheduler = createScheduler({ retention: settings.retention });
  await loadDecks();
  await refreshStats();
}

let pendingSession: string[] | undefined;

/** Makes the next practice session exactly these items (e.g. the difficult words) instead of today's queue. */
export function practiseItems(ids: readonly string[]): void {
  pendingSession = [...ids];
}

/** What the practice screen works through: a pending session of chosen items, else today's queue. */
export async function sessionQueue(now = Date.now()): Promise<TodayQueue> {
  const ids = pendingSession;
  pendingSession = undefined;
  if (!ids) return todayQueue(app.settings.selectedDecks, now);
  const kinds = new Set<string>(app.settings.kinds);
  const items = (await itemsByIds(database(), ids)).filter((i) => kinds.has(i.kind) && (!i.needsVoice || voiceAvailable()));
  return { items, dueCount: items.length, newCount: 0, laterToday: 0, doneToday: 0, newIntroducedToday: 0 };
}
