/**
 * One note → its Vaktaal cards, by the mapping rules of issue 16:
 * - basic notes: the term field (a leading "de "/"het " becomes the article), the definition
 *   field, and optionally example (the term in it becomes the {gap}), plain, translations;
 * - cloze notes: one card per cloze number, the answer as the term and as the gap of the
 *   example; the definition is the hint, else the mapped definition field (Anki's "Back
 *   Extra"), else the sentence with "…" where the gap is;
 * - `[sound:…]` → the card's audio (the first sound of the note that the package holds);
 * - ids from Anki's note guid, so a second conversion of the same (updated) package keeps them.
 * A note that cannot become a card is returned as skipped, with the reason; nothing throws.
 */
import { gapMatchesTerm } from '../content/inflection.ts';
import type { CardInput, CardType } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';
import { fold } from '../content/text.ts';
import { contentHash } from '../content/validate.ts';
import { clozeNumbers, parseCloze, renderCloze } from './cloze.ts';
import { fieldText, oneLine, takeSounds } from './html.ts';
import type { FieldMap } from './mapping.ts';
import type { SourceNote, SourceNoteType } from './source.ts';

export type SkipCode =
  'unsupported-note-type' | 'empty-term' | 'empty-definition' | 'no-cloze' | 'cloze-gaps' | 'empty-answer' | 'duplicate';

export interface SkippedNote {
  noteType: string;
  /** "note 1404529280070" (packages) or "line 12" (text files). */
  where: string;
  /** The note's first field as text, shortened: how a coach recognises it. */
  text: string;
  /** For one cloze card of a note: its number. */
  cloze?: number;
  code: SkipCode;
  reason: string;
}

export interface MappedCard {
  /** Source deck id. */
  deckId: string;
  card: CardInput;
  /** Sound file names the note refers to, the term field's first. */
  sounds: string[];
  noteType: string;
  where: string;
}

export interface NoteResult {
  cards: MappedCard[];
  skipped: SkippedNote[];
  warnings: string[];
}

const GAP_OPEN = '\uE000';
const GAP_CLOSE = '\uE001';
const ARTICLE = /^(de|het)\s+(\S.*)$/i;

