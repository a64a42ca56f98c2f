import { strToU8, Unzip, UnzipInflate, unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { z } from 'zod';
import { parseDeckFile } from './parseDeckFile.ts';
import { hasErrors, problem, type Problem, type ProblemCode } from './problems.ts';
import { cardSchema, type DeckInput } from './schema.ts';
import { ID_PATTERN } from './slug.ts';
import { deckToYaml } from './serialize.ts';
import type { Deck } from './model.ts';
import { DECK_PACKAGE_MAX_BYTES } from '../files/limits.ts';

/**
 * A deck package: one file holding a deck and its recordings, for a coach to send to her trainees.
 * It is a zip (so any archive tool can look inside) with this layout:
 *
 *   manifest.json        { format: 'vaktaal-deck-package', version: 1, deck: '<deck id>', createdAt: ISO date }
 *   <deck id>.deck.yaml  the deck, as deckToYaml writes it
 *   audio/<name>         every recording a card names in `audio`, and nothing else
 *
 * Reading checks everything before returning anything: a package is taken whole or refused whole.
 */
export const DECK_PACKAGE_EXTENSION = '.vaktaal';
export const DECK_PACKAGE_MIME = 'application/zip';
export const DECK_PACKAGE_FORMAT = 'vaktaal-deck-package';
export const DECK_PACKAGE_VERSION = 1;
/** A deck with a recording per card has a few hundred entries; thousands of entries means something else. */
const MAX_ENTRIES = 5000;
/** Input is fed to the unzipper in slices, so a lying size is caught after at most this × 1032 bytes of output. */
const SLICE = 16 * 1024;

const MANIFEST = 'manifest.json';
const AUDIO_DIR = 'audio/';
const DECK_SUFFIX = '.deck.yaml';

/** MIME type per recording extension; the extensions are those cardSchema allows for `audio`. */
export const AUDIO_TYPES: ReadonlyMap<string, string> = new Map([
  ['mp3', 'audio/mpeg'],
  ['ogg', 'audio/ogg'],
  ['m4a', 'audio/mp4'],
  ['wav', 'audio/wav'],
  ['webm', 'audio/webm'],
]);

export interface DeckPackageManifest {
  format: typeof DECK_PACKAGE_FORMAT;
  version: number;
  deck: string;
  createdAt: string;
}

export interface PackageAudio {
  /** The file name a card's `audio` field gives. */
  name: string;
  /** MIME type, from the extension. */
  type: string;
  bytes: Uint8Array;
}

export interface DeckPackageInput {
  deck: DeckInput;
  /** Recordings by file name. Only those the cards name are packed. */
  audio?: ReadonlyMap<string, Uint8Array>;
  createdAt?: Date;
}

export type DeckPackageRead =
  | { ok: true; manifest: DeckPackageManifest; deck: Deck; yaml: string; audio: PackageAudio[]; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export interface ReadOptions {
  /** Refuse packages larger than this, compressed or uncompressed. */
  maxBytes?: number;
  /** Name of the picked file, for messages. */
  fileName?: string;
}

/** Thrown by writeDeckPackage when the deck or its recordings would make a package readDeckPackage refuses. */
export class DeckPackageError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'DeckPackageError';
  }
}

export function isDeckPackageName(name: string): boolean {
  return name.toLowerCase().endsWith(DECK_PACKAGE_EXTENSION);
}

const isAudioName = (name: string) => cardSchema.shape.audio.safeParse(name).success;
const audioType = (name: string) => AUDIO_TYPES.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ?? 'application/octet-stream';

function referencedAudio(cards: readonly { audio?: string | undefined; term: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const card of cards) if (card.audio && !names.has(card.audio)) names.set(card.audio, card.term);
  return names;
}

const at1 = { line: 1, column: 1 };
const packageProblem = (file: string, code: ProblemCode, message: string, params: Record<string, string> = {}) =>
  problem(file, at1, 'error', code, message, params);

