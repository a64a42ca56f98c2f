/**
 * Converting Anki packages, Anki text exports and Quizlet exports into Vaktaal decks (issue 16).
 * Pure: bytes in, deck data out; no Node APIs, no DOM. The CLI (src/cli/convert.ts) writes the
 * result as deck files; the app can run the same functions in a Web Worker:
 *
 *   const source = await readSource(bytes, { fileName, loadSql, onProgress, signal });
 *   // show source.noteTypes (names, fields, counts) and let the user change the mapping
 *   const result = await mapSource(source, { noteTypeMaps, onProgress, signal });
 *   // the app: checkConverted(result.decks, result.audio, chosenFields) before storing
 *
 * Everything thrown is a ConvertError (code + English message + params); a cancelled run throws
 * ConvertError('cancelled'). sql.js is loaded only for packages, through `loadSql`:
 *
 *   // Node (the CLI): sql.js finds its .wasm beside its JS in node_modules.
 *   loadSql: () => initSqlJs()
 *   // Browser (Vite, in a Web Worker; the package's "browser" export is sql-wasm-browser.js):
 *   import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
 *   loadSql: () => initSqlJs({ locateFile: () => wasmUrl })
 */
export {
  convert,
  mapSource,
  readSource,
  MAX_INPUT_BYTES,
  type ConvertOptions,
  type ConvertResult,
  type MapOptions,
  type ReadOptions,
} from './convert.ts';
export { ConvertError, isConvertError, sizeError, type ConvertErrorCode } from './errors.ts';
export { QUIZLET_SEPARATORS, separatorFromText, type QuizletSeparatorName } from './separators.ts';
export {
  assignRole,
  defaultFieldMap,
  mapFromRoles,
  parseFieldMap,
  rolesFromMap,
  repeatedRoles,
  MAP_ROLES,
  type FieldMap,
  type FieldRole,
} from './mapping.ts';
export type { SkippedNote, SkipCode } from './cards.ts';
export type { SqlJsLoader } from './collection.ts';
export type { ConvertPhase, ConvertProgress } from './run.ts';
export type { PackageVersion, Source, SourceDeck, SourceFormat, SourceNote, SourceNoteType } from './source.ts';
export type { QuizletOptions } from './textExport.ts';
export { sampleNotes, type SampleField } from './preview.ts';
export { checkConverted, type CheckedDeck, type ChosenDeckFields, type ConvertedCheck } from './install.ts';
