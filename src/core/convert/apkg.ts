/**
 * The zip layer of an Anki package (`.apkg`), in the three versions Anki writes
 * (rslib/src/import_export/package/meta.rs):
 * - `collection.anki2` only (oldest), media map JSON `{"0": "name.mp3"}`;
 * - `collection.anki21` (+ a `collection.anki2` kept for older clients), media map JSON; since Anki
 *   2.1.50 a legacy export also has a `meta` entry saying version 2;
 * - `collection.anki21b` (default since 2.1.50): `meta` = PackageMetadata { version: 3 }, the
 *   collection zstd-compressed, the media map a zstd-compressed MediaEntries protobuf whose i-th
 *   entry is zip entry "i", and every media file zstd-compressed. A dummy `collection.anki2`
 *   with one "please update Anki" note sits beside it for old clients: reading that one would
 *   silently convert the wrong collection.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { decompress } from 'fzstd';
import { ConvertError } from './errors.ts';
import { bytesFields, readMessage, stringField, varintField } from './protobuf.ts';
import type { MediaStore, PackageVersion } from './source.ts';

export interface PackageContents {
  version: PackageVersion;
  /** The SQLite file, decompressed. */
  collection: Uint8Array;
  media: MediaStore;
  warnings: string[];
}

const COLLECTION: Record<PackageVersion, string> = {
  anki2: 'collection.anki2',
  anki21: 'collection.anki21',
  anki21b: 'collection.anki21b',
};
/** PackageMetadata.Version (import_export.proto) → package version. */
const META_VERSIONS = new Map<number, PackageVersion>([
  [1, 'anki2'],
  [2, 'anki21'],
  [3, 'anki21b'],
]);
/** Larger entries are refused rather than decompressed into memory (a deck is far smaller). */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
const SQLITE_MAGIC = 'SQLite format 3\0';
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

function hasZstdMagic(bytes: Uint8Array): boolean {
  return ZSTD_MAGIC.every((b, i) => bytes[i] === b);
}

function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let tooLarge: UnzipFileInfo | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_ENTRY_BYTES) {
          tooLarge = file;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConvertError('corrupt-zip', `the zip file is damaged or incomplete (${detail})`, { detail });
  }
  if (tooLarge) {
    throw new ConvertError('too-large', `"${tooLarge.name}" in the package is larger than 1 GB`, { name: tooLarge.name });
  }
  // A plain object from fflate: copy into a Map so names like "__proto__" stay data.
  return new Map(Object.entries(files));
}

function zstd(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return decompress(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConvertError('corrupt-collection', `${what} cannot be decompressed (zstd: ${detail})`, { detail });
  }
}

function packageVersion(entries: ReadonlyMap<string, Uint8Array>, names: ReadonlySet<string>): PackageVersion {
  const meta = entries.get('meta');
  if (meta) {
    let version: number;
    try {
      version = varintField(readMessage(meta), 1);
    } catch {
      throw new ConvertError(
        'unknown-version',
        'the package version ("meta" entry) cannot be read: it was probably written by a newer Anki',
      );
    }
    const known = META_VERSIONS.get(version);
    if (!known) {
      throw new ConvertError(
        'unknown-version',
        `package version ${version} is not known: export again from Anki with "Support older Anki versions" ticked`,
        {
          version: String(version),
        },
      );
    }
    return known;
  }
  // No meta: the collection file names the version, the newer one first (as Anki does).
  return names.has(COLLECTION.anki21) ? 'anki21' : 'anki2';
}

/** Media map: Anki's name in the notes → zip entry name. */
function mediaMap(raw: Uint8Array | undefined, version: PackageVersion, warnings: string[]): Map<string, string> {
  const map = new Map<string, string>();
  if (!raw) return map;
  try {
    if (version === 'anki21b') {
      const entries = bytesFields(readMessage(zstd(raw, 'the media list')), 1);
      entries.forEach((entry, index) => {
        const fields = readMessage(entry);
        const name = stringField(fields, 1);
        const zipName = fields.has(255) ? String(varintField(fields, 255)) : String(index);
        if (name) map.set(name, zipName);
      });
    } else {
      const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not an object');
      for (const [zipName, name] of Object.entries(json)) if (typeof name === 'string' && name) map.set(name, zipName);
    }
  } catch {
    warnings.push('the list of media files in the package cannot be read: sounds are left out');
    map.clear();
  }
  return map;
}

/** Opens a package's zip: picks the collection Anki itself would read, decompresses it, reads the media map. */
export function openPackage(bytes: Uint8Array): PackageContents {
  if (!looksLikeZip(bytes)) throw new ConvertError('corrupt-zip', 'this is not an Anki package: the file is not a zip file');
  const warnings: string[] = [];
  const names = new Set<string>();
  const entries = unzip(bytes, (name) => {
    names.add(name);
    return name === 'meta' || name === 'media' || name.startsWith('collection.');
  });
  const version = packageVersion(entries, names);
  const stored = entries.get(COLLECTION[version]);
  if (!stored) {
    const found = [...names].filter((n) => n.startsWith('collection.'));
    throw new ConvertError(
      'no-collection',
      found.length
        ? `the package has no ${COLLECTION[version]} (found ${found.join(', ')}): it is damaged`
        : 'the zip file holds no Anki collection (collection.anki2, .anki21 or .anki21b): it is not an Anki package',
      { expected: COLLECTION[version] },
    );
  }
  const collection = version === 'anki21b' ? zstd(stored, 'the collection') : stored;
  if (collection.length < SQLITE_MAGIC.length || String.fromCharCode(...collection.subarray(0, SQLITE_MAGIC.length)) !== SQLITE_MAGIC) {
    throw new ConvertError('corrupt-collection', `${COLLECTION[version]} is not an Anki database (no SQLite header)`);
  }
  const map = mediaMap(entries.get('media'), version, warnings);
  const media: MediaStore = {
    has: (name) => map.has(name),
    read(wantedNames) {
      const byZipName = new Map<string, string>();
      for (const name of wantedNames) {
        const zipName = map.get(name);
        if (zipName !== undefined) byZipName.set(zipName, name);
      }
      if (!byZipName.size) return new Map();
      const files = unzip(bytes, (zipName) => byZipName.has(zipName));
      const out = new Map<string, Uint8Array>();
      for (const [zipName, data] of files) {
        const name = byZipName.get(zipName)!;
        try {
          out.set(name, version === 'anki21b' && hasZstdMagic(data) ? decompress(data) : data);
        } catch {
          // A damaged media file is left out; the caller reports every sound it did not get.
        }
      }
      return out;
    },
  };
  return { version, collection, media, warnings };
}
