/**
 * The writing desk's live checks, in one call. Spelling is separate (checkSpelling) because it
 * needs the dictionary, which lives in a Web Worker in the app.
 */
import { byPosition, type Finding } from './findings.ts';
import { checkDt } from './dt.ts';
import type { DtLexicon } from './dtLexicon.ts';
import { checkKlareTaal, type JargonMatcher } from './klareTaal.ts';
import { checkRegister, type RegisterOptions } from './register.ts';
import { checkStadhuistaal, type StadhuistaalMatcher } from './stadhuistaal.ts';

export interface DeskOptions extends RegisterOptions {
  jargon?: JargonMatcher;
  /** The built-in list of stadhuistaal (content/stadhuistaal.yaml); until it is loaded only the decks' jargon is flagged. */
  stadhuistaal?: StadhuistaalMatcher;
  /**
   * The verb lexicon (createDtLexicon over dict/nl-dt.json, loaded with the dictionary). Until it
   * is there, the dt check knows only the irregular verbs (zijn, hebben, kunnen…).
   */
  lexicon?: DtLexicon;
}

export function checkText(text: string, options: DeskOptions): Finding[] {
  const klareTaal = checkKlareTaal(text, options.jargon, options.lexicon);
  // A word a deck lists as jargon is flagged once, with the deck's plain word.
  const deckJargon = new Set(klareTaal.filter((f) => f.code === 'jargon').map((f) => f.start));
  return [
    ...checkDt(text, options.lexicon),
    ...checkRegister(text, options),
    ...klareTaal,
    ...checkStadhuistaal(text, options.stadhuistaal).filter((f) => !deckJargon.has(f.start)),
  ].sort(byPosition);
}

export type { Finding, CheckKind } from './findings.ts';
export { checkDt } from './dt.ts';
export { createDtLexicon, DT_LEXICON_FORMAT, type DtLexicon, type DtLexiconData } from './dtLexicon.ts';
export { checkRegister } from './register.ts';
export { checkKlareTaal, jargonMatcher, type JargonEntry, type JargonMatcher } from './klareTaal.ts';
export {
  checkStadhuistaal,
  readStadhuistaalList,
  stadhuistaalMatcher,
  STADHUISTAAL_ASSET,
  type StadhuistaalMatcher,
} from './stadhuistaal.ts';
export { checkSpelling, checkCapitals, knownWords, type SpellFn } from './spelling.ts';
