import type { Deck } from '../model.ts';

export interface DeckStats {
  id: string;
  title: string;
  department: string;
  source: string;
  cards: number;
  nouns: number;
  withExample: number;
  withPlain: number;
  /** Cards with a translation, per language code. */
  translations: Record<string, number>;
}

export interface ContentStats {
  decks: DeckStats[];
  totals: Omit<DeckStats, 'id' | 'title' | 'department' | 'source'> & { decks: number; departments: number };
}

export function contentStats(decks: readonly Deck[]): ContentStats {
  const rows = decks.map((deck): DeckStats => {
    const translations: Record<string, number> = {};
    for (const card of deck.cards) for (const lang of Object.keys(card.translations)) translations[lang] = (translations[lang] ?? 0) + 1;
    return {
      id: deck.id,
      title: deck.title,
      department: deck.department,
      source: deck.source,
      cards: deck.cards.length,
      nouns: deck.cards.filter((c) => c.type === 'noun' || (c.article && !c.type)).length,
      withExample: deck.cards.filter((c) => c.example).length,
      withPlain: deck.cards.filter((c) => c.plain).length,
      translations,
    };
  });
  const sum = (f: (r: DeckStats) => number) => rows.reduce((n, r) => n + f(r), 0);
  const translations: Record<string, number> = {};
  for (const r of rows) for (const [lang, n] of Object.entries(r.translations)) translations[lang] = (translations[lang] ?? 0) + n;
  return {
    decks: rows,
    totals: {
      decks: rows.length,
      departments: new Set(rows.map((r) => r.department)).size,
      cards: sum((r) => r.cards),
      nouns: sum((r) => r.nouns),
      withExample: sum((r) => r.withExample),
      withPlain: sum((r) => r.withPlain),
      translations,
    },
  };
}

/** A plain-text table, one line per deck and a total line. */
export function formatStats(stats: ContentStats): string {
  const langs = Object.keys(stats.totals.translations).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const header = ['deck', 'department', 'cards', 'nouns', 'example', 'plain', ...langs];
  const line = (r: Omit<DeckStats, 'id' | 'title' | 'source' | 'department'>, name: string, department: string) => [
    name,
    department,
    String(r.cards),
    String(r.nouns),
    String(r.withExample),
    String(r.withPlain),
    ...langs.map((l) => String(r.translations[l] ?? 0)),
  ];
  const body = stats.decks.map((r) => line(r, r.id, r.department));
  const total = line(stats.totals, `total: ${stats.totals.decks} decks`, `${stats.totals.departments} departments`);
  const table = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.map(fmt), rule, fmt(total)].join('\n');
}