export function noteLabel(note: SourceNote, html: boolean): string {
  // Cloze deletions shown as their answers, as the coach reads the sentence in Anki's browser.
  const revealed = renderCloze(parseCloze(takeSounds(note.fields[0] ?? '', html).rest), 0, '', '').text;
  const text = oneLine(fieldText(revealed, html));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Card id from Anki's note guid: the guid is case-sensitive and holds any ASCII, so it is hashed. */
export function idFromGuid(guid: string): string {
  return `anki-${contentHash(guid)}`;
}

/** `type` only when the term itself says so: all capitals is an abbreviation, a sentence a phrase. */
function guessType(term: string, article: string | undefined): CardType | undefined {
  if (/^[A-Z]{2,6}$/.test(term)) return 'abbreviation';
  if (article) return undefined;
  const words = term.split(/\s+/).length;
  if (words >= 2 && /[.?!]$/.test(term)) return 'phrase';
  return undefined;
}

function splitArticle(text: string): { term: string; article?: 'de' | 'het' } {
  const match = text.match(ARTICLE);
  return match ? { term: match[2]!.trim(), article: match[1]!.toLowerCase() as 'de' | 'het' } : { term: text };
}

/** Braces mean "gap" in Vaktaal's examples; any the source wrote itself become parentheses. */
function noBraces(text: string): string {
  return text.replace(/\{/g, '(').replace(/\}/g, ')');
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The example with the term (or a form of it) as its {gap}, or undefined when the term is not in it. */
export function markGap(example: string, term: string, article: string | undefined, type: CardType | undefined): string | undefined {
  const text = noBraces(example);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const size = term.split(/\s+/).filter(Boolean).length;
  const card = { term, article, type };
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + size <= words.length; i++) spans.push({ start: words[i]!.start, end: words[i + size - 1]!.end });
  const target = fold(term);
  const hit =
    spans.find((s) => fold(text.slice(s.start, s.end)) === target) ??
    spans.find((s) => gapMatchesTerm(card, text.slice(s.start, s.end), text.slice(s.end)));
  return hit ? `${text.slice(0, hit.start)}{${text.slice(hit.start, hit.end)}}${text.slice(hit.end)}` : undefined;
}

interface Fields {
  raw: (index: number | undefined) => string;
  text: (index: number | undefined) => string;
  sounds: string[];
}

function readFields(note: SourceNote, html: boolean, termField: number | undefined): Fields {
  const rests: string[] = [];
  const soundsByField: string[][] = [];
  note.fields.forEach((raw, i) => {
    const { rest, sounds } = takeSounds(raw, html);
    rests[i] = rest;
    soundsByField[i] = sounds;
  });
  const first = termField !== undefined ? (soundsByField[termField] ?? []) : [];
  const sounds = [...new Set([...first, ...soundsByField.flat()])];
  const cache = new Map<number, string>();
  return {
    raw: (i) => (i === undefined ? '' : (rests[i] ?? '')),
    text: (i) => {
      if (i === undefined) return '';
      let value = cache.get(i);
      if (value === undefined) {
        value = fieldText(rests[i] ?? '', html);
        cache.set(i, value);
      }
      return value;
    },
    sounds,
  };
}

function extras(fields: Fields, map: FieldMap): Pick<CardInput, 'plain' | 'translations'> {
  const plain = fields.text(map.plain);
  const translations: Record<string, string> = {};
  for (const [lang, index] of map.translations ?? []) {
    const value = fields.text(index);
    if (value) translations[lang] = value;
  }
  return { ...(plain ? { plain } : {}), ...(Object.keys(translations).length ? { translations } : {}) };
}

function fieldName(noteType: SourceNoteType, index: number | undefined): string {
  if (index === undefined) return 'no field';
  const name = noteType.fields[index];
  return name ? `field ${index + 1} ("${name}")` : `field ${index + 1}`;
}

export function mapNote(note: SourceNote, noteType: SourceNoteType, map: FieldMap, html: boolean): NoteResult {
  const skip = (code: SkipCode, reason: string, cloze?: number): SkippedNote => ({
    noteType: noteType.name,
    where: note.where,
    text: noteLabel(note, html),
    ...(cloze !== undefined ? { cloze } : {}),
    code,
    reason,
  });
  if (noteType.unsupported) return { cards: [], skipped: [skip('unsupported-note-type', noteType.unsupported)], warnings: [] };
  return noteType.kind === 'cloze' ? mapCloze(note, noteType, map, html, skip) : mapBasic(note, noteType, map, html, skip);
}

type Skip = (code: SkipCode, reason: string, cloze?: number) => SkippedNote;

function mapBasic(note: SourceNote, noteType: SourceNoteType, map: FieldMap, html: boolean, skip: Skip): NoteResult {
  const fields = readFields(note, html, map.term);
  const termText = oneLine(fields.text(map.term));
  if (!termText) {
    const only = fields.raw(map.term).trim() || note.fields[map.term ?? 0]?.trim() ? 'holds no text (only a sound or picture)' : 'is empty';
    return { cards: [], skipped: [skip('empty-term', `${fieldName(noteType, map.term)}, the term, ${only}`)], warnings: [] };
  }
  const definition = fields.text(map.definition);
  if (!definition) {
    return {
      cards: [],
      skipped: [skip('empty-definition', `${fieldName(noteType, map.definition)}, the definition, is empty`)],
      warnings: [],
    };
  }
  const { term, article } = splitArticle(termText);
  const type = guessType(term, article);
  const warnings: string[] = [];
  let example: string | undefined;
  const exampleText = fields.text(map.example);
  if (exampleText) {
    example = markGap(exampleText, term, article, type);
    if (!example) warnings.push(`${note.where} (${noteType.name}): the example does not contain "${term}", so it was left out`);
  }
  const card: CardInput = {
    term,
    ...(article ? { article } : {}),
    ...(type ? { type } : {}),
    definition,
    ...(example ? { example } : {}),
    ...extras(fields, map),
    ...(note.guid ? { id: idFromGuid(note.guid) } : {}),
  };
  return {
    cards: [{ deckId: note.deckId, card, sounds: fields.sounds, noteType: noteType.name, where: note.where }],
    skipped: [],
    warnings,
  };
}

function mapCloze(note: SourceNote, noteType: SourceNoteType, map: FieldMap, html: boolean, skip: Skip): NoteResult {
  const clozeFields = noteType.clozeFields.length ? noteType.clozeFields : note.fields.map((_, i) => i);
  const fields = readFields(note, html, clozeFields[0]);
  const parsed = clozeFields.map((index) => ({ index, nodes: parseCloze(fields.raw(index)) }));
  const numbers = [...parsed.reduce((all, p) => clozeNumbers(p.nodes, all), new Set<number>())].sort((a, b) => a - b);
  if (!numbers.length) {
    const names = clozeFields.map((i) => noteType.fields[i] || `field ${i + 1}`).join(', ');
    return { cards: [], skipped: [skip('no-cloze', `no cloze deletion ({{c1::…}}) in ${names}`)], warnings: [] };
  }
  const cards: MappedCard[] = [];
  const skipped: SkippedNote[] = [];
  const base = note.guid ? idFromGuid(note.guid) : undefined;
  for (const n of numbers) {
    const rendered = parsed.map((p) => ({ index: p.index, ...renderCloze(p.nodes, n, GAP_OPEN, GAP_CLOSE) })).filter((r) => r.count > 0);
    const count = rendered.reduce((sum, r) => sum + r.count, 0);
    if (count !== 1) {
      const where = rendered.map((r) => noteType.fields[r.index] || `field ${r.index + 1}`).join(', ');
      skipped.push(skip('cloze-gaps', `c${n} hides ${count} parts (in ${where}); a Vaktaal card asks for one`, n));
      continue;
    }
    const { text: sentenceHtml, hints } = rendered[0]!;
    const sentence = fieldText(sentenceHtml, html);
    const open = sentence.indexOf(GAP_OPEN);
    const close = sentence.indexOf(GAP_CLOSE);
    const answer = open >= 0 && close > open ? oneLine(sentence.slice(open + 1, close)) : '';
    if (!answer) {
      skipped.push(skip('empty-answer', `c${n} hides no text`, n));
      continue;
    }
    if (/^image-occlusion:/i.test(answer)) {
      skipped.push(skip('unsupported-note-type', 'image occlusion notes are parts of a picture, not text', n));
      continue;
    }
    const before = noBraces(sentence.slice(0, open));
    const after = noBraces(sentence.slice(close + 1));
    const gap = noBraces(answer);
    const { term, article } = splitArticle(gap);
    const type = guessType(term, article);
    const hint = oneLine(fieldText(hints[0] ?? '', html));
    const definition = hint || fields.text(map.definition) || (before.trim() || after.trim() ? oneLine(`${before}…${after}`) : '');
    if (!definition) {
      skipped.push(
        skip('empty-definition', `c${n} hides the whole field: there is no sentence around the gap, and no hint or definition field`, n),
      );
      continue;
    }
    const card: CardInput = {
      term,
      ...(article ? { article } : {}),
      ...(type ? { type } : {}),
      definition,
      example: `${before}{${gap}}${after}`.trim(),
      ...extras(fields, map),
      ...(base ? { id: `${base}-c${n}` } : {}),
    };
    cards.push({
      deckId: note.cardDecks?.get(n - 1) ?? note.deckId,
      card,
      sounds: fields.sounds,
      noteType: noteType.name,
      where: note.where,
    });
  }
  return { cards, skipped, warnings: [] };
}

/** A card id for sources without guids: the validator's default (slug of the term), made unique. */
export function fallbackId(term: string, taken: ReadonlySet<string>): string {
  const base = slugify(term) || `kaart-${contentHash(term)}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
