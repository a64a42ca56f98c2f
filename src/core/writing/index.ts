/**
 * The writing desk's live checks, in one call. Spelling is separate (checkSpelling) because it
 * needs the dictionary, which lives in a Web Worker in the app.
 */
import { byPosition, type Finding } from './findings.ts';
import { checkDt } from './dt.ts';
import { checkKlareTaal, type JargonMatcher } from './klareTaal.ts';
import { checkRegister, type RegisterOptions } from './register.ts';

export interface DeskOptions extends RegisterOptions {
  jargon?: JargonMatcher;
}

export function checkText(text: string, options: DeskOptions): Finding[] {
  return [...checkDt(text), ...checkRegister(text, options), ...checkKlareTaal(text, options.jargon)].sort(byPosition);
}

export type { Finding, CheckKind } from './findings.ts';
export { checkDt } from './dt.ts';
export { checkRegister } from './register.ts';
export { checkKlareTaal, jargonMatcher, type JargonEntry, type JargonMatcher } from './klareTaal.ts';
export { checkSpelling, checkCapitals, knownWords, type SpellFn } from './spelling.ts';
