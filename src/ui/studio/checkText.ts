import { isStudioCheckCode, type StudioProblem } from '../../core/studio/checker.ts';
import type { LocatedProblem } from '../../core/studio/fileCheck.ts';
import { language, t } from '../i18n.svelte.ts';
import { problemText } from '../problemText.ts';

/** Labels of the deck's fields (i18n keys). */
const DECK_FIELD_LABELS = new Map([
  ['id', 'studio.field.deckId'],
  ['title', 'studio.field.title'],
  ['department', 'studio.field.department'],
  ['level', 'studio.field.level'],
  ['description', 'studio.field.description'],
  ['cards', 'studio.field.cards'],
]);

/** Labels of a card's fields (i18n keys). */
export const CARD_FIELD_LABELS = new Map([
  ['term', 'studio.field.term'],
  ['article', 'studio.field.article'],
  ['type', 'studio.field.type'],
  ['definition', 'studio.field.definition'],
  ['example', 'studio.field.example'],
  ['plain', 'studio.field.plain'],
  ['alternatives', 'studio.field.alternatives'],
  ['translations', 'studio.field.translations'],
  ['audio', 'studio.field.audio'],
  ['id', 'studio.field.id'],
  ['sharedTerm', 'studio.field.sharedTerm'],
]);

/** Word classes of the format, in the UI language. */
export const TYPE_LABELS = new Map([
  ['noun', 'studio.type.noun'],
  ['verb', 'studio.type.verb'],
  ['adjective', 'studio.type.adjective'],
  ['adverb', 'studio.type.adverb'],
  ['phrase', 'studio.type.phrase'],
  ['abbreviation', 'studio.type.abbreviation'],
]);

/** A language's name in the UI language ("Engels", "English", "anglais"). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function fieldLabel(field: string, onCard: boolean): string {
  if (onCard && field.startsWith('translations.'))
    return t('studio.field.translation', { language: languageName(field.slice('translations.'.length)) });
  const key = (onCard ? CARD_FIELD_LABELS : DECK_FIELD_LABELS).get(field);
  return key ? t(key) : field;
}

/** What a check found and what to change, in the UI language. */
export function checkText(p: Pick<StudioProblem, 'code' | 'params' | 'field'> & { card?: unknown }): string {
  const onCard = p.card !== undefined;
  const named = p.params.field;
  const label = fieldLabel(named && (onCard ? CARD_FIELD_LABELS : DECK_FIELD_LABELS).has(named) ? named : p.field, onCard);
  const params = {
    ...p.params,
    label,
    typeLabel: t(TYPE_LABELS.get(p.params.type ?? '') ?? 'studio.type.other'),
    languageName: languageName(p.params.languages ?? ''),
  };
  if (!isStudioCheckCode(p.code)) return problemText({ code: p.code, params: p.params, file: '' });
  if (p.code === 'empty-value' && p.field === 'cards') return t('studio.check.noCards');
  if (p.code === 'invalid-value' && !p.params.allowed) return t('studio.check.invalid-value-any', params);
  if (p.code === 'invalid-id' && !p.params.suggestion) return t('studio.check.invalid-id-derive', params);
  if (p.code === 'deck-size') return t('studio.check.deck-size', { ...params, count: Number(p.params.count) });
  const text = t(`studio.check.${p.code}`, params);
  return p.code === 'spelling' && p.params.suggestions
    ? `${text} ${t('studio.check.suggestions', { suggestions: p.params.suggestions })}`
    : text;
}

/** Where a problem of the file check is: the card's number and the field, or the deck field. */
export function problemWhere(p: Pick<LocatedProblem, 'card' | 'field'>): string {
  const field = fieldLabel(p.field, p.card !== undefined);
  return p.card === undefined ? field : t('studio.check.atCard', { number: p.card + 1, field });
}

/** The element id of a field's input in the card form or the deck form (focus moves there from the table and the list of checks). */
export function fieldId(field: string, onCard = true): string {
  const name = field.startsWith('alternatives') ? 'alternatives' : field;
  return `${onCard ? 'sf' : 'sd'}-${name.replace(/\./g, '-')}`;
}
