/**
 * A minimal protobuf reader for the few Anki messages the converter needs. It reads the wire
 * format only (varints and length-delimited fields); which field numbers mean what is written at
 * each use, from Anki's `.proto` files:
 *
 * - `proto/anki/import_export.proto`
 *   - `PackageMetadata`: 1 `version` (enum Version: 1 LEGACY_1, 2 LEGACY_2, 3 LATEST).
 *   - `MediaEntries`: 1 `entries` (repeated MediaEntry).
 *   - `MediaEntries.MediaEntry`: 1 `name` (string), 255 `legacy_zip_filename` (uint32, optional);
 *     2 `size` and 3 `sha1` are not needed.
 * - `proto/anki/notetypes.proto`
 *   - `Notetype.Config` (column `notetypes.config`): 1 `kind` (0 KIND_NORMAL, 1 KIND_CLOZE),
 *     9 `original_stock_kind` (6 = image occlusion).
 *   - `Notetype.Template.Config` (column `templates.config`): 1 `q_format` (string).
 * - `proto/anki/decks.proto`
 *   - `Deck.KindContainer` (column `decks.kind`): 1 `normal` (Deck.Normal), 2 `filtered`.
 *   - `Deck.Normal`: 4 `description` (string).
 *
 * Anything malformed throws ProtobufError; callers turn it into their own message.
 */

export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
}

/** One message's fields: field number → the values in order (numbers for varints, bytes otherwise). */
export type ProtoFields = Map<number, (number | Uint8Array)[]>;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readMessage(bytes: Uint8Array): ProtoFields {
  const fields: ProtoFields = new Map();
  let pos = 0;
  const varint = (): number => {
    // Values above 2^53 lose precision; none of the fields read here get near that.
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw new ProtobufError('truncated varint');
      const byte = bytes[pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field < 1) throw new ProtobufError('field number 0');
    let value: number | Uint8Array;
    switch (wire) {
      case 0:
        value = varint();
        break;
      case 1:
      case 5: {
        const size = wire === 1 ? 8 : 4;
        if (pos + size > bytes.length) throw new ProtobufError('truncated fixed-width field');
        value = bytes.subarray(pos, pos + size);
        pos += size;
        break;
      }
      case 2: {
        const length = varint();
        if (pos + length > bytes.length) throw new ProtobufError('length-delimited field runs past the end');
        value = bytes.subarray(pos, pos + length);
        pos += length;
        break;
      }
      default:
        throw new ProtobufError(`unsupported wire type ${wire}`);
    }
    const list = fields.get(field);
    if (list) list.push(value);
    else fields.set(field, [value]);
  }
  return fields;
}

/** The last value of a varint field (proto3 semantics), or the default 0. */
export function varintField(fields: ProtoFields, field: number): number {
  const value = fields.get(field)?.at(-1);
  if (value === undefined) return 0;
  if (typeof value !== 'number') throw new ProtobufError(`field ${field} is not a varint`);
  return value;
}

export function bytesFields(fields: ProtoFields, field: number): Uint8Array[] {
  return (fields.get(field) ?? []).map((value) => {
    if (typeof value === 'number') throw new ProtobufError(`field ${field} is not length-delimited`);
    return value;
  });
}

export function bytesField(fields: ProtoFields, field: number): Uint8Array | undefined {
  return bytesFields(fields, field).at(-1);
}

export function stringField(fields: ProtoFields, field: number): string {
  const bytes = bytesField(fields, field);
  if (!bytes) return '';
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ProtobufError(`field ${field} is not UTF-8 text`);
  }
}
