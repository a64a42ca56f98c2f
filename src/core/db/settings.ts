import type { VaktaalDB } from './database.ts';
import { EXERCISE_KINDS, type ExerciseKind } from '../exercises/kinds.ts';

export type ThemeSetting = 'system' | 'light' | 'dark';

/**
 * How translations (in the UI language) appear: as a help beside the Dutch prompt (default),
 * as the prompt itself (own language → Dutch), or not at all (Dutch only).
 */
export type TranslationDirection = 'nl-to-own' | 'own-to-nl' | 'nl-only';
export const TRANSLATION_DIRECTIONS: readonly TranslationDirection[] = ['nl-to-own', 'own-to-nl', 'nl-only'];

export interface Settings {
  /** UI language code; '' until the trainee or the first visit chooses one. */
  lang: string;
  newPerDay: number;
  reviewsPerDay: number;
  /** FSRS desired retention. */
  retention: number;
  /** Decks chosen for today's session. */
  selectedDecks: string[];
  theme: ThemeSetting;
  /** Exercises per study day that count as "goal reached" (progress/rules.ts: the streak). */
  dailyGoal: number;
  /** Name on the coach report; stays on this device unless the trainee hands the report over. */
  traineeName: string;
  /** When a backup was last exported (epoch ms, 0 = never), for the backup reminder. */
  lastBackupAt: number;
  /** Exercise kinds switched on. */
  kinds: ExerciseKind[];
  /** Start a session with a short match-pairs round when there are enough known words. */
  warmup: boolean;
  translationDirection: TranslationDirection;
}

export const DEFAULT_SETTINGS: Settings = {
  lang: '',
  newPerDay: 10,
  reviewsPerDay: 200,
  retention: 0.9,
  selectedDecks: [],
  theme: 'system',
  dailyGoal: 20,
  traineeName: '',
  lastBackupAt: 0,
  kinds: [...EXERCISE_KINDS],
  warmup: true,
  translationDirection: 'nl-to-own',
};

/** Bounds a stored or typed value may take; anything outside falls back to the default. */
const RANGES: Partial<Record<keyof Settings, [number, number]>> = {
  newPerDay: [0, 200],
  reviewsPerDay: [0, 2000],
  retention: [0.7, 0.97],
  dailyGoal: [1, 1000],
  lastBackupAt: [0, 8.64e15],
};

export function sanitizeSetting<K extends keyof Settings>(key: K, value: unknown): Settings[K] {
  const fallback = DEFAULT_SETTINGS[key];
  const range = RANGES[key];
  if (range) {
    const n = typeof value === 'number' ? value : Number(value);
    return (Number.isFinite(n) && n >= range[0] && n <= range[1] ? n : fallback) as Settings[K];
  }
  if (key === 'kinds') {
    const list = Array.isArray(value) ? value.filter((k): k is ExerciseKind => (EXERCISE_KINDS as readonly unknown[]).includes(k)) : [];
    return (list.length ? list : fallback) as Settings[K];
  }
  if (key === 'translationDirection') {
    return ((TRANSLATION_DIRECTIONS as readonly unknown[]).includes(value) ? value : fallback) as Settings[K];
  }
  if (Array.isArray(fallback)) {
    return (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : fallback) as Settings[K];
  }
  if (key === 'traineeName') return (typeof value === 'string' ? value.trim().slice(0, 80) : fallback) as Settings[K];
  if (key === 'theme') return (['system', 'light', 'dark'].includes(String(value)) ? value : fallback) as Settings[K];
  return (typeof value === typeof fallback ? value : fallback) as Settings[K];
}

export async function loadSettings(db: VaktaalDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) {
      const key = row.key as keyof Settings;
      (settings as unknown as Record<string, unknown>)[key] = sanitizeSetting(key, row.value);
    }
  }
  return settings;
}

export async function saveSetting<K extends keyof Settings>(db: VaktaalDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value: sanitizeSetting(key, value) });
}
