import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  columnTargetOf,
  guessMapping,
  headerHint,
  IGNORE,
  previewSheet,
  readTable,
} from '../../src/core/content/spreadsheet.ts';
import { formatProblem } from '../../src/core/content/problems.ts';

describe('column names in Dutch or English', () => {
  it('recognises the names coaches and departments write, whatever the case, accents and spacing', () => {
    const cases: [string, string][] = [
      ['Term', 'term'],
      ['WOORD', 'term'],
      ['Begrip', 'term'],
      ['Nederlands', 'term'],
      [' Lidwoord ', 'article'],
      ['Artikel', 'article'],
      ['article', 'article'],
      ['de/het', 'article'],
      ['Betekenis', 'definition'],
      ['Definitie', 'definition'],
      ['Omschrijving', 'definition'],
      ['definition', 'definition'],
      ['Uitleg', 'definition'],
      ['Voorbeeld', 'example'],
      ['Voorbeeldzin', 'example'],
      ['Example sentence', 'example'],
      ['Klare taal', 'plain'],
      ['klare-taal', 'plain'],
      ['KlareTaal', 'plain'],
      ['Eenvoudig', 'plain'],
      ['plain', 'plain'],
      ['Alternatieven', 'alternatives'],
      ['Synoniemen', 'alternatives'],
      ['Type', 'type'],
      ['Woordsoort', 'type'],
      ['Audio', 'audio'],
      ['Opname', 'audio'],
      ['Id', 'id'],
      ['sharedTerm', 'sharedTerm'],
      ['Shared term', 'sharedTerm'],
      ['Vertaling Engels', 'translations.en'],
      ['Engels', 'translations.en'],
      ['en', 'translations.en'],
      ['EN', 'translations.en'],
      ['English', 'translations.en'],
      ['Engelse vertaling', 'translations.en'],
      ['Vertaling (FR)', 'translations.fr'],
      ['Frans', 'translations.fr'],
      ['Français', 'translations.fr'],
      ['Arabisch', 'translations.ar'],
      ['Arabic', 'translations.ar'],
      ['Oekraïens', 'translations.uk'],
      ['Oekraiens', 'translations.uk'],
      ['uk', 'translations.uk'],
      ['Turks', 'translations.tr'],
      ['Turkish translation', 'translations.tr'],
      ['Dari', 'translations.prs'],
      ['Tigrinya', 'translations.ti'],
      ['Somalisch', 'translations.so'],
      ['Russisch', 'translations.ru'],
      ['Perzisch', 'translations.fa'],
    ];
    expect(cases.map(([header]) => [header, columnTargetOf(header)])).toEqual(cases);
  });

  it('names nothing for other headers, also for names that are object keys in JavaScript', () => {
    for (const header of [
      'Notities',
      'Vertalingen',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '',
      '   ',
      '#',
      'Vertaling',
    ]) {
      expect(columnTargetOf(header), header).toBeUndefined();
    }
    expect(headerHint('Betekennis')).toBe('definition');
    expect(headerHint('Vertalingen')).toContain('one column per language');
    expect(headerHint('constructor')).toBeUndefined();
  });

  it('names columns with letters as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'ZZ', 'AAA']);
  });

  it('maps each recognised column once; a second column for the same field and unknown columns are ignored', () => {
    expect(guessMapping(['Woord', 'Notities', 'Betekenis', 'Engels', 'en'])).toEqual({
      0: 'term',
      1: IGNORE,
      2: 'definition',
      3: 'translations.en',
      4: IGNORE,
    });
  });
});

