import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compileContentDir } from '../../src/build/contentFiles.ts';
import { createFirstRunService } from '../../src/core/services/firstRun.ts';
import { createSettingsService } from '../../src/core/services/settings.ts';
import { DAY_ONE_DECK_ID, departmentsOf, isFirstRun, welcomeDecks } from '../../src/core/settings/firstRun.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings.ts';
import { freshDb } from './helpers.ts';

const decks = [
  { id: 'burgerzaken', department: 'Burgerzaken' },
  { id: DAY_ONE_DECK_ID, department: 'Algemeen' },
  { id: 'verblijf', department: 'Burgerzaken' },
  { id: 'omgeving', department: 'Omgeving' },
];

describe('the first-run decision', () => {
  it('is a first run only with no setting stored and no answer logged', () => {
    expect(isFirstRun({ storedSettings: 0, answers: 0 })).toBe(true);
    expect(isFirstRun({ storedSettings: 1, answers: 0 })).toBe(false);
    // An existing user who never changed a setting still has answers: no welcome.
    expect(isFirstRun({ storedSettings: 0, answers: 3 })).toBe(false);
  });

  it('ticks the day-one deck first, then every deck of the department; without a department the day-one deck alone', () => {
    expect(welcomeDecks(decks, 'Burgerzaken')).toEqual([DAY_ONE_DECK_ID, 'burgerzaken', 'verblijf']);
    expect(welcomeDecks(decks, 'Algemeen')).toEqual([DAY_ONE_DECK_ID]);
    expect(welcomeDecks(decks, undefined)).toEqual([DAY_ONE_DECK_ID]);
    expect(welcomeDecks(decks.slice(0, 1), undefined)).toEqual([]);
  });

  it('offers each department once, in Dutch order', () => {
    expect(departmentsOf([...decks, { department: 'Financiën' }])).toEqual(['Algemeen', 'Burgerzaken', 'Financiën', 'Omgeving']);
  });

  it('finds the day-one deck among the built-in decks, and every department gets it plus decks of its own', () => {
    const built = compileContentDir('content').decks;
    expect(built.map((d) => d.id)).toContain(DAY_ONE_DECK_ID);
    for (const department of departmentsOf(built)) {
      const ticked = welcomeDecks(built, department);
      expect(ticked[0]).toBe(DAY_ONE_DECK_ID);
      expect(ticked.slice(1).every((id) => built.find((d) => d.id === id)!.department === department)).toBe(true);
    }
  });
});

describe('the first-run service', () => {
  it('shows the welcome on a new device, and not after it was answered', async () => {
    const db = freshDb();
    const settings = createSettingsService(db);
    const firstRun = createFirstRunService(db, settings);
    expect(await firstRun.isFirstRun()).toBe(true);
    await firstRun.complete({ lang: 'ar', selectedDecks: [DAY_ONE_DECK_ID, 'burgerzaken', DAY_ONE_DECK_ID] });
    expect(await firstRun.isFirstRun()).toBe(false);
    const stored = await settings.load();
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, lang: 'ar', selectedDecks: [DAY_ONE_DECK_ID, 'burgerzaken'], welcomed: true });
  });

  it('a skip stores only that the welcome was seen: the browser language keeps applying', async () => {
    const db = freshDb();
    const settings = createSettingsService(db);
    const firstRun = createFirstRunService(db, settings);
    await firstRun.complete({});
    expect(await firstRun.isFirstRun()).toBe(false);
    expect(await settings.load()).toEqual({ ...DEFAULT_SETTINGS, welcomed: true });
  });

  it('an existing user is never welcomed: a stored setting or a logged answer is enough', async () => {
    const withSetting = freshDb();
    await createSettingsService(withSetting).save('theme', 'dark');
    expect(await createFirstRunService(withSetting, createSettingsService(withSetting)).isFirstRun()).toBe(false);

    const withAnswer = freshDb();
    await withAnswer.logs.add({ uid: 'u1', itemId: 'x', deckId: 'd', rating: 3, reviewedAt: 1 } as never);
    expect(await createFirstRunService(withAnswer, createSettingsService(withAnswer)).isFirstRun()).toBe(false);
  });
});