const megabytes = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Packs a deck and the recordings its cards name. Throws DeckPackageError, writing nothing, when
 * the deck has errors, a named recording is not given, or the package would pass the size limit.
 */
export function writeDeckPackage(input: DeckPackageInput): Uint8Array {
  const { deck } = input;
  const deckPath = `${deck.id}${DECK_SUFFIX}`;
  const yaml = deckToYaml(deck);
  const parsed = parseDeckFile(deckPath, yaml);
  const problems = parsed.problems.filter((p) => p.severity === 'error');
  const files: Zippable = {};
  let total = 0;
  for (const [name, term] of referencedAudio(deck.cards)) {
    const bytes = input.audio?.get(name);
    if (!bytes) {
      problems.push(packageProblem(deckPath, 'package-missing-audio', `the card "${term}" names the recording "${name}", but it was not given`, { file: name, term }));
      continue;
    }
    // Recordings are compressed already: store them as they are.
    files[`${AUDIO_DIR}${name}`] = [bytes, { level: 0 }];
    total += bytes.length;
  }
  const createdAt = input.createdAt ?? new Date();
  const manifest: DeckPackageManifest = { format: DECK_PACKAGE_FORMAT, version: DECK_PACKAGE_VERSION, deck: deck.id, createdAt: createdAt.toISOString() };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const deckBytes = strToU8(yaml);
  total += manifestBytes.length + deckBytes.length;
  if (total > DECK_PACKAGE_MAX_BYTES) {
    problems.push(
      packageProblem(deckPath, 'package-too-large', `the deck and its recordings take ${megabytes(total)}; a package may hold ${megabytes(DECK_PACKAGE_MAX_BYTES)}`, {
        size: megabytes(total),
        limit: megabytes(DECK_PACKAGE_MAX_BYTES),
      }),
    );
  }
  if (problems.length) throw new DeckPackageError(problems);
  return zipSync({ [MANIFEST]: manifestBytes, [deckPath]: deckBytes, ...files }, { mtime: createdAt });
}

/** A name that could land outside the folder it is unpacked into, or mean different things on different systems. */
function unsafePath(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-z]:/i.test(name) ||
    // eslint-disable-next-line no-control-regex -- control characters in a file name are what is refused
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((segment) => segment === '..' || segment === '.')
  );
}

const manifestSchema = z.strictObject({
  format: z.literal(DECK_PACKAGE_FORMAT),
  version: z.literal(DECK_PACKAGE_VERSION),
  deck: z.string().regex(ID_PATTERN),
  createdAt: z.iso.datetime(),
});

class Corrupt extends Error {}

/**
 * Decompresses the wanted entries, each at most its size in the central directory: an entry that
 * inflates to more than it declares (the zip bomb that lies about its size) stops the unpacking.
 */
