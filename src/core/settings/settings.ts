import { EXERCISE_KINDS, type ExerciseKind } from '../exercises/kinds.ts';

export type ThemeSetting = 'system' | 'light' | 'dark';
export const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

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
  /** The first-run welcome was answered or skipped (see firstRun.ts); it is not shown again. */
  welcomed: boolean;
  /** Local time of the daily calendar reminder ("HH:MM", 24 h), the .ics file's start time. */
  reminderTime: string;
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
  welcomed: false,
  reminderTime: '08:30',
};

/** A numeric setting's range and step: the one place the limits are written (the inputs read them too). */
export interface NumberLimits {
  min: number;
  max: number;
  step: number;
  /** Whole numbers only. */
  integer: boolean;
}

export const NUMBER_LIMITS = {
  newPerDay: { min: 0, max: 200, step: 1, integer: true },
  reviewsPerDay: { min: 0, max: 2000, step: 10, integer: true },
  retention: { min: 0.8, max: 0.95, step: 0.01, integer: false },
  dailyGoal: { min: 1, max: 1000, step: 1, integer: true },
  lastBackupAt: { min: 0, max: 8.64e15, step: 1, integer: true },
} as const satisfies Partial<Record<keyof Settings, NumberLimits>>;

type NumberKey = keyof typeof NUMBER_LIMITS;
const isNumberKey = (key: string): key is NumberKey => Object.hasOwn(NUMBER_LIMITS, key);
export const MAX_TRAINEE_NAME = 80;

function oneOf<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * The value a setting will hold for whatever was typed or stored: a number out of range is clamped
 * to the nearest limit (500 new words a day becomes 200, not the default), a value of the wrong
 * type or unknown choice falls back to the default. Stored and shown values both come from here.
 */
export function sanitizeSetting<K extends keyof Settings>(key: K, value: unknown): Settings[K] {
  return sanitize(key, value) as Settings[K];
}

function sanitize(key: keyof Settings, value: unknown): unknown {
  const fallback = DEFAULT_SETTINGS[key];
  if (isNumberKey(key)) {
    const limits: NumberLimits = NUMBER_LIMITS[key];
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) return fallback;
    const clamped = Math.min(limits.max, Math.max(limits.min, n));
    return limits.integer ? Math.round(clamped) : Math.round(clamped * 100) / 100;
  }
  switch (key) {
    case 'kinds': {
      const list = Array.isArray(value) ? EXERCISE_KINDS.filter((k) => value.includes(k)) : [];
      return list.length ? list : fallback;
    }
    case 'selectedDecks':
      return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : fallback;
    case 'translationDirection':
      return oneOf(TRANSLATION_DIRECTIONS, value, DEFAULT_SETTINGS.translationDirection);
    case 'theme':
      return oneOf(THEMES, value, DEFAULT_SETTINGS.theme);
    case 'reminderTime':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value.trim()) ? value.trim() : fallback;
    case 'traineeName':
      return typeof value === 'string' ? value.trim().slice(0, MAX_TRAINEE_NAME) : fallback;
    default:
      return typeof value === typeof fallback ? value : fallback;
  }
}

/** Settings from stored key/value rows: unknown keys are ignored, every value sanitized. */
export function settingsFromRows(rows: Iterable<{ key: string; value: unknown }>): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, kinds: [...DEFAULT_SETTINGS.kinds], selectedDecks: [] };
  const known = new Set(Object.keys(DEFAULT_SETTINGS));
  for (const row of rows) {
    if (!known.has(row.key)) continue;
    const key = row.key as keyof Settings;
    Object.assign(settings, { [key]: sanitizeSetting(key, row.value) });
  }
  return settings;
}
