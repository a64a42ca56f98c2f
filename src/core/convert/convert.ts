import type { CardInput, DeckInput } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';
import { contentHash } from '../content/validate.ts';
import { looksLikeZip, openPackage } from './apkg.ts';
import { fallbackId, mapNote, type MappedCard, type SkippedNote } from './cards.ts';
import { readCollection, type SqlJsLoader } from './collection.ts';
import { ConvertError, sizeError } from './errors.ts';
import { fieldText } from './html.ts';
import { defaultFieldMap, type FieldMap } from './mapping.ts';
import { Run, type RunOptions } from './run.ts';
import type { PackageVersion, Source, SourceDeck, SourceFormat, SourceNoteType } from './source.ts';
import { decodeText, readAnkiText, readQuizlet, type QuizletOptions } from './textExport.ts';

export interface ReadOptions extends RunOptions {
  /** The file's name: picks the format by its extension, names the deck of a text file. */
  fileName: string;
  /** Default 'auto': a package by its extension or zip content, Quizlet when separators are given, else an Anki text file. */
  format?: SourceFormat | 'auto';
  /** Needed for packages only; called once, when the first package is opened. */
  loadSql?: SqlJsLoader;
  /** Quizlet's separators (defaults: tab between term and definition, newline between rows). */
  quizlet?: QuizletOptions;
}

export interface MapOptions extends RunOptions {
  /** One mapping for every note type (the CLI's --map). Unset roles keep the default term and definition fields. */
  fieldMap?: FieldMap;
  /** A mapping per note type id (the app's mapping screen); wins over fieldMap. */
  noteTypeMaps?: ReadonlyMap<string, FieldMap>;
}

export type ConvertOptions = ReadOptions & MapOptions;

export interface ConvertResult {
  format: SourceFormat;
  packageVersion?: PackageVersion;
  noteTypes: readonly SourceNoteType[];
  noteCount: number;
  /** Valid deck files' contents (src/core/content/schema.ts), one per source deck that got cards. */
  decks: DeckInput[];
  /** Audio files the cards name in `audio`, by that name. */
  audio: Map<string, Uint8Array>;
  skipped: SkippedNote[];
  warnings: string[];
}

export { MAX_INPUT_BYTES } from './errors.ts';
const PACKAGE_EXTENSION = /\.(apkg|colpkg)$/i;
const TEXT_EXTENSION = /\.(txt|tsv|csv|tab)$/i;
/** The formats the app can play (the deck schema's `audio` pattern); Opus and Vorbis in Ogg under their own names. */
const AUDIO_EXTENSIONS = new Map([
  ['mp3', 'mp3'],
  ['ogg', 'ogg'],
  ['oga', 'ogg'],
  ['opus', 'ogg'],
  ['m4a', 'm4a'],
  ['wav', 'wav'],
  ['webm', 'webm'],
]);

function wrapUnexpected(error: unknown): never {
  if (error instanceof ConvertError) throw error;
  // Only bugs get here; they still leave as our error, so callers need one catch.
  const detail = error instanceof Error ? error.message : String(error);
  throw new ConvertError('corrupt-collection', `the file could not be read (${detail})`, { detail });
}

function chooseFormat(bytes: Uint8Array, options: ReadOptions): SourceFormat {
  if (options.format && options.format !== 'auto') return options.format;
  if (PACKAGE_EXTENSION.test(options.fileName)) return 'apkg';
  if (looksLikeZip(bytes)) {
    if (TEXT_EXTENSION.test(options.fileName)) {
      throw new ConvertError('not-text', 'this is not a text file but a zip file (an Anki package?): name it .apkg');
    }
    return 'apkg';
  }
  if (options.quizlet?.termSeparator || options.quizlet?.rowSeparator) return 'quizlet';
  return 'anki-text';
}

/** Reads a file into note types, notes, decks and media, without mapping anything yet. Throws only ConvertError. */
export async function readSource(bytes: Uint8Array, options: ReadOptions): Promise<Source> {
  const run = new Run(options);
  try {
    run.check();
    const tooLarge = sizeError(bytes.length);
    if (tooLarge) throw tooLarge;
    const format = chooseFormat(bytes, options);
    const warnings: string[] = [];
    if (format === 'apkg') {
      run.report('unzip', 0, 1);
      const pkg = openPackage(bytes);
      run.report('unzip', 1, 1);
      if (!options.loadSql) throw new ConvertError('corrupt-collection', 'no SQLite loader was given to read the package (loadSql)');
      const collection = await readCollection(options.loadSql, pkg.collection, `collection.${pkg.version}`, run);
      return {
        format,
        packageVersion: pkg.version,
        fileName: options.fileName,
        html: true,
        noteTypes: collection.noteTypes,
        notes: collection.notes,
        decks: collection.decks,
        media: pkg.media,
        warnings: [...pkg.warnings, ...collection.warnings],
      };
    }
    const text = decodeText(bytes, warnings);
    return format === 'quizlet'
      ? await readQuizlet(text, options.fileName, options.quizlet ?? {}, warnings, run)
      : await readAnkiText(text, options.fileName, warnings, run);
  } catch (error) {
    wrapUnexpected(error);
  }
}

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '');
}

