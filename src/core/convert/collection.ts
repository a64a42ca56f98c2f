/**
 * Reads an Anki collection (SQLite) with sql.js. Two layouts (rslib/src/storage):
 * - schema 11 (`collection.anki2`, `.anki21`): note types and decks are JSON in `col.models` and
 *   `col.decks`;
 * - schema 15 and later (`collection.anki21b` is schema 18): tables `notetypes` (config =
 *   Notetype.Config protobuf), `fields`, `templates` (config = Notetype.Template.Config),
 *   `decks` (kind = Deck.KindContainer; names use \x1f between levels).
 * `notes` (guid, mid, flds joined by \x1f) and `cards` (nid, ord, did, odid) are the same in both.
 *
 * Anki declares its name columns `COLLATE unicase`, a collation only Anki registers, and sql.js
 * cannot register one. The queries here never compare or sort on those columns, but that is not
 * enough: `fields` and `templates` are WITHOUT ROWID tables, and SQLite needs the collation of
 * every column of such a table to read it at all ("no such collation sequence: unicase"). So the
 * in-memory copy's schema names SQLite's own `nocase` instead (unicase is its Unicode-aware
 * cousin) before anything is read; the package itself is never written.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { ConvertError } from './errors.ts';
import { ProtobufError, bytesField, readMessage, stringField, varintField } from './protobuf.ts';
import type { Run } from './run.ts';
import type { SourceDeck, SourceNote, SourceNoteType } from './source.ts';

/** How the converter gets sql.js: the CLI loads the WebAssembly from node_modules, the app from a URL. */
export type SqlJsLoader = () => Promise<SqlJsStatic>;

export interface CollectionContents {
  schema: number;
  noteTypes: SourceNoteType[];
  notes: SourceNote[];
  decks: SourceDeck[];
  warnings: string[];
}

const FIELD_SEPARATOR = '\x1f';
const DEFAULT_DECK_ID = '1';
const IMAGE_OCCLUSION_STOCK_KIND = 6;
const IMAGE_OCCLUSION = 'image occlusion notes are parts of a picture, not text';

/** Fields a question template shows with a `cloze` filter: `{{cloze:Text}}`, `{{type:cloze:Text}}`, `{{cloze:furigana:Text}}`. */
export function clozeFieldsOf(templates: readonly string[], fieldNames: readonly string[]): number[] {
  const byName = new Map(fieldNames.map((name, index) => [name, index]));
  const found = new Set<number>();
  for (const template of templates) {
    for (const tag of template.matchAll(/\{\{([^{}]+)\}\}/g)) {
      const parts = tag[1]!.split(':').map((p) => p.trim());
      const field = parts.pop()!;
      if (parts.some((p) => p.toLowerCase() === 'cloze') && byName.has(field)) found.add(byName.get(field)!);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

const text = (value: SqlValue | undefined): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const id = (value: SqlValue | undefined): string => (typeof value === 'number' ? String(Math.trunc(value)) : text(value));
const blob = (value: SqlValue | undefined): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array());

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJsonObject(raw: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConvertError('corrupt-collection', `the ${what} in the collection are not valid JSON`);
  }
  if (!isObject(value)) throw new ConvertError('corrupt-collection', `the ${what} in the collection are not a JSON object`);
  return value;
}

/** Entries of a JSON list sorted by their `ord` (Anki keeps them in order, but says so with ord). */
function byOrd(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).sort((a, b) => Number(a.ord ?? 0) - Number(b.ord ?? 0));
}

function noteTypesSchema11(db: Database): SourceNoteType[] {
  const models = parseJsonObject(text(rows(db, 'SELECT models FROM col')[0]?.[0]) || '{}', 'note types');
  return Object.entries(models).flatMap(([key, model]): SourceNoteType[] => {
    if (!isObject(model)) return [];
    const fields = byOrd(model.flds).map((f) => text(f.name as SqlValue));
    const templates = byOrd(model.tmpls).map((t) => text(t.qfmt as SqlValue));
    const kind = model.type === 1 ? 'cloze' : 'basic';
    const imageOcclusion = model.originalStockKind === IMAGE_OCCLUSION_STOCK_KIND;
    return [
      {
        id: id((model.id as SqlValue) ?? key),
        name: text(model.name as SqlValue) || `note type ${key}`,
        kind,
        fields,
        clozeFields: kind === 'cloze' ? clozeFieldsOf(templates, fields) : [],
        ...(imageOcclusion ? { unsupported: IMAGE_OCCLUSION } : {}),
        noteCount: 0,
      },
    ];
  });
}

