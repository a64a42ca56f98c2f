/** Card ids derived from terms: stable, readable, ASCII. "Wettelijke samenwoning" → "wettelijke-samenwoning". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A card's id: the one it states, else derived from its term (the rule the build, import and studio share). */
export function cardIdOf(card: { id?: string | undefined; term: string }): string {
  return card.id ?? slugify(card.term);
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
