import type { SkippedNote } from './cards.ts';

/**
 * The one error the converter throws. Anything else escaping `convert()` is a bug (a property test
 * holds it to that). `code` lets the app show the message in the trainee's language; `message` is
 * the English one-liner the CLI prints after the file name.
 */
export type ConvertErrorCode =
  /** Not a zip, or a zip whose directory or entries cannot be read (truncated, damaged). */
  | 'corrupt-zip'
  /** A zip without collection.anki2 / .anki21 / .anki21b. */
  | 'no-collection'
  /** A package version (the `meta` entry) this converter does not know: written by a newer Anki. */
  | 'unknown-version'
  /** The collection inside the package is not a readable Anki database. */
  | 'corrupt-collection'
  /** A text file that is not text (binary content, or not UTF-8/UTF-16). */
  | 'not-text'
  /** A text file without any rows. */
  | 'empty'
  /** A text file whose rows cannot be read (a quote that never closes). */
  | 'bad-text'
  /** The file is larger than the converter accepts. */
  | 'too-large'
  /** A `--map` or separator option that cannot be used. */
  | 'bad-option'
  /** The file was read, but not one note could become a card. */
  | 'no-cards'
  /** The caller's AbortSignal fired. */
  | 'cancelled';

export class ConvertError extends Error {
  override readonly name = 'ConvertError';
  /** Values for a translated message (counts, names), each one line. */
  readonly params: Readonly<Record<string, string>>;
  constructor(
    readonly code: ConvertErrorCode,
    message: string,
    /** Values for a translated message (counts, names). */
    params: Readonly<Record<string, string>> = {},
    /** For 'no-cards': every note and why it could not become a card. */
    readonly skipped: readonly SkippedNote[] = [],
  ) {
    super(oneLine(message));
    this.params = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, oneLine(value)]));
  }
}

/** Longest message kept: a damaged file's bytes can end up quoted in a library's error. */
const MESSAGE_LIMIT = 300;

/**
 * A message the CLI prints after a file name and the app shows in one line: damaged input quoted by
 * SQLite or a zip library can carry newlines, control characters and kilobytes of noise.
 */
function oneLine(text: string): string {
  // Control characters are exactly what is removed.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]+/g;
  const flat = text.replace(controls, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length > MESSAGE_LIMIT ? `${flat.slice(0, MESSAGE_LIMIT - 1)}…` : flat;
}

/** Larger files are refused: a deck is far smaller, and a browser tab could not hold it. */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

/**
 * The size rule, on its own so that callers can apply it before reading a byte (the app checks
 * File.size: reading a file over the limit into memory is what the limit is there to prevent).
 */
export function sizeError(size: number): ConvertError | undefined {
  return size > MAX_INPUT_BYTES ? new ConvertError('too-large', 'the file is larger than 1 GB', { limit: '1 GB' }) : undefined;
}

export function isConvertError(error: unknown): error is ConvertError {
  return error instanceof ConvertError;
}
