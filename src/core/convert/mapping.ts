/**
 * Which field of a note goes into which card field. Indexes are 0-based here; people (the CLI's
 * `--map term=1,definition=2`, the app's mapping screen) count from 1.
 */
import { isLanguageCode, CONTENT_LANGUAGE } from '../content/languages.ts';
import { fold } from '../content/text.ts';
import { ConvertError } from './errors.ts';
import type { SourceNoteType } from './source.ts';

export interface FieldMap {
  /** Basic notes: the field holding the Dutch term. Cloze notes take the term from the deletion. */
  term?: number;
  definition?: number;
  /** Basic notes: a sentence with the term in it (the converter marks the gap). */
  example?: number;
  plain?: number;
  /** Language code → field. */
  translations?: ReadonlyMap<string, number>;
}

export const MAP_ROLES = ['term', 'definition', 'example', 'plain'] as const;
type Role = (typeof MAP_ROLES)[number];

/** Field names that say plainly what they hold (folded). Only these are mapped without being asked. */
const ROLE_NAMES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['example', 'example'],
  ['examples', 'example'],
  ['example sentence', 'example'],
  ['voorbeeld', 'example'],
  ['voorbeeldzin', 'example'],
  ['voorbeeldzinnen', 'example'],
  ['zin', 'example'],
  ['plain', 'plain'],
  ['klare taal', 'plain'],
  ['klaretaal', 'plain'],
]);
const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['english', 'en'],
  ['engels', 'en'],
  ['french', 'fr'],
  ['frans', 'fr'],
  ['francais', 'fr'],
  ['arabic', 'ar'],
  ['arabisch', 'ar'],
  ['ukrainian', 'uk'],
  ['oekraiens', 'uk'],
  ['turkish', 'tr'],
  ['turks', 'tr'],
]);

function languageOf(name: string): string | undefined {
  const folded = fold(name);
  if (folded !== CONTENT_LANGUAGE && /^[a-z]{2,3}$/.test(folded) && isLanguageCode(folded)) return folded;
  return LANGUAGE_NAMES.get(folded);
}

/**
 * The mapping used when nobody chose one. Basic: field 1 → term, field 2 → definition, and a
 * further field only when its name says what it is ("Voorbeeld", "English"). Cloze: the
 * definition from the field beside the one cloze field (Anki's "Back Extra"), if there is one.
 */
export function defaultFieldMap(noteType: SourceNoteType): FieldMap {
  const translations = new Map<string, number>();
  const map: { -readonly [K in keyof FieldMap]: FieldMap[K] } = {};
  const taken = new Set<number>();
  if (noteType.kind === 'cloze') {
    // Only with one cloze field (Anki's stock "Cloze": Text, Back Extra) is the other field
    // about every deletion; with several, a field belongs to one of them and would mislead.
    const extra = noteType.clozeFields.length === 1 ? noteType.fields.findIndex((_, i) => !noteType.clozeFields.includes(i)) : -1;
    if (extra >= 0) {
      map.definition = extra;
      taken.add(extra);
    }
    for (const i of noteType.clozeFields) taken.add(i);
  } else {
    map.term = 0;
    map.definition = 1;
    taken.add(0).add(1);
  }
  noteType.fields.forEach((name, i) => {
    if (taken.has(i)) return;
    const role = ROLE_NAMES.get(fold(name));
    const lang = languageOf(name);
    if (role && map[role] === undefined && !(noteType.kind === 'cloze' && role === 'example')) map[role] = i;
    else if (lang && !translations.has(lang)) translations.set(lang, i);
  });
  if (translations.size) map.translations = translations;
  return map;
}

/** Reads `term=1,definition=2,example=3,en=4` (1-based). Throws ConvertError('bad-option'). */
export function parseFieldMap(spec: string): FieldMap {
  const map: { -readonly [K in keyof FieldMap]: FieldMap[K] } = {};
  const translations = new Map<string, number>();
  const used = new Map<number, string>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = part.match(/^([A-Za-z-]+)\s*=\s*(\d+)$/);
    if (!match) throw new ConvertError('bad-option', `--map: "${part}" is not role=number (e.g. term=1,definition=2)`, { part });
    const role = match[1]!.toLowerCase();
    const field = Number(match[2]);
    if (field < 1) throw new ConvertError('bad-option', `--map: fields are counted from 1, not ${field}`, { part });
    if (used.has(field))
      throw new ConvertError('bad-option', `--map: field ${field} is given twice (${used.get(field)} and ${role})`, { part });
    used.set(field, role);
    if ((MAP_ROLES as readonly string[]).includes(role)) {
      map[role as Role] = field - 1;
    } else if (role !== CONTENT_LANGUAGE && isLanguageCode(role)) {
      translations.set(role, field - 1);
    } else {
      throw new ConvertError(
        'bad-option',
        `--map: "${role}" is not a card field: use ${MAP_ROLES.join(', ')} or a language code such as en, fr`,
        {
          role,
        },
      );
    }
  }
  if (translations.size) map.translations = translations;
  return map;
}

/**
 * One field's role on the app's mapping screen, where each field of a note type gets a select:
 * a card field, a translation (`translation:en`), or nothing (''). A role belongs to one field.
 */
export type FieldRole = '' | Role | `translation:${string}`;

const TRANSLATION = 'translation:';

/** The roles per field (0-based, `fieldCount` long) that a mapping gives. */
export function rolesFromMap(map: FieldMap, fieldCount: number): FieldRole[] {
  const roles: FieldRole[] = Array.from({ length: fieldCount }, () => '');
  for (const role of MAP_ROLES) {
    const index = map[role];
    if (index !== undefined && index < fieldCount) roles[index] = role;
  }
  for (const [lang, index] of map.translations ?? []) if (index < fieldCount && !roles[index]) roles[index] = `${TRANSLATION}${lang}`;
  return roles;
}

/** The mapping the roles per field make; unknown roles and languages are left out. */
export function mapFromRoles(roles: readonly FieldRole[]): FieldMap {
  const map: { -readonly [K in keyof FieldMap]: FieldMap[K] } = {};
  const translations = new Map<string, number>();
  roles.forEach((role, index) => {
    if ((MAP_ROLES as readonly string[]).includes(role)) {
      if (map[role as Role] === undefined) map[role as Role] = index;
    } else if (role.startsWith(TRANSLATION)) {
      const lang = role.slice(TRANSLATION.length);
      if (isLanguageCode(lang) && !translations.has(lang)) translations.set(lang, index);
    }
  });
  if (translations.size) map.translations = translations;
  return map;
}

/**
 * The roles that more than one field has. The app's mapping screen lets each field's select be
 * changed on its own and says which role is chosen twice: taking a role away from the other field
 * on every change would lose the mapping when a keyboard user walks a select with the arrow keys
 * (each step is a change). Translations count per language.
 */
export function repeatedRoles(roles: readonly FieldRole[]): FieldRole[] {
  const seen = new Set<FieldRole>();
  const repeated = new Set<FieldRole>();
  for (const role of roles) {
    if (role === '') continue;
    if (seen.has(role)) repeated.add(role);
    seen.add(role);
  }
  return [...repeated];
}

/** Gives field `index` a role; the field that had it before loses it (a role belongs to one field). */
export function assignRole(roles: readonly FieldRole[], index: number, role: FieldRole): FieldRole[] {
  return roles.map((r, i) => (i === index ? role : role !== '' && r === role ? '' : r));
}
