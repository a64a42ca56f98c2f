/**
 * Anki packages, Anki text exports and Quizlet exports converted off the main thread, with the
 * core's converter (src/core/convert). One worker per picked file: it keeps what it read, so the
 * mapping can be changed and applied again without reading the file again. sql.js and its
 * WebAssembly load only when a package is opened (never for a text file, never in the first load).
 * The worker compiles WebAssembly: a server that sends its own Content-Security-Policy header for
 * worker scripts must allow 'wasm-unsafe-eval' (see README.md).
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import {
  checkConverted,
  ConvertError,
  defaultFieldMap,
  mapSource,
  readSource,
  sampleNotes,
  type ChosenDeckFields,
  type ConvertedCheck,
  type ConvertErrorCode,
  type ConvertProgress,
  type ConvertResult,
  type FieldMap,
  type PackageVersion,
  type QuizletOptions,
  type SampleField,
  type SkippedNote,
  type Source,
  type SourceFormat,
  type SourceNoteType,
} from '../core/convert/index.ts';

export interface NoteTypeView extends SourceNoteType {
  samples: SampleField[][];
  defaultMap: FieldMap;
}

export interface SourceView {
  format: SourceFormat;
  packageVersion?: PackageVersion;
  noteCount: number;
  noteTypes: NoteTypeView[];
}

export interface MappedDeckView {
  id: string;
  title: string;
  description?: string;
  cardCount: number;
  recordingCount: number;
}

export interface MappedView {
  decks: MappedDeckView[];
  skipped: SkippedNote[];
  warnings: string[];
}

export interface WireConvertError {
  /** The converter's code, or 'engine' when SQLite could not be loaded to read a package. */
  code: ConvertErrorCode | 'engine';
  message: string;
  params: Readonly<Record<string, string>>;
  skipped: readonly SkippedNote[];
}

export type ConvertRequest =
  /** Without bytes: the file read before, again (a text file read as a Quizlet export, with other separators). */
  | { type: 'read'; bytes?: ArrayBuffer; fileName: string; format?: 'anki-text' | 'quizlet'; quizlet?: QuizletOptions }
  | { type: 'map'; noteTypeMaps: ReadonlyMap<string, FieldMap> }
  | { type: 'check'; chosen: ReadonlyMap<string, ChosenDeckFields> }
  | { type: 'cancel' };

export type ConvertResponse =
  | { type: 'progress'; progress: ConvertProgress }
  | { type: 'source'; view: SourceView }
  | { type: 'mapped'; view: MappedView }
  | { type: 'checked'; check: ConvertedCheck }
  | { type: 'failed'; error: WireConvertError };

const post = (message: ConvertResponse) => (self as unknown as Worker).postMessage(message);

let sql: ReturnType<typeof initSql> | undefined;
/** Set when SQLite itself could not be loaded (offline before it was ever cached): not the file's fault. */
let sqlFailed = false;

async function initSql() {
  const { default: initSqlJs } = await import('sql.js');
  return initSqlJs({ locateFile: () => wasmUrl });
}

const loadSql = () =>
  (sql ??= initSql().catch((error: unknown) => {
    sqlFailed = true;
    sql = undefined;
    throw error;
  }));

/** The picked file's bytes, kept to read it again with another layout. */
let input: Uint8Array | undefined;
let source: Source | undefined;
let mapped: ConvertResult | undefined;
let running: AbortController | undefined;

function fail(error: unknown): void {
  const e =
    error instanceof ConvertError
      ? error
      : new ConvertError('corrupt-collection', `the file could not be read (${error instanceof Error ? error.message : String(error)})`);
  post({ type: 'failed', error: { code: sqlFailed ? 'engine' : e.code, message: e.message, params: e.params, skipped: e.skipped } });
  sqlFailed = false;
}

async function work(task: (options: { signal: AbortSignal; onProgress: (p: ConvertProgress) => void }) => Promise<void>): Promise<void> {
  running = new AbortController();
  try {
    await task({ signal: running.signal, onProgress: (progress) => post({ type: 'progress', progress }) });
  } catch (error) {
    fail(error);
  } finally {
    running = undefined;
  }
}

self.onmessage = (event: MessageEvent<ConvertRequest>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    running?.abort();
    return;
  }
  if (message.type === 'read') {
    if (message.bytes) input = new Uint8Array(message.bytes);
    const bytes = input;
    if (!bytes) return;
    void work(async (run) => {
      // What was read before stays until this read succeeds: a failed re-read goes back to it.
      const read = await readSource(bytes, {
        fileName: message.fileName,
        loadSql,
        ...(message.format ? { format: message.format } : {}),
        ...(message.quizlet ? { quizlet: message.quizlet } : {}),
        ...run,
      });
      source = read;
      mapped = undefined;
      const samples = sampleNotes(source);
      post({
        type: 'source',
        view: {
          format: source.format,
          ...(source.packageVersion ? { packageVersion: source.packageVersion } : {}),
          noteCount: source.notes.length,
          noteTypes: source.noteTypes.map((t) => ({ ...t, samples: samples.get(t.id) ?? [], defaultMap: defaultFieldMap(t) })),
        },
      });
    });
    return;
  }
  if (message.type === 'map') {
    const read = source;
    if (!read) return;
    void work(async (run) => {
      mapped = await mapSource(read, { noteTypeMaps: message.noteTypeMaps, ...run });
      post({
        type: 'mapped',
        view: {
          decks: mapped.decks.map((d) => ({
            id: d.id,
            title: d.title,
            ...(d.description ? { description: d.description } : {}),
            cardCount: d.cards.length,
            recordingCount: new Set(d.cards.map((c) => c.audio).filter(Boolean)).size,
          })),
          skipped: mapped.skipped,
          warnings: mapped.warnings,
        },
      });
    });
    return;
  }
  if (message.type === 'check' && mapped) {
    try {
      post({ type: 'checked', check: checkConverted(mapped.decks, mapped.audio, message.chosen) });
    } catch (error) {
      fail(error);
    }
  }
};