/** Normal decks only: a filtered deck holds cards on loan from their home decks. */
function decksSchema11(db: Database): SourceDeck[] {
  const json = parseJsonObject(text(rows(db, 'SELECT decks FROM col')[0]?.[0]) || '{}', 'decks');
  const decks: SourceDeck[] = [];
  for (const [key, deck] of Object.entries(json)) {
    if (!isObject(deck)) continue;
    const deckId = id((deck.id as SqlValue) ?? key);
    if (deck.dyn === 1 || deck.dyn === true) continue;
    const description = text(deck.desc as SqlValue).trim();
    decks.push({
      id: deckId,
      name: text(deck.name as SqlValue) || `deck ${deckId}`,
      ...(description ? { description } : {}),
      ...(deckId === DEFAULT_DECK_ID ? { isDefault: true } : {}),
    });
  }
  return decks;
}

function noteTypesSchema15(db: Database): SourceNoteType[] {
  const fields = new Map<string, string[]>();
  for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) {
    const list = fields.get(id(ntid)) ?? [];
    list.push(text(name));
    fields.set(id(ntid), list);
  }
  const templates = new Map<string, string[]>();
  for (const [ntid, , config] of rows(db, 'SELECT ntid, ord, config FROM templates ORDER BY ntid, ord')) {
    const list = templates.get(id(ntid)) ?? [];
    // Notetype.Template.Config: 1 q_format.
    list.push(stringField(readMessage(blob(config)), 1));
    templates.set(id(ntid), list);
  }
  return rows(db, 'SELECT id, name, config FROM notetypes').map(([ntid, name, config]) => {
    // Notetype.Config: 1 kind (1 = cloze), 9 original_stock_kind.
    const configFields = readMessage(blob(config));
    const kind = varintField(configFields, 1) === 1 ? 'cloze' : 'basic';
    const names = fields.get(id(ntid)) ?? [];
    return {
      id: id(ntid),
      name: text(name) || `note type ${id(ntid)}`,
      kind,
      fields: names,
      clozeFields: kind === 'cloze' ? clozeFieldsOf(templates.get(id(ntid)) ?? [], names) : [],
      ...(varintField(configFields, 9) === IMAGE_OCCLUSION_STOCK_KIND ? { unsupported: IMAGE_OCCLUSION } : {}),
      noteCount: 0,
    };
  });
}

function decksSchema15(db: Database): SourceDeck[] {
  const decks: SourceDeck[] = [];
  for (const [did, name, kindBlob] of rows(db, 'SELECT id, name, kind FROM decks')) {
    // Deck.KindContainer: 1 normal (Deck.Normal: 4 description), 2 filtered.
    const kind = readMessage(blob(kindBlob));
    if (kind.has(2)) continue;
    const normal = bytesField(kind, 1);
    const description = normal ? stringField(readMessage(normal), 4).trim() : '';
    decks.push({
      id: id(did),
      name: text(name).split(FIELD_SEPARATOR).join('::') || `deck ${id(did)}`,
      ...(description ? { description } : {}),
      ...(id(did) === DEFAULT_DECK_ID ? { isDefault: true } : {}),
    });
  }
  return decks;
}

/**
 * Deck of each card, by note: filtered decks hold cards on loan, so their home deck (odid) counts.
 * A card in a deck the collection does not list (deleted, or filtered) is left out.
 */
function cardDecks(db: Database, known: ReadonlySet<string>): Map<string, Map<number, string>> {
  const byNote = new Map<string, Map<number, string>>();
  for (const [nid, ord, did, odid] of rows(db, 'SELECT nid, ord, did, odid FROM cards ORDER BY nid, ord')) {
    const home = odid && id(odid) !== '0' ? id(odid) : id(did);
    const note = byNote.get(id(nid)) ?? new Map<number, string>();
    if (known.has(home)) note.set(Number(ord), home);
    byNote.set(id(nid), note);
  }
  return byNote;
}

