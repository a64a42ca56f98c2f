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

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
