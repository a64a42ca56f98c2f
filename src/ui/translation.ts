import type { Card } from '../core/content/model.ts';
import type { TranslationDirection } from '../core/db/settings.ts';

/** The card's translation in the UI language, unless the UI is Dutch or the trainee chose Dutch only. */
export function translationOf(card: Card, lang: string, direction: TranslationDirection): string | undefined {
  if (lang === 'nl' || direction === 'nl-only') return undefined;
  return card.translations[lang];
}