/** Deck id and title: Anki's "Stad::Bestuur" → id "stad-bestuur", title "Bestuur"; the Default deck is named after the file. */
function deckNames(decks: readonly SourceDeck[], fileName: string): Map<string, { id: string; title: string }> {
  const named = new Map<string, { id: string; title: string; full: string }>();
  const fileTitle = baseName(fileName).replace(/[-_]+/g, ' ').trim() || 'Anki';
  for (const deck of decks) {
    const levels = deck.name
      .split('::')
      .map((l) => l.trim())
      .filter(Boolean);
    const full = deck.isDefault ? fileTitle : levels.join(' – ') || fileTitle;
    const slug = slugify(deck.isDefault ? fileTitle : levels.join(' ')) || `anki-${contentHash(deck.name)}`;
    const title = deck.isDefault ? fileTitle : (levels.at(-1) ?? fileTitle);
    named.set(deck.id, { id: slug, title: title.charAt(0).toUpperCase() + title.slice(1), full });
  }
  // Two decks with the same leaf name ("A::Woorden", "B::Woorden") keep their full names apart.
  const titles = new Map<string, number>();
  for (const d of named.values()) titles.set(d.title, (titles.get(d.title) ?? 0) + 1);
  const ids = new Set<string>();
  const out = new Map<string, { id: string; title: string }>();
  for (const [key, d] of named) {
    let id = d.id;
    for (let i = 2; ids.has(id); i++) id = `${d.id}-${i}`;
    ids.add(id);
    out.set(key, { id, title: (titles.get(d.title) ?? 0) > 1 ? d.full : d.title });
  }
  return out;
}

function fieldMapFor(noteType: SourceNoteType, options: MapOptions): FieldMap {
  const own = options.noteTypeMaps?.get(noteType.id);
  if (own) return own;
  if (!options.fieldMap) return defaultFieldMap(noteType);
  const defaults = defaultFieldMap(noteType);
  return { term: defaults.term, definition: defaults.definition, ...options.fieldMap };
}

function describeList(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? AUDIO_EXTENSIONS.get(name.slice(dot + 1).toLowerCase()) : undefined;
}

/** Output file name for each Anki media name: what the deck schema's `audio` allows, unique in this conversion. */
function audioNames(wanted: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of wanted) {
    const ext = extensionOf(name)!;
    const base = slugify(name.slice(0, name.lastIndexOf('.'))) || `geluid-${contentHash(name)}`;
    let file = `${base}.${ext}`;
    for (let i = 2; used.has(file); i++) file = `${base}-${i}.${ext}`;
    used.add(file);
    out.set(name, file);
  }
  return out;
}

