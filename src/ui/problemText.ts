import type { Problem } from '../core/content/problems.ts';
import { t } from './i18n.svelte.ts';

/**
 * A content problem in the UI language: `problems.<code>` with the problem's params. Some codes
 * have a variant for when a param is empty (no suggestion, no list of allowed values).
 */
export function problemKey(p: Pick<Problem, 'code' | 'params' | 'file'>): string {
  if (p.code === 'invalid-value' && !p.params.allowed) return 'problems.invalid-value-any';
  if (p.code === 'invalid-id' && !p.params.suggestion) return 'problems.invalid-id-derive';
  if (p.code === 'unknown-field' && !p.params.suggestion) return 'problems.unknown-field-known';
  if (p.code === 'unknown-column' && !p.params.suggestion) return 'problems.unknown-column-any';
  if (p.code === 'unsupported-file' && /\.meta\.ya?ml$/i.test(p.file)) return 'problems.unsupported-file-meta';
  return `problems.${p.code}`;
}

export function problemText(p: Pick<Problem, 'code' | 'params' | 'file'>): string {
  const key = problemKey(p);
  const text = t(key, { ...p.params });
  // A code added later without a translation yet: say there is a problem rather than show a key.
  return text === key ? t('problems.unknown') : text;
}
