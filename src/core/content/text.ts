/** Lowercase, diacritics removed, ’ → ', spaces collapsed: the form used to compare Dutch text loosely. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
