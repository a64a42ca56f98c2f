/**
 * Writes Anki packages for the converter's tests, following Anki's own schema and proto files:
 * - rslib/src/storage/schema11.sql for `col`, `notes`, `cards`, `revlog`, `graves` (schema 11:
 *   note types and decks as JSON in `col.models` / `col.decks`);
 * - rslib/src/storage/upgrades/schema14…18 for the schema-18 tables `deck_config`, `config`,
 *   `tags`, `fields`, `templates`, `notetypes`, `decks` — with their `COLLATE unicase`, which
 *   SQLite outside Anki does not have (written as nocase, then renamed in sqlite_master);
 * - proto/anki/import_export.proto (PackageMetadata, MediaEntries), notetypes.proto
 *   (Notetype.Config, Notetype.Template.Config), decks.proto (Deck.KindContainer / Normal);
 * - rslib/src/import_export/package/colpkg/export.rs for the zip: `meta` first, the collection,
 *   the dummy "please update" collection.anki2, media files "0", "1", … and the media map.
 */
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';
import { zipSync, type Zippable } from 'fflate';
import { resolve } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';

/**
 * The two real AnkiDroid test packages (the issue's ../shared/reference/anki-test-decks), copied
 * into the repository with their README, so unit and e2e tests read only files of the repository.
 */
export function referencePath(name: string): string {
  return resolve(process.cwd(), 'tests/unit/fixtures/anki-test-decks', name);
}

export interface FixtureNoteType {
  id: number;
  name: string;
  kind: 'basic' | 'cloze';
  fields: string[];
  /** Question templates (qfmt), one per card type. */
  templates: string[];
  /** Notetype.Config.original_stock_kind (6 = image occlusion). */
  originalStockKind?: number;
}

export interface FixtureDeck {
  id: number;
  name: string;
  description?: string;
  filtered?: boolean;
}

export interface FixtureNote {
  id: number;
  guid: string;
  noteTypeId: number;
  fields: string[];
  /** One per card; default: one card (ord 0) in deck 1. */
  cards?: { ord: number; deckId: number; originalDeckId?: number }[];
}

export interface FixtureCollection {
  noteTypes: FixtureNoteType[];
  decks: FixtureDeck[];
  notes: FixtureNote[];
}

let sql: Promise<SqlJsStatic> | undefined;
export const loadSql = (): Promise<SqlJsStatic> => (sql ??= initSqlJs());
let zstdReady: Promise<void> | undefined;

export async function zstd(data: Uint8Array): Promise<Uint8Array> {
  await (zstdReady ??= initZstd());
  return withoutContentSize(compress(data, 3), data.length);
}

/**
 * Anki compresses with a streaming encoder (zstd_copy, MediaCopier), whose frames do not state
 * the content size. The library here states it; dropping it from the frame header makes the
 * frames what Anki writes, so the reader is tested on the frames it will meet.
 */
function withoutContentSize(frame: Uint8Array, contentSize: number): Uint8Array {
  const descriptor = frame[4]!;
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictFlag = descriptor & 3;
  if (!singleSegment) return frame;
  const fcsSize = [1, 2, 4, 8][fcsFlag]!;
  const dictSize = [0, 1, 2, 4][dictFlag]!;
  const headerEnd = 5 + dictSize + fcsSize;
  // No FCS, no single segment (bits 7-5 cleared): a window descriptor instead, a power of two >= the content.
  const newDescriptor = descriptor & 0b00011111;
  const window = Math.max(0, Math.ceil(Math.log2(Math.max(contentSize, 1))) - 10) << 3;
  return new Uint8Array([...frame.subarray(0, 4), newDescriptor, window, ...frame.subarray(5, 5 + dictSize), ...frame.subarray(headerEnd)]);
}

// --- protobuf writing (tests only) ---

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

export type ProtoField = [field: number, value: number | string | Uint8Array];

export function proto(fields: readonly ProtoField[]): Uint8Array {
  const out: number[] = [];
  for (const [field, value] of fields) {
    if (typeof value === 'number') out.push(...varint(field * 8), ...varint(value));
    else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      out.push(...varint(field * 8 + 2), ...varint(bytes.length), ...bytes);
    }
  }
  return new Uint8Array(out);
}

// --- SQLite ---