/** Applies the mapping to every note and builds the decks. Throws only ConvertError ('no-cards', 'cancelled'). */
export async function mapSource(source: Source, options: MapOptions = {}): Promise<ConvertResult> {
  const run = new Run(options);
  try {
    const warnings = [...source.warnings];
    const skipped: SkippedNote[] = [];
    const mapped: MappedCard[] = [];
    const types = new Map(source.noteTypes.map((t) => [t.id, t]));
    const maps = new Map<string, FieldMap>();
    for (const type of source.noteTypes) {
      const map = fieldMapFor(type, options);
      maps.set(type.id, map);
      const indexes = [map.term, map.definition, map.example, map.plain, ...(map.translations?.values() ?? [])].filter(
        (i): i is number => i !== undefined,
      );
      const beyond = indexes.filter((i) => i >= type.fields.length && type.fields.length > 0);
      if (beyond.length && type.noteCount) {
        warnings.push(`note type "${type.name}" has ${type.fields.length} fields; the mapping names field ${Math.max(...beyond) + 1}`);
      }
    }
    run.report('map', 0, source.notes.length);
    for (let i = 0; i < source.notes.length; i++) {
      const note = source.notes[i]!;
      const type = types.get(note.noteTypeId);
      if (type) {
        const result = mapNote(note, type, maps.get(type.id)!, source.html);
        mapped.push(...result.cards);
        skipped.push(...result.skipped);
        warnings.push(...result.warnings);
      }
      if (run.due()) await run.pause('map', i + 1, source.notes.length);
    }
    run.report('map', source.notes.length, source.notes.length);

    // Group by deck, in the order of the notes; ids unique per deck.
    const names = deckNames(source.decks, source.fileName);
    const sourceDecks = new Map(source.decks.map((d) => [d.id, d]));
    const byDeck = new Map<string, { card: CardInput; sounds: string[] }[]>();
    const idsByDeck = new Map<string, Set<string>>();
    for (const m of mapped) {
      const deckKey = names.has(m.deckId) ? m.deckId : (source.decks[0]?.id ?? m.deckId);
      const ids = idsByDeck.get(deckKey) ?? new Set<string>();
      idsByDeck.set(deckKey, ids);
      let card = m.card;
      if (card.id) {
        if (ids.has(card.id)) {
          skipped.push({
            noteType: m.noteType,
            where: m.where,
            text: card.term,
            code: 'duplicate',
            reason: 'the same Anki note (guid) is in the file twice; the first one was kept',
          });
          continue;
        }
      } else {
        const id = fallbackId(card.term, ids);
        if (id !== slugify(card.term)) card = { ...card, id };
      }
      ids.add(card.id ?? slugify(card.term));
      const list = byDeck.get(deckKey) ?? [];
      list.push({ card, sounds: m.sounds });
      byDeck.set(deckKey, list);
    }

    // Audio: per card, the first of its sounds that the source holds in a format the app plays.
    run.report('media', 0, 1);
    const missing = new Set<string>();
    const unplayable = new Set<string>();
    const choices = new Map<CardInput, string>();
    for (const cards of byDeck.values()) {
      for (const { card, sounds } of cards) {
        const choice = sounds.find((name) => source.media.has(name) && extensionOf(name));
        if (choice) choices.set(card, choice);
        else if (sounds.some((name) => source.media.has(name))) unplayable.add(sounds.find((name) => source.media.has(name))!);
        else if (sounds[0] !== undefined) missing.add(sounds[0]);
      }
    }
    const fileNames = audioNames([...new Set(choices.values())]);
    const files = source.media.read([...fileNames.keys()]);
    const audio = new Map<string, Uint8Array>();
    for (const [name, file] of fileNames) {
      const data = files.get(name);
      if (data) audio.set(file, data);
      else missing.add(name);
    }
    if (unplayable.size) {
      warnings.push(
        `${unplayable.size} sound(s) in a format Vaktaal cannot play (it plays mp3, ogg, m4a, wav, webm) were left out: ${describeList([...unplayable])}`,
      );
    }
    if (missing.size) {
      const where =
        source.format === 'apkg' ? 'the package does not hold them (or they are damaged)' : 'a text file carries no sound files';
      warnings.push(`${missing.size} sound(s) named in the notes were left out because ${where}: ${describeList([...missing])}`);
    }
    run.report('media', 1, 1);

    const decks: DeckInput[] = [];
    for (const [deckKey, cards] of byDeck) {
      const name = names.get(deckKey) ?? { id: slugify(baseName(source.fileName)) || 'anki', title: baseName(source.fileName) || 'Anki' };
      const deck = sourceDecks.get(deckKey);
      const description = deck?.description ? fieldText(deck.description, source.format === 'apkg') : '';
      decks.push({
        id: name.id,
        title: name.title,
        ...(description ? { description } : {}),
        cards: cards.map(({ card }) => {
          const choice = choices.get(card);
          const file = choice !== undefined ? fileNames.get(choice) : undefined;
          return file && audio.has(file) ? { ...card, audio: file } : card;
        }),
      });
    }
    if (!decks.length) {
      throw new ConvertError(
        'no-cards',
        source.notes.length ? `none of the ${source.notes.length} notes could become a card` : 'the file holds no notes',
        { notes: String(source.notes.length) },
        skipped,
      );
    }
    return {
      format: source.format,
      ...(source.packageVersion ? { packageVersion: source.packageVersion } : {}),
      noteTypes: source.noteTypes,
      noteCount: source.notes.length,
      decks,
      audio,
      skipped,
      warnings,
    };
  } catch (error) {
    wrapUnexpected(error);
  }
}

/** Reads and maps in one go (the CLI). Throws only ConvertError. */
export async function convert(bytes: Uint8Array, options: ConvertOptions): Promise<ConvertResult> {
  return mapSource(await readSource(bytes, options), options);
}
