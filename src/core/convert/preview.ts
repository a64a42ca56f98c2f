/**
 * What the app's mapping step shows of a source before anything is mapped: for each note type a
 * few notes, field by field, as the plain text the converter would take from them (markup
 * dropped, sounds named apart). Shown as text only, so nothing in a field can run.
 */
import { fieldText, oneLine, takeSounds } from './html.ts';
import type { Source } from './source.ts';

export interface SampleField {
  text: string;
  /** Sound files the field names (`[sound:…]`). */
  sounds: string[];
}

/** Longer sample text is cut: the mapping step needs to recognise a field, not read it. */
const MAX_SAMPLE = 120;

function sampleField(raw: string, html: boolean): SampleField {
  const { rest, sounds } = takeSounds(raw, html);
  const text = oneLine(fieldText(rest, html));
  return { text: text.length > MAX_SAMPLE ? `${text.slice(0, MAX_SAMPLE - 1)}…` : text, sounds };
}

/** Up to `perType` notes of each note type (the first ones in the file), by note type id. */
export function sampleNotes(source: Pick<Source, 'notes' | 'noteTypes' | 'html'>, perType = 3): Map<string, SampleField[][]> {
  const samples = new Map<string, SampleField[][]>(source.noteTypes.map((t) => [t.id, []]));
  let open = source.noteTypes.filter((t) => t.noteCount > 0).length;
  for (const note of source.notes) {
    if (open === 0) break;
    const list = samples.get(note.noteTypeId);
    if (!list || list.length >= perType) continue;
    list.push(note.fields.map((raw) => sampleField(raw, source.html)));
    if (list.length === perType) open--;
  }
  return samples;
}
