/** The languages every card of a deck is translated into, sorted: what a deck can offer a trainee. */
export function deckLanguages(deck: { cards: readonly { translations: Readonly<Record<string, string>> }[] }): string[] {
  const [first, ...rest] = deck.cards;
  if (!first) return [];
  return Object.keys(first.translations)
    .filter((lang) => rest.every((card) => Object.hasOwn(card.translations, lang) && card.translations[lang]))
    .sort();
}