function extract(bytes: Uint8Array, wanted: ReadonlyMap<string, number>): Map<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  const received = new Map<string, number>();
  const finished = new Set<string>();
  const unzip = new Unzip((file) => {
    const declared = wanted.get(file.name);
    if (declared === undefined) return;
    if (chunks.has(file.name)) throw new Corrupt(`${file.name} twice`);
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    received.set(file.name, 0);
    file.ondata = (error, data, final) => {
      if (error) throw new Corrupt(error.message);
      const size = received.get(file.name)! + data.length;
      if (size > declared) throw new Corrupt(`${file.name} is larger than it says`);
      received.set(file.name, size);
      parts.push(data);
      if (final) finished.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let offset = 0; offset < bytes.length; offset += SLICE) unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
  const out = new Map<string, Uint8Array>();
  for (const [name, declared] of wanted) {
    if (!finished.has(name) || received.get(name) !== declared) throw new Corrupt(`${name} is incomplete`);
    const whole = new Uint8Array(declared);
    let at = 0;
    for (const part of chunks.get(name)!) {
      whole.set(part, at);
      at += part.length;
    }
    out.set(name, whole);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The problem of a package larger than the limit; the app also gives it for a picked file before reading it. */
export function packageTooLarge(file: string, size: number, maxBytes = DECK_PACKAGE_MAX_BYTES): Problem {
  return packageProblem(file, 'package-too-large', `the package holds ${megabytes(size)}; at most ${megabytes(maxBytes)} is accepted`, {
    size: megabytes(size),
    limit: megabytes(maxBytes),
  });
}

/**
 * Reads a deck package: the deck through parseDeckFile (the same checks as the build and the
 * import), and its recordings. Every problem is returned at once where the package could be read
 * that far; a corrupt, foreign, newer or oversized package stops at the first.
 */
export function readDeckPackage(bytes: Uint8Array, options: ReadOptions = {}): DeckPackageRead {
  const file = options.fileName ?? `deck${DECK_PACKAGE_EXTENSION}`;
  const maxBytes = options.maxBytes ?? DECK_PACKAGE_MAX_BYTES;
  const fail = (code: ProblemCode, message: string, params: Record<string, string> = {}): DeckPackageRead => ({
    ok: false,
    problems: [packageProblem(file, code, message, params)],
  });
  const tooLarge = (size: number): DeckPackageRead => ({ ok: false, problems: [packageTooLarge(file, size, maxBytes)] });
  const notPackage = () => fail('package-not-a-package', `this is not a Vaktaal deck package (a ${DECK_PACKAGE_EXTENSION} file made by the deck studio)`);
  const corrupt = (detail: string) => fail('package-corrupt', `the package is damaged or incomplete (${detail}) — download or copy it again`, { detail });

  if (bytes.length > maxBytes) return tooLarge(bytes.length);
  // A zip starts with a local file header (PK\3\4), or is an empty archive (PK\5\6).
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || !((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return notPackage();

  // First pass: the central directory only (names and declared sizes), nothing inflated yet.
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        if (entries.length > MAX_ENTRIES) throw new Corrupt(`more than ${MAX_ENTRIES} files`);
        return false;
      },
    });
  } catch (error) {
    return corrupt(error instanceof Error ? error.message : String(error));
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has(MANIFEST)) return notPackage();
  const declaredTotal = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (declaredTotal > maxBytes) return tooLarge(declaredTotal);

  const problems: Problem[] = [];
  const seen = new Set<string>();
  const wanted = new Map<string, number>();
  const deckPaths: string[] = [];
  const audioInPackage = new Set<string>();
  for (const entry of entries) {
    const { name } = entry;
    if (seen.has(name)) return corrupt(`${name} twice`);
    seen.add(name);
    if (unsafePath(name)) {
      problems.push(packageProblem(file, 'package-unsafe-path', `the package holds a file with an unsafe name: "${name}"`, { name }));
      continue;
    }
    if (entry.compression !== 0 && entry.compression !== 8) return corrupt(`${name}: compression method ${entry.compression}`);
    if (name === AUDIO_DIR) continue;
    if (name === MANIFEST) wanted.set(name, entry.originalSize);
    else if (!name.includes('/') && name.endsWith(DECK_SUFFIX)) {
      deckPaths.push(name);
      wanted.set(name, entry.originalSize);
    } else if (name.startsWith(AUDIO_DIR) && isAudioName(name.slice(AUDIO_DIR.length))) {
      audioInPackage.add(name.slice(AUDIO_DIR.length));
      wanted.set(name, entry.originalSize);
    } else {
      problems.push(packageProblem(file, 'package-unexpected-file', `the package holds "${name}", which has no place in a deck package`, { name }));
    }
  }

  let contents: Map<string, Uint8Array>;
  try {
    contents = extract(bytes, wanted);
  } catch (error) {
    return corrupt(error instanceof Error ? error.message : String(error));
  }

  // The manifest decides whether the rest can be understood at all.
  let manifestRaw: unknown;
  try {
    manifestRaw = JSON.parse(utf8.decode(contents.get(MANIFEST)!));
  } catch {
    return fail('package-invalid-manifest', 'the manifest.json of the package cannot be read', { detail: 'JSON' });
  }
  const head = manifestRaw !== null && typeof manifestRaw === 'object' ? (manifestRaw as Record<string, unknown>) : {};
  if (head.format !== DECK_PACKAGE_FORMAT) return notPackage();
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > DECK_PACKAGE_VERSION) {
    return fail('package-newer-version', `the package was made by a newer version of Vaktaal (package version ${head.version}, this app reads version ${DECK_PACKAGE_VERSION}) — update the app`, {
      version: String(head.version),
      supported: String(DECK_PACKAGE_VERSION),
    });
  }
  const manifest = manifestSchema.safeParse(manifestRaw);
  if (!manifest.success) {
    const detail = manifest.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    problems.push(packageProblem(file, 'package-invalid-manifest', `the manifest.json of the package is not valid (${detail})`, { detail }));
  }

  if (deckPaths.length === 0) problems.push(packageProblem(file, 'package-missing-deck', 'the package holds no deck (.deck.yaml)'));
  if (deckPaths.length > 1) {
    for (const extra of deckPaths.slice(1)) problems.push(packageProblem(file, 'package-unexpected-file', `the package holds a second deck, "${extra}"; a package holds one`, { name: extra }));
  }
  const deckPath = deckPaths[0];
  let deck: Deck | undefined;
  let yaml = '';
  if (deckPath) {
    const where = `${file}/${deckPath}`;
    try {
      yaml = utf8.decode(contents.get(deckPath)!);
    } catch {
      return corrupt(`${deckPath} is not UTF-8 text`);
    }
    const parsed = parseDeckFile(where, yaml);
    problems.push(...parsed.problems);
    if (!hasErrors(parsed.problems) && parsed.deck) deck = parsed.deck;
    if (deck && manifest.success && deck.id !== manifest.data.deck) {
      problems.push(
        packageProblem(file, 'package-deck-mismatch', `the manifest names deck "${manifest.data.deck}" but the package holds deck "${deck.id}"`, {
          expected: manifest.data.deck,
          id: deck.id,
        }),
      );
    }
    if (deck) {
      const referenced = referencedAudio(deck.cards);
      for (const [name, term] of referenced) {
        if (!audioInPackage.has(name)) {
          problems.push(packageProblem(where, 'package-missing-audio', `the card "${term}" names the recording "${name}", but the package does not hold it`, { file: name, term }));
        }
      }
      for (const name of audioInPackage) {
        if (!referenced.has(name)) {
          problems.push(packageProblem(file, 'package-unexpected-file', `the package holds "${AUDIO_DIR}${name}", which no card names`, { name: `${AUDIO_DIR}${name}` }));
        }
      }
    }
  }

  if (hasErrors(problems) || !deck || !manifest.success) return { ok: false, problems };
  const audio = [...audioInPackage].sort().map((name) => ({ name, type: audioType(name), bytes: contents.get(`${AUDIO_DIR}${name}`)! }));
  return { ok: true, manifest: manifest.data, deck, yaml, audio, warnings: problems };
}

export type DeckPackageCheck =
  | { ok: true; deck: Deck; recordings: PackageAudio[]; warnings: Problem[] }
  | { ok: false; reason: 'problems'; problems: Problem[] }
  | { ok: false; reason: 'built-in-id'; id: string };

/**
 * A package picked in the app: read whole (readDeckPackage) and, like a deck file (checkDeckFile),
 * refused when a built-in deck has its id.
 */
export function checkDeckPackage(bytes: Uint8Array, fileName: string, builtInIds: Pick<ReadonlySet<string>, 'has'>, maxBytes = DECK_PACKAGE_MAX_BYTES): DeckPackageCheck {
  const read = readDeckPackage(bytes, { fileName, maxBytes });
  if (!read.ok) return { ok: false, reason: 'problems', problems: read.problems };
  if (builtInIds.has(read.deck.id)) return { ok: false, reason: 'built-in-id', id: read.deck.id };
  return { ok: true, deck: read.deck, recordings: read.audio, warnings: read.warnings };
}
