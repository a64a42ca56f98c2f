import { readFileSync, readdirSync } from 'node:fs';

/** The six UI languages; every expected UI text is read from their translation files, never hard-coded. */
export const LANGS = ['nl', 'en', 'fr', 'ar', 'uk', 'tr'] as const;
export type Lang = (typeof LANGS)[number];

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

export const MESSAGES = Object.fromEntries(
  LANGS.map((lang) => {
    const dir = `src/i18n/locales/${lang}`;
    const all = new Map<string, string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')))
      flatten(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Tree, '', all);
    return [lang, all];
  }),
) as Record<Lang, Map<string, string>>;

/** A UI text as the app shows it: i18next's plural form for `count` (Intl.PluralRules) and {{placeholders}} filled in. */
export function msg(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const m = MESSAGES[lang];
  let text = m.get(key);
  if (params.count !== undefined) text = m.get(`${key}_${new Intl.PluralRules(lang).select(Number(params.count))}`) ?? text;
  if (text === undefined) throw new Error(`${lang}: no ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name]));
}