const SCHEMA_11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** Schema 14–18 additions; "collate nocase" stands in for Anki's unicase until the schema is patched. */
const SCHEMA_18 = `
create table deck_config (id integer primary key not null, name text not null collate nocase, mtime_secs integer not null,
  usn integer not null, config blob not null);
create table config (key text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
create table fields (ntid integer not null, ord integer not null, name text not null collate nocase, config blob not null,
  primary key (ntid, ord)) without rowid;
create unique index idx_fields_name_ntid on fields (name, ntid);
create table templates (ntid integer not null, ord integer not null, name text not null collate nocase, mtime_secs integer not null,
  usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_templates_name_ntid on templates (name, ntid);
create index idx_templates_usn on templates (usn);
create table notetypes (id integer not null primary key, name text not null collate nocase, mtime_secs integer not null,
  usn integer not null, config blob not null);
create unique index idx_notetypes_name on notetypes (name);
create index idx_notetypes_usn on notetypes (usn);
create table decks (name text not null primary key collate nocase, id integer not null, mtime_secs integer not null,
  usn integer not null, common blob not null, kind blob not null);
create unique index idx_decks_id on decks (id);
create table tags (tag text not null primary key collate nocase, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`;

function insertNotesAndCards(db: Database, col: FixtureCollection): void {
  // One transaction and two prepared statements: a 20,000-note collection in seconds, not minutes.
  db.run('BEGIN');
  const notes = db.prepare('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)');
  const cards = db.prepare('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  let cardId = 1;
  for (const note of col.notes) {
    notes.run([note.id, note.guid, note.noteTypeId, 0, -1, '', note.fields.join('\x1f'), note.fields[0] ?? '', 0, 0, '']);
    for (const card of note.cards ?? [{ ord: 0, deckId: 1 }]) {
      cards.run([cardId++, note.id, card.deckId, card.ord, 0, -1, 0, 0, note.id, 0, 0, 0, 0, 0, 0, card.originalDeckId ?? 0, 0, '{}']);
    }
  }
  notes.free();
  cards.free();
  db.run('COMMIT');
}

/** A schema-11 collection (collection.anki2 / .anki21). */
export async function collection11(col: FixtureCollection): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.run(SCHEMA_11);
  const models = Object.fromEntries(
    col.noteTypes.map((t) => [
      String(t.id),
      {
        id: t.id,
        name: t.name,
        type: t.kind === 'cloze' ? 1 : 0,
        flds: t.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20 })),
        tmpls: t.templates.map((qfmt, ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt: '{{FrontSide}}' })),
        sortf: 0,
        ...(t.originalStockKind ? { originalStockKind: t.originalStockKind } : {}),
      },
    ]),
  );
  const decks = Object.fromEntries(
    col.decks.map((d) => [String(d.id), { id: d.id, name: d.name, desc: d.description ?? '', dyn: d.filtered ? 1 : 0 }]),
  );
  db.run('insert into col values (1,0,0,0,11,0,0,0,?,?,?,?,?)', ['{}', JSON.stringify(models), JSON.stringify(decks), '{}', '{}']);
  insertNotesAndCards(db, col);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A schema-18 collection (collection.anki21b), note types and decks in their own tables with protobuf configs. */
export async function collection18(col: FixtureCollection): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.run(SCHEMA_11);
  db.run(SCHEMA_18);
  db.run("insert into col values (1,0,0,0,18,0,0,0,'','','','','')");
  for (const t of col.noteTypes) {
    // Notetype.Config: 1 kind, 3 css, 9 original_stock_kind.
    const config: ProtoField[] = [
      [1, t.kind === 'cloze' ? 1 : 0],
      [3, '.card { font-family: arial; }'],
    ];
    if (t.originalStockKind) config.push([9, t.originalStockKind]);
    db.run('insert into notetypes values (?,?,?,?,?)', [t.id, t.name, 0, -1, proto(config)]);
    t.fields.forEach((name, ord) =>
      db.run('insert into fields values (?,?,?,?)', [
        t.id,
        ord,
        name,
        proto([
          [3, 'Arial'],
          [4, 20],
        ]),
      ]),
    );
    t.templates.forEach((qfmt, ord) =>
      // Notetype.Template.Config: 1 q_format, 2 a_format.
      db.run('insert into templates values (?,?,?,?,?,?)', [
        t.id,
        ord,
        `Card ${ord + 1}`,
        0,
        -1,
        proto([
          [1, qfmt],
          [2, '{{FrontSide}}'],
        ]),
      ]),
    );
  }
  for (const d of col.decks) {
    // Deck.KindContainer: 1 normal (Deck.Normal: 1 config_id, 4 description) or 2 filtered (Deck.Filtered: 1 reschedule).
    const kind = d.filtered
      ? proto([[2, proto([[1, 1]])]])
      : proto([[1, proto([[1, 1], ...(d.description ? [[4, d.description] as ProtoField] : [])])]]);
    db.run('insert into decks values (?,?,?,?,?,?)', [d.name.split('::').join('\x1f'), d.id, 0, -1, proto([]), kind]);
  }
  insertNotesAndCards(db, col);
  db.run('PRAGMA writable_schema=ON');
  db.run("UPDATE sqlite_master SET sql = replace(sql, 'collate nocase', 'collate unicase') WHERE sql LIKE '%collate nocase%'");
  db.run('PRAGMA writable_schema=OFF');
  const bytes = db.export();
  db.close();
  return bytes;
}

