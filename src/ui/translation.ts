import type { Card } from '../core/content/model.ts';
import type { TranslationDirection } from '../core/settings/settings.ts';

export interface Translation {
  text: string;
  /** The language the text is in: the UI language, or English when the deck lacks it. */
  lang: string;
  /** True when the UI language was missing and English stands in (shown with a label). */
  fallback: boolean;
}

/** The language a card's translation falls back to when the deck has none in the UI language. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * The card's translation in the UI language — or, when the deck has none in it, in English with
 * a visible label — unless the UI is Dutch or the trainee chose Dutch only.
 */
export function translationOf(
  card: Pick<Card, 'translations'>,
  lang: string,
  direction: TranslationDirection = 'nl-to-own',
): Translation | undefined {
  if (lang === 'nl' || direction === 'nl-only') return undefined;
  const own = card.translations[lang];
  if (own) return { text: own, lang, fallback: false };
  const english = card.translations[FALLBACK_LANGUAGE];
  return english ? { text: english, lang: FALLBACK_LANGUAGE, fallback: true } : undefined;
}