/** See the top of the file: unicase → nocase in the schema of the in-memory copy. */
function replaceUnicase(db: Database): void {
  db.run('PRAGMA writable_schema=ON');
  db.run("UPDATE sqlite_master SET sql = replace(sql, 'unicase', 'nocase') WHERE sql LIKE '%unicase%'");
  db.run('PRAGMA writable_schema=RESET');
}

async function read(db: Database, run: Run): Promise<CollectionContents> {
  const warnings: string[] = [];
  replaceUnicase(db);
  const schema = Number(rows(db, 'SELECT ver FROM col')[0]?.[0] ?? NaN);
  if (!Number.isInteger(schema) || schema < 11) {
    throw new ConvertError('corrupt-collection', `the collection has schema version ${String(schema)}, which Anki packages never have`);
  }
  const noteTypes = schema < 15 ? noteTypesSchema11(db) : noteTypesSchema15(db);
  const decks = schema < 15 ? decksSchema11(db) : decksSchema15(db);
  const byId = new Map(noteTypes.map((t) => [t.id, t]));
  const deckIds = new Set(decks.map((d) => d.id));
  const decksOfCards = cardDecks(db, deckIds);
  const total = Number(rows(db, 'SELECT count(*) FROM notes')[0]?.[0] ?? 0);
  const notes: SourceNote[] = [];
  const statement = db.prepare('SELECT id, guid, mid, flds FROM notes ORDER BY id');
  try {
    while (statement.step()) {
      const [nid, guid, mid, flds] = statement.get();
      const noteType = byId.get(id(mid));
      const where = `note ${id(nid)}`;
      const decksByOrd = decksOfCards.get(id(nid)) ?? new Map<number, string>();
      // Cards were read in ord order, so the map's first entry is the note's first card.
      const deckId = decksByOrd.values().next().value ?? DEFAULT_DECK_ID;
      if (noteType) noteType.noteCount++;
      notes.push({
        ...(text(guid) ? { guid: text(guid) } : {}),
        noteTypeId: noteType ? noteType.id : `missing:${id(mid)}`,
        fields: text(flds).split(FIELD_SEPARATOR),
        deckId,
        ...(decksByOrd.size > 1 && new Set(decksByOrd.values()).size > 1 ? { cardDecks: decksByOrd } : {}),
        where,
      });
      if (run.due()) await run.pause('read', notes.length, total);
    }
  } finally {
    statement.free();
  }
  run.report('read', notes.length, total);
  const missing = notes.filter((n) => n.noteTypeId.startsWith('missing:'));
  if (missing.length) {
    noteTypes.push({
      id: 'missing',
      name: '(unknown note type)',
      kind: 'basic',
      fields: [],
      clozeFields: [],
      unsupported: 'the note type of these notes is missing from the collection',
      noteCount: missing.length,
    });
    for (const note of missing) note.noteTypeId = 'missing';
  }
  if (!decks.some((d) => d.id === DEFAULT_DECK_ID) && notes.some((n) => n.deckId === DEFAULT_DECK_ID)) {
    decks.push({ id: DEFAULT_DECK_ID, name: 'Default', isDefault: true });
  }
  return { schema, noteTypes, notes, decks, warnings };
}

/** Reads note types, decks and notes from a collection file. Throws only ConvertError. */
export async function readCollection(loadSql: SqlJsLoader, bytes: Uint8Array, fileName: string, run: Run): Promise<CollectionContents> {
  let SQL: SqlJsStatic;
  try {
    SQL = await loadSql();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConvertError('corrupt-collection', `SQLite (sql.js) could not be loaded to read ${fileName}: ${detail}`, { detail });
  }
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    return await read(db, run);
  } catch (error) {
    if (error instanceof ConvertError) throw error;
    const detail =
      error instanceof ProtobufError
        ? `a note type or deck setting is damaged (${error.message})`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ConvertError('corrupt-collection', `the collection cannot be read: ${detail}`, { detail });
  } finally {
    db?.close();
  }
}
