import type { CardInput } from '../../core/content/schema.ts';
import {
  IGNORE,
  previewSheet,
  SHEET_FIELDS,
  translationTarget,
  languageOf,
  type ColumnMapping,
  type ColumnTarget,
  type SheetPreview,
} from '../../core/content/spreadsheet.ts';
import { LANGUAGES } from '../i18n.svelte.ts';

/** Larger pastes or dropped files are refused before reading: a 1,000-card sheet is well under 1 MB. */
export const MAX_PASTE_BYTES = 5 * 1024 * 1024;

/**
 * "Paste from a spreadsheet": rows copied from Excel, LibreOffice or Google Sheets (tab-separated)
 * or a dropped CSV, columns mapped by their header (Dutch or English), the mapping changeable,
 * and what each row becomes, before anything is added to the deck.
 */
export class PasteController {
  text = $state('');
  source = $state<'paste' | 'file'>('paste');
  fileName = $state('');
  /** undefined: as the headers suggest. */
  mapping = $state<ColumnMapping | undefined>();
  hasHeader = $state<boolean | undefined>();
  tooBig = $state(false);

  readonly preview = $derived.by((): SheetPreview | undefined => {
    if (!this.text.trim()) return undefined;
    return previewSheet(this.text, {
      file: this.fileName || 'plakken',
      ...(this.mapping ? { mapping: this.mapping } : {}),
      ...(this.hasHeader !== undefined ? { hasHeader: this.hasHeader } : {}),
    });
  });

  /** The cards the rows without errors become. */
  readonly cards = $derived.by((): CardInput[] =>
    this.preview?.problems.some((p) => p.severity === 'error') ? [] : (this.preview?.rows ?? []).flatMap((r) => (r.card ? [r.card] : [])),
  );

  setText(text: string, fileName = ''): void {
    this.tooBig = text.length > MAX_PASTE_BYTES;
    this.text = this.tooBig ? '' : text;
    this.fileName = fileName;
    this.source = fileName ? 'file' : 'paste';
    this.mapping = undefined;
    this.hasHeader = undefined;
  }

  async setFile(file: File): Promise<void> {
    if (file.size > MAX_PASTE_BYTES) {
      this.setText('');
      this.tooBig = true;
      return;
    }
    this.setText(await file.text(), file.name);
  }

  /** Column `index` holds `target` (a field, a translation, or nothing the deck uses). */
  setTarget(index: number, target: ColumnTarget): void {
    this.mapping = { ...(this.preview?.mapping ?? {}), [index]: target };
  }

  setHasHeader(value: boolean): void {
    this.hasHeader = value;
    // Another first row means other column names: the suggestion starts over.
    this.mapping = undefined;
  }

  clear(): void {
    this.setText('');
  }

  /** What a column may hold: nothing, each card field, a translation per UI language and any language already mapped. */
  targets(): ColumnTarget[] {
    const mapped = Object.values(this.preview?.mapping ?? {})
      .map(languageOf)
      .filter((l): l is string => !!l);
    const languages = [...new Set([...LANGUAGES.map((l) => l.code).filter((c) => c !== 'nl'), ...mapped])];
    return [IGNORE, ...SHEET_FIELDS, ...languages.map(translationTarget)];
  }
}
