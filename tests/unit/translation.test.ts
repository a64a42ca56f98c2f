import { describe, expect, it } from 'vitest';
import { deckLanguages } from '../../src/core/content/deckLanguages.ts';
import { translationOf } from '../../src/ui/translation.ts';

describe("a card's translation in the trainee's language", () => {
  const card = { translations: { en: 'application', fr: 'demande', ar: 'طلب' } };
  it('is the UI language when the deck has it', () => {
    expect(translationOf(card, 'ar')).toEqual({ text: 'طلب', lang: 'ar', fallback: false });
  });
  it('falls back to English, marked as such, when the deck lacks the UI language', () => {
    expect(translationOf(card, 'uk')).toEqual({ text: 'application', lang: 'en', fallback: true });
    expect(translationOf({ translations: { fr: 'demande' } }, 'uk')).toBeUndefined();
  });
  it('is never shown in Dutch or when the trainee chose Dutch only', () => {
    expect(translationOf(card, 'nl')).toBeUndefined();
    expect(translationOf(card, 'ar', 'nl-only')).toBeUndefined();
  });
});

describe('the languages a deck offers', () => {
  it('are those every card is translated into', () => {
    const cards: { translations: Record<string, string> }[] = [
      { translations: { en: 'a', fr: 'b', tr: 'c' } },
      { translations: { en: 'a', tr: 'c', uk: 'd' } },
      { translations: { tr: 'c', en: 'x' } },
    ];
    expect(deckLanguages({ cards })).toEqual(['en', 'tr']);
    expect(deckLanguages({ cards: [] })).toEqual([]);
    expect(deckLanguages({ cards: [{ translations: { constructor: 'x' } }, { translations: {} }] })).toEqual([]);
  });
});