describe('rows pasted from a spreadsheet', () => {
  /** What Excel, LibreOffice and Google Sheets put on the clipboard: tabs, CRLF, a cell with a line break in quotes. */
  const pasted = [
    'Woord\tLidwoord\tBetekenis\tNotities\tEngels',
    'loket\thet\tDe plaats waar je geholpen wordt.\tna te kijken\tcounter',
    'balie\tden\tEen tafel; daar help je mensen.\t\tdesk',
    '',
    'wachtrij\tde\t"Mensen die wachten.',
    'Na elkaar."\t\tqueue',
    '\t\t\t\t',
  ].join('\r\n');

  it('previews what each row becomes: a card, or the problems at the row and column the spreadsheet shows', () => {
    const preview = previewSheet(pasted);
    expect(preview.delimiter).toBe('\t');
    expect(preview.hasHeader).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.mapping).toEqual({ 0: 'term', 1: 'article', 2: 'definition', 3: IGNORE, 4: 'translations.en' });
    expect(preview.columns.map((c) => [c.letter, c.header, c.target])).toEqual([
      ['A', 'Woord', 'term'],
      ['B', 'Lidwoord', 'article'],
      ['C', 'Betekenis', 'definition'],
      ['D', 'Notities', IGNORE],
      ['E', 'Engels', 'translations.en'],
    ]);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    const [loket, balie, wachtrij] = preview.rows;
    expect(loket!.card).toEqual({
      term: 'loket',
      article: 'het',
      definition: 'De plaats waar je geholpen wordt.',
      translations: { en: 'counter' },
    });
    expect(balie!.card).toBeUndefined();
    expect(balie!.problems.map((p) => [p.code, p.cell])).toEqual([['invalid-value', { row: 3, column: 'B', header: 'Lidwoord' }]]);
    expect(formatProblem(balie!.problems[0]!)).toContain('row 3, column B (Lidwoord): "article: den" is not allowed');
    expect(wachtrij!.card).toMatchObject({ term: 'wachtrij', definition: 'Mensen die wachten.\r\nNa elkaar.' });
  });

  it('takes a mapping the user changed: a column mapped by hand, a column switched off', () => {
    const preview = previewSheet(pasted, { mapping: { 0: 'term', 1: 'article', 2: 'definition', 3: 'plain', 4: IGNORE } });
    expect(preview.rows[0]!.card).toEqual({
      term: 'loket',
      article: 'het',
      definition: 'De plaats waar je geholpen wordt.',
      plain: 'na te kijken',
    });
    expect(preview.mapping).toEqual({ 0: 'term', 1: 'article', 2: 'definition', 3: 'plain', 4: IGNORE });
  });

  it('reports a mapping that cannot make cards: a required field without column, a field on two columns, an unknown target', () => {
    const preview = previewSheet(pasted, { mapping: { 0: 'term', 1: 'term', 2: 'betekenis' } });
    expect(preview.problems.map((p) => [p.code, p.cell?.column])).toEqual([
      ['duplicate-column', 'B'],
      ['unknown-column', 'C'],
      ['missing-column', undefined],
    ]);
    expect(preview.rows.every((r) => r.card === undefined)).toBe(true);
    // Reported once for the paste, not again on every row.
    expect(preview.rows.flatMap((r) => r.problems).filter((p) => p.code === 'missing-field')).toEqual([]);
  });

  it('rows without a header: nothing is guessed, the user maps the columns', () => {
    const rows = 'loket\thet\tDe plaats.\nbalie\tde\tEen tafel.\n';
    const unmapped = previewSheet(rows);
    expect(unmapped.hasHeader).toBe(false);
    expect(unmapped.problems.map((p) => p.code)).toEqual(['missing-column', 'missing-column']);
    const mapped = previewSheet(rows, { mapping: { 0: 'term', 1: 'article', 2: 'definition' } });
    expect(mapped.rows.map((r) => [r.row, r.card?.term])).toEqual([
      [1, 'loket'],
      [2, 'balie'],
    ]);
  });

  it('checks pasted rows against each other as a deck would (the same id twice)', () => {
    const preview = previewSheet('Term\tBetekenis\tLidwoord\nLoket\tx\thet\nloket\ty\thet\n');
    expect(preview.rows[0]!.card).toBeDefined();
    expect(preview.rows[1]!.problems.map((p) => [p.code, p.cell])).toEqual([
      ['duplicate-card-id', { row: 3, column: 'A', header: 'Term' }],
    ]);
    expect(preview.rows[1]!.card).toBeUndefined();
  });

  it('reads a CSV with ";" the same way, and reports an unclosed quote without guessing rows', () => {
    const csv = previewSheet('Term;Lidwoord;Betekenis\nloket;het;"Een plaats; een balie."\n');
    expect(csv.delimiter).toBe(';');
    expect(csv.rows[0]!.card).toMatchObject({ definition: 'Een plaats; een balie.' });
    const broken = previewSheet('Term\tBetekenis\nloket\t"Een plaats\n');
    expect(broken.rows).toEqual([]);
    expect(broken.problems.map((p) => [p.code, p.cell?.row])).toEqual([['csv-syntax', 2]]);
  });

  it('numbers rows as the spreadsheet does: an Excel sep= line is no row, empty rows count, a multi-line cell is one row', () => {
    const table = readTable('sep=;\r\nTerm;Betekenis\r\n\r\nloket;"twee\r\nregels"\r\nbalie;x\r\n', 'x.csv');
    expect(table.rows.map((r) => [r.number, r.start.line, r.cells[0]])).toEqual([
      [1, 2, 'Term'],
      [2, 3, ''],
      [3, 4, 'loket'],
      [4, 6, 'balie'],
      [5, 7, ''],
    ]);
  });
});

describe('property: previewing any paste never throws, and every row problem is on its own row', () => {
  it('for random text and random mappings', () => {
    const cell = fc.oneof(
      fc.constantFrom('Term', 'Lidwoord', 'Betekenis', 'Engels', 'de', 'het', 'den', '"', '""', '{x}', 'x|y', 'ja', ''),
      fc.string({ maxLength: 8 }),
    );
    const paste = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join('\t')).join('\r\n'));
    const target = fc.constantFrom(
      'term',
      'article',
      'definition',
      'example',
      'plain',
      'alternatives',
      'sharedTerm',
      'translations.en',
      'ignore',
      'nonsense',
    );
    const mapping = fc.option(fc.dictionary(fc.integer({ min: 0, max: 6 }).map(String), target), { nil: undefined });
    fc.assert(
      fc.property(paste, mapping, (text, m) => {
        const preview = previewSheet(text, m ? { mapping: m as Record<number, string> } : {});
        for (const row of preview.rows) {
          for (const p of row.problems) expect(p.cell?.row).toBe(row.row);
          if (row.card) expect(row.problems.some((p) => p.severity === 'error')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