export const BASIC: FixtureNoteType = { id: 1001, name: 'Basic', kind: 'basic', fields: ['Front', 'Back'], templates: ['{{Front}}'] };
export const CLOZE: FixtureNoteType = {
  id: 1002,
  name: 'Cloze',
  kind: 'cloze',
  fields: ['Text', 'Back Extra'],
  templates: ['{{cloze:Text}}'],
};
export const DEFAULT_DECK: FixtureDeck = { id: 1, name: 'Default' };

/** The note every new package carries in its collection.anki2 for clients too old to read the real one. */
export const PLEASE_UPDATE = 'Please update to the latest Anki version, then import the .colpkg/.apkg file again.';

async function dummyCollection(): Promise<Uint8Array> {
  return collection11({
    noteTypes: [BASIC],
    decks: [DEFAULT_DECK],
    notes: [{ id: 1, guid: 'dummy', noteTypeId: BASIC.id, fields: [PLEASE_UPDATE, ''] }],
  });
}

export type FixtureVersion = 'anki2' | 'anki21' | 'anki21-meta' | 'anki21b';

/**
 * A package as Anki writes it:
 * - 'anki2': collection.anki2, media JSON (Anki 2.0 and 2.1 before 2.1.50 without the 2.1 scheduler);
 * - 'anki21': collection.anki21 + dummy collection.anki2, media JSON, no meta (Anki 2.1 before 2.1.50);
 * - 'anki21-meta': the same with meta { version: 2 } ("Support older Anki versions" since 2.1.50);
 * - 'anki21b': meta { version: 3 }, zstd collection.anki21b (schema 18), dummy collection.anki2,
 *   zstd media files, zstd MediaEntries.
 */
export async function buildPackage(
  version: FixtureVersion,
  col: FixtureCollection,
  media: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Uint8Array> {
  const files: Zippable = {};
  const stored = (data: Uint8Array): [Uint8Array, { level: 0 }] => [data, { level: 0 }];
  const names = [...media.keys()];
  if (version === 'anki21b') {
    files.meta = stored(proto([[1, 3]]));
    files['collection.anki21b'] = stored(await zstd(await collection18(col)));
    files['collection.anki2'] = stored(await dummyCollection());
    for (const [index, name] of names.entries()) files[String(index)] = stored(await zstd(media.get(name)!));
    // MediaEntries: 1 entries; MediaEntry: 1 name, 2 size, 3 sha1 (20 bytes; not checked by the converter).
    const entries = names.map(
      (name) =>
        [
          1,
          proto([
            [1, name],
            [2, media.get(name)!.length],
            [3, new Uint8Array(20)],
          ]),
        ] as ProtoField,
    );
    files.media = stored(await zstd(proto(entries)));
  } else {
    if (version === 'anki21-meta') files.meta = stored(proto([[1, 2]]));
    if (version === 'anki2') files['collection.anki2'] = await collection11(col);
    else {
      files['collection.anki21'] = await collection11(col);
      files['collection.anki2'] = await dummyCollection();
    }
    for (const [index, name] of names.entries()) files[String(index)] = media.get(name)!;
    files.media = new TextEncoder().encode(JSON.stringify(Object.fromEntries(names.map((name, index) => [String(index), name]))));
  }
  return zipSync(files);
}

/** A package whose zip holds exactly these entries (for bad-input tests). */
export function rawZip(entries: Record<string, Uint8Array | string>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return zipSync(files);
}
