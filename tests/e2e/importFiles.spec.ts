/**
 * Issue 16 in the app: a coach brings Anki packages (every package version, and the two real
 * AnkiDroid test packages), Anki text exports and Quizlet exports into Vaktaal on the import
 * screen. She sees how fields become card fields and changes that before anything is stored, is
 * told that Anki's review history stays behind, installs the decks and practises them. Expected
 * texts come from the source files (tests/e2e/ankiFiles.ts), never from the converter.
 */
import { readFileSync, rmSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../src/core/convert/convert.ts';
import { idFromGuid } from '../../src/core/convert/cards.ts';
import {
  BASIC,
  buildPackage,
  CLOZE,
  DEFAULT_DECK,
  rawZip,
  type FixtureCollection,
  type FixtureNoteType,
  type FixtureVersion,
} from '../unit/ankiFixtures.ts';
import {
  chooser,
  deckData,
  noteType,
  packageNotes,
  picked,
  plays,
  realPackage,
  recordPlays,
  roleOf,
  startWith,
  storedDecks,
  storedRows,
  type PickedFile,
  type StoredCard,
} from './ankiFiles.ts';
import type { Page } from '@playwright/test';
import { expect, openApp, test, waitForServiceWorker } from './fixtures.ts';
import { msg, type Lang } from './messages.ts';

const DAY_MS = 24 * 3600 * 1000;

// Each test reads, maps, stores and practises in a real browser (the listen test over two days): on a
// shared two-core machine that takes longer than the default minute.
test.describe.configure({ timeout: 180_000 });

/** A coach's own note type: the third field is a sentence, under a name the converter does not recognise. */
const VAKJARGON: FixtureNoteType = {
  id: 2001,
  name: 'Vakjargon',
  kind: 'basic',
  fields: ['Woord', 'Uitleg', 'Context'],
  templates: ['{{Woord}}'],
};
const LOKETWERK = { id: 7, name: 'Stad::Loketwerk' };
const NOTES = [
  ['de gemeenteraad', 'Het bestuur van de stad dat de burgers kiezen.', 'De gemeenteraad vergadert elke maand.'],
  ['het uittreksel', 'Een officieel papier met gegevens uit een register.', 'Vraag een uittreksel aan bij de dienst.'],
  ['de afspraak', 'Een vast moment waarop je bij de dienst langskomt.', 'Maak online een afspraak voor je identiteitskaart.'],
];
const collection = (notes = NOTES, guidPrefix = 'vj'): FixtureCollection => ({
  noteTypes: [VAKJARGON],
  decks: [DEFAULT_DECK, LOKETWERK],
  notes: notes.map((fields, i) => ({
    id: 100 + i,
    guid: `${guidPrefix}${i}`,
    noteTypeId: VAKJARGON.id,
    fields,
    cards: [{ ord: 0, deckId: LOKETWERK.id }],
  })),
});

/** The source note of a card the app shows, by the card id Anki's guid gives it. */
function noteOfCard(cardId: string, notes: { guid: string; fields: string[] }[]) {
  const note = notes.find((n) => idFromGuid(n.guid) === cardId);
  if (!note) throw new Error(`no source note for card ${cardId}`);
  return note;
}

/** What was stored before the file in progress was picked: nothing is added before "Add". */
let storedBefore: Awaited<ReturnType<typeof deckData>> | undefined;

async function pick(page: Page, file: PickedFile | PickedFile[] | string, lang: Lang = 'nl') {
  await page.goto('/import');
  storedBefore = await deckData(page);
  await chooser(page, lang).setInputFiles(file);
}

/** The mapping step of `file`: nothing is stored yet. */
async function expectMapping(page: Page, file: string, lang: Lang = 'nl') {
  await expect(page.getByRole('heading', { name: msg(lang, 'deckFiles.mapping.title', { file }) })).toBeVisible();
  expect(await deckData(page)).toEqual(storedBefore);
}

/** Mapping → review: still nothing stored. */
async function toReview(page: Page, lang: Lang = 'nl') {
  await page.getByRole('button', { name: msg(lang, 'deckFiles.mapping.convert'), exact: true }).click();
  await expect(page.getByRole('heading', { name: msg(lang, 'deckFiles.review.title') })).toBeVisible();
  expect(await deckData(page), 'nothing stored before "Add"').toEqual(storedBefore);
}

async function add(page: Page, lang: Lang = 'nl') {
  await page.getByRole('button', { name: msg(lang, 'deckFiles.review.add'), exact: true }).click();
  const added = page.getByTestId('deck-file-added').last();
  await expect(added).toBeVisible();
  return added;
}

/** Practises the open recognise exercise: the term and, revealed, the definition are the source note's. */
async function recogniseFromSource(page: Page, expected: (cardId: string) => { term: string; definition: string }, grade = 4) {
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'recognise');
  const turn = await exercise.getAttribute('data-turn');
  const { term, definition } = expected((await exercise.getAttribute('data-card'))!);
  await expect(exercise.getByTestId('prompt')).toContainText(term);
  await page.keyboard.press('Space');
  await expect(exercise).toContainText(definition);
  await page.keyboard.press(String(grade));
  await expect(async () => {
    const done = await page.getByTestId('summary').isVisible();
    expect(done || (await exercise.getAttribute('data-turn', { timeout: 500 })) !== turn).toBe(true);
  }).toPass();
}

for (const version of ['anki2', 'anki21', 'anki21b'] as FixtureVersion[]) {
  test(`an Anki package (${version}): the mapping is shown and changed before anything is stored, then the deck is practised`, async ({
    page,
  }) => {
    const bytes = await buildPackage(version, collection());
    const file = `vakjargon-${version}.apkg`;
    await openApp(page, '/import');
    await pick(page, picked(file, bytes));
    await expectMapping(page, file);
    await expect(page.getByTestId('no-history')).toHaveText(msg('nl', 'deckFiles.noHistory'));

    // First field → term, second → definition, the third offered but not used.
    const type = noteType(page, VAKJARGON.name);
    await expect(type).toContainText(msg('nl', 'deckFiles.mapping.noteCount', { n: NOTES.length }));
    await expect(roleOf(type, 'Woord')).toHaveValue('term');
    await expect(roleOf(type, 'Uitleg')).toHaveValue('definition');
    await expect(roleOf(type, 'Context')).toHaveValue('');
    for (const [term, definition, sentence] of NOTES) {
      await expect(type).toContainText(term!);
      await expect(type).toContainText(definition!);
      await expect(type).toContainText(sentence!);
    }
    // The coach makes the third field the example sentence.
    await roleOf(type, 'Context').selectOption('example');
    await toReview(page);
    const review = page.getByTestId('converted-deck');
    await expect(review).toHaveCount(1);
    await expect(review).toContainText(msg('nl', 'deckFiles.review.cards', { n: NOTES.length }));
    await expect(page.getByTestId('no-history')).toHaveText(msg('nl', 'deckFiles.noHistory'));
    const added = await add(page);
    await expect(added).toContainText(msg('nl', 'deckFiles.noHistory'));

    // Stored: one card per note, with the example the coach chose (its term as the gap).
    const [deck] = await storedDecks(page);
    expect(deck!.title).toBe('Loketwerk');
    const notes = collection().notes;
    expect(deck!.cards.map((c) => c.id).sort()).toEqual(notes.map((n) => idFromGuid(n.guid)).sort());
    for (const card of deck!.cards) {
      const [term, definition, sentence] = noteOfCard(card.id, notes).fields;
      expect(`${card.article} ${card.term}`).toBe(term);
      expect(card.definition).toBe(definition);
      expect(card.example!.replace(/[{}]/g, '')).toBe(sentence);
      expect(card.example).toContain(`{${card.term}}`);
    }

    await startWith(page, deck!.title);
    await recogniseFromSource(page, (id) => {
      const [term, definition] = noteOfCard(id, notes).fields;
      return { term: term!, definition: definition! };
    });
    expect((await deckData(page)).logs).toBeGreaterThan(0);
  });
}

test('the real AnkiDroid packages: every note type is offered, notes that cannot be cards are named, the decks are installed and practised', async ({
  page,
}) => {
  await openApp(page, '/import');

  // update3.apkg: one Basic note.
  const update3 = realPackage('update3.apkg');
  const [goodbye] = await packageNotes(update3.buffer);
  await pick(page, update3);
  await expectMapping(page, update3.name);
  const basic = noteType(page, goodbye!.noteType);
  await expect(basic).toContainText(goodbye!.fields[0]!);
  await expect(basic).toContainText(goodbye!.fields[1]!);
  await toReview(page);
  await add(page);

  // templates.apkg: 48 notes of 9 note types in 11 decks, with nested cloze edge cases.
  const templates = realPackage('templates.apkg');
  const notes = await packageNotes(templates.buffer);
  await pick(page, templates);
  await expectMapping(page, templates.name);
  await expect(page.getByText(msg('nl', 'deckFiles.mapping.sourceApkg', { n: notes.length }))).toBeVisible();
  const typeNames = [...new Set(notes.map((n) => n.noteType))];
  await expect(page.getByTestId('note-type')).toHaveCount(typeNames.length);
  for (const name of typeNames) await expect(noteType(page, name)).toHaveCount(1);
  await toReview(page);
  const decks = page.getByTestId('converted-deck');
  const reviewed = await decks.count();
  expect(reviewed).toBeGreaterThan(1);
  // The notes that cannot be cards are listed by place, note type and text, with a reason.
  const skipped = page.getByTestId('skipped-notes').getByRole('listitem');
  expect(await skipped.count()).toBeGreaterThan(0);
  for (const line of await skipped.allTextContents()) {
    expect(
      typeNames.some((name) => line.includes(`(${name})`)),
      line,
    ).toBe(true);
  }
  const added = await add(page);
  await expect(added).toContainText(msg('nl', 'deckFiles.noHistory'));
  const stored = await storedDecks(page);
  expect(stored).toHaveLength(1 + reviewed);
  // Each cloze card comes from one cloze number of a note: its id is the note's id with -cN.
  const clozeIds = stored.flatMap((d) => d.cards.map((c) => c.id)).filter((id) => /-c\d+$/.test(id));
  expect(clozeIds.length).toBeGreaterThan(0);
  for (const id of clozeIds) {
    const note = noteOfCard(id.replace(/-c\d+$/, ''), notes);
    const n = id.match(/-c(\d+)$/)![1];
    expect(note.fields.join('\x1f')).toContain(`{{c${n}::`);
  }

  // Practise the card of update3.apkg.
  const deck = stored.find((d) => d.cards.some((c) => c.id === idFromGuid(goodbye!.guid)))!;
  await startWith(page, deck.title);
  await recogniseFromSource(page, (id) => {
    const [term, definition] = noteOfCard(id, [goodbye!]).fields;
    return { term: term!, definition: definition! };
  });
});

/** Text files: what the coach exported, and the rows as term and definition, as a reader sees them. */
const TEXT_ROWS = [
  ['het containerpark', 'Een plaats waar je grof afval en glas brengt.'],
  ['de huisvuilzak', 'Een zak voor het afval dat niet gesorteerd wordt.'],
  ['het sluikstort', 'Afval dat iemand op straat achterlaat; dat mag niet.'],
];
const quoted = (field: string) => (field.includes(';') ? `"${field}"` : field);
const TEXT_FILES: { kind: string; file: PickedFile; stored: (definition: string) => string; quizlet?: { term: string; row: string } }[] = [
  {
    kind: 'an Anki text export with header lines',
    file: picked(
      'afval-anki.txt',
      [
        '#separator:tab',
        '#html:true',
        '#guid column:1',
        '#deck:Afvalbeleid',
        '#tags column:4',
        '#columns:guid\tTerm\tBetekenis\ttags',
        ...TEXT_ROWS.map(([term, def], i) => `t${i}\t${term!}\t${def!}\tafval`),
        '',
      ].join('\n'),
      'text/plain',
    ),
    stored: (d) => d,
  },
  {
    kind: 'an Anki text export without header lines',
    file: picked('afval-zonder-kop.txt', TEXT_ROWS.map(([term, def]) => `${term};${quoted(def!)};extra`).join('\r\n'), 'text/plain'),
    stored: (d) => d,
  },
  {
    kind: 'a Quizlet export with its default separators',
    // Quizlet does not quote: a definition may start with a quote mark.
    file: picked('afval-quizlet.txt', TEXT_ROWS.map(([term, def]) => `${term}\t"${def}"`).join('\n'), 'text/plain'),
    stored: (d) => `"${d}"`,
    quizlet: { term: 'tab', row: 'newline' },
  },
  {
    kind: 'a Quizlet export with custom separators (a definition holds a line break)',
    file: picked(
      'afval-quizlet-eigen.txt',
      TEXT_ROWS.map(([term, def]) => `${term!} = ${def!.replace('; ', '\n')}`).join(' ## '),
      'text/plain',
    ),
    stored: (d) => d.replace('; ', '\n'),
    quizlet: { term: ' = ', row: ' ## ' },
  },
];

for (const { kind, file, stored, quizlet } of TEXT_FILES) {
  test(`${kind}: the columns are mapped, the deck is installed and practised`, async ({ page }) => {
    await openApp(page, '/import');
    await pick(page, file);
    await expectMapping(page, file.name);
    if (quizlet) {
      const layout = page.getByRole('group', { name: msg('nl', 'deckFiles.layout.legend') });
      await layout.getByRole('combobox', { name: msg('nl', 'deckFiles.layout.legend') }).selectOption('quizlet');
      const term = layout.getByLabel(msg('nl', 'deckFiles.layout.termSeparator'), { exact: true });
      const row = layout.getByLabel(msg('nl', 'deckFiles.layout.rowSeparator'), { exact: true });
      for (const [select, value] of [
        [term, quizlet.term],
        [row, quizlet.row],
      ] as const) {
        if (value === 'tab' || value === 'newline') await expect(select).toHaveValue(value);
        else {
          await select.selectOption('custom');
          await layout
            .getByLabel(msg('nl', select === term ? 'deckFiles.layout.termCustom' : 'deckFiles.layout.rowCustom'), { exact: true })
            .fill(value);
        }
      }
      await layout.getByRole('button', { name: msg('nl', 'deckFiles.layout.reread') }).click();
      await expect(page.getByText(msg('nl', 'deckFiles.mapping.sourceQuizlet', { n: TEXT_ROWS.length }))).toBeVisible();
    } else {
      await expect(page.getByText(msg('nl', 'deckFiles.mapping.sourceAnkiText', { n: TEXT_ROWS.length }))).toBeVisible();
    }
    const type = page.getByTestId('note-type');
    await expect(type).toHaveCount(1);
    const selects = type.getByRole('combobox');
    await expect(selects.nth(0)).toHaveValue('term');
    await expect(selects.nth(1)).toHaveValue('definition');
    // Columns are named as the file names them, else by number in the user's language.
    await expect(type.locator('legend')).toHaveText(msg('nl', 'deckFiles.mapping.columns'));
    const labels = file.name === 'afval-anki.txt' ? ['Term', 'Betekenis'] : [1, 2].map((n) => msg('nl', 'deckFiles.mapping.column', { n }));
    await expect(roleOf(type, labels[0]!)).toHaveValue('term');
    await expect(roleOf(type, labels[1]!)).toHaveValue('definition');
    for (const [term, def] of TEXT_ROWS) {
      await expect(type).toContainText(term!);
      await expect(type).toContainText(def!.split('; ')[0]!);
    }
    await toReview(page);
    await expect(page.getByTestId('converted-deck')).toContainText(msg('nl', 'deckFiles.review.cards', { n: TEXT_ROWS.length }));
    await add(page);
    const [deck] = await storedDecks(page);
    const byTerm = (card: StoredCard) => TEXT_ROWS.find(([term]) => term === `${card.article} ${card.term}`);
    for (const card of deck!.cards) {
      const row = byTerm(card);
      expect(row, card.term).toBeDefined();
      expect(card.definition).toBe(stored(row![1]!));
    }
    await startWith(page, deck!.title);
    await recogniseFromSource(page, (id) => {
      const card = deck!.cards.find((c) => c.id === id)!;
      const [term, definition] = byTerm(card)!;
      return { term: term!, definition: definition!.split('; ')[0]! };
    });
  });
}

test('a cloze note becomes one card per cloze number; HTML in fields is shown as text and nothing in it runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const sentence = 'Het {{c1::uittreksel::document}} vraagt u aan bij de dienst {{c2::Burgerzaken}}.';
  const hostile = {
    term: 'het <b>attest</b><img src="https://evil.example/pixel.png" onerror="window.__xss=1;alert(1)"><script>window.__xss=2;alert(2)</script>',
    definition: 'Een papier &amp; bewijs<br>met <i>stempel</i> &lt;img src=x onerror=alert(3)&gt;',
  };
  const bytes = await buildPackage('anki21b', {
    noteTypes: [BASIC, CLOZE],
    decks: [DEFAULT_DECK],
    notes: [
      { id: 1, guid: 'cloze1', noteTypeId: CLOZE.id, fields: [sentence, ''] },
      { id: 2, guid: 'html1', noteTypeId: BASIC.id, fields: [hostile.term, hostile.definition] },
    ],
  });
  await openApp(page, '/import');
  await pick(page, picked('stadhuis.apkg', bytes));
  await expectMapping(page, 'stadhuis.apkg');
  // The sample shows the escaped markup as the text it is; the real markup is gone.
  const basic = noteType(page, BASIC.name);
  await expect(basic).toContainText('Een papier & bewijs met stempel <img src=x onerror=alert(3)>');
  await expect(noteType(page, CLOZE.name)).toContainText(msg('nl', 'deckFiles.mapping.cloze'));
  await toReview(page);
  await expect(page.getByTestId('converted-deck')).toContainText(msg('nl', 'deckFiles.review.cards', { n: 3 }));
  await add(page);

  const [deck] = await storedDecks(page);
  // One card per cloze number: the answer is the term and the gap; the other cloze is revealed.
  const clozes = [...sentence.matchAll(/\{\{c(\d+)::([^:}]+)(?:::([^}]+))?\}\}/g)];
  for (const [, n, answer] of clozes) {
    const card = deck!.cards.find((c) => c.id === `${idFromGuid('cloze1')}-c${n}`);
    expect(card, `card for c${n}`).toBeDefined();
    expect(card!.term).toBe(answer);
    const example = sentence.replace(/\{\{c(\d+)::([^:}]+)(?:::[^}]+)?\}\}/g, (_, m: string, text: string) =>
      m === n ? `{${text}}` : text,
    );
    expect(card!.example).toBe(example);
  }
  const attest = deck!.cards.find((c) => c.id === idFromGuid('html1'))!;
  expect(attest.term).toBe('attest');
  expect(attest.article).toBe('het');
  expect(attest.definition).toBe('Een papier & bewijs\nmet stempel <img src=x onerror=alert(3)>');

  // Practise both kinds: the escaped markup is on screen as text.
  await startWith(page, deck!.title);
  for (let i = 0; i < deck!.cards.length; i++) {
    await recogniseFromSource(page, (id) => {
      const card = deck!.cards.find((c) => c.id === id)!;
      return { term: `${card.article ? `${card.article} ` : ''}${card.term}`, definition: card.definition.split('\n').at(-1)! };
    });
    if (await page.getByTestId('summary').isVisible()) break;
  }
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[onerror], script:not([src])').count()).toBe(0);
});

test('[sound:…] in a note plays in the listen exercise, offline, and the answer is the note’s term', async ({ context, page }) => {
  await recordPlays(context);
  // No Dutch voice: the listen exercise has only the package's sound to play.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', {
      value: Object.assign(new EventTarget(), { getVoices: () => [], speak: () => undefined, cancel: () => undefined }),
    });
  });
  const sound = new Uint8Array(readFileSync('content/audio/loket.mp3'));
  const notes = [
    { id: 1, guid: 'loket', noteTypeId: BASIC.id, fields: ['het loket[sound:uitspraak loket.mp3]', 'De plaats waar je geholpen wordt.'] },
    { id: 2, guid: 'balie', noteTypeId: BASIC.id, fields: ['de balie', 'Een lange tafel waar je aanschuift.'] },
  ];
  const bytes = await buildPackage(
    'anki21b',
    { noteTypes: [BASIC], decks: [DEFAULT_DECK], notes },
    new Map([['uitspraak loket.mp3', sound]]),
  );
  const start = new Date();
  start.setHours(12, 0, 0, 0);
  await page.clock.install({ time: start });
  await openApp(page);
  await waitForServiceWorker(page);
  await pick(page, picked('loket.apkg', bytes));
  await expectMapping(page, 'loket.apkg');
  await expect(noteType(page, BASIC.name)).toContainText(msg('nl', 'deckFiles.mapping.sound', { name: 'uitspraak loket.mp3' }));
  await toReview(page);
  await expect(page.getByTestId('converted-deck')).toContainText(msg('nl', 'deckFiles.review.recordings', { n: 1 }));
  await add(page);
  expect((await deckData(page)).recordings).toBe(1);
  const [deck] = await storedDecks(page);
  await context.setOffline(true);

  // Day 1: meet both cards. Day 2: only "listen".
  await page.goto('/settings');
  await page.getByLabel(msg('nl', 'settingsExercises.warmup')).uncheck();
  await startWith(page, deck!.title);
  while (!(await page.getByTestId('summary').isVisible())) {
    await recogniseFromSource(page, (id) => {
      const [term, definition] = notes.find((n) => idFromGuid(n.guid) === id)!.fields;
      return { term: term!.replace(/\[sound:[^\]]*\]/, ''), definition: definition! };
    });
  }
  await page.clock.setFixedTime(new Date(start.getTime() + DAY_MS));
  await page.goto('/settings');
  for (const kind of ['produce', 'cloze', 'article', 'choice', 'plain', 'listen']) {
    const box = page.getByRole('checkbox', { name: msg('nl', `kinds.${kind}`), exact: true });
    if ((await box.isChecked()) !== (kind === 'listen')) await box.click();
  }
  await startWith(page, deck!.title);
  const exercise = page.getByTestId('exercise');
  await expect(exercise).toHaveAttribute('data-kind', 'listen');
  const note = noteOfCard((await exercise.getAttribute('data-card'))!, notes);
  expect(note.guid).toBe('loket');
  await expect.poll(() => plays(page)).toEqual([{ src: expect.stringMatching(/^blob:/), decoded: true, error: null }]);
  await page.keyboard.type(note.fields[0]!.replace(/\[sound:[^\]]*\]/, ''));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-outcome', 'correct');
});

test('converting the same package again keeps the card ids, so progress stays after a re-import', async ({ page }) => {
  await openApp(page, '/import');
  const first = collection();
  await pick(page, picked('vakjargon.apkg', await buildPackage('anki2', first)));
  await expectMapping(page, 'vakjargon.apkg');
  await toReview(page);
  await add(page);
  const [before] = await storedDecks(page);
  await startWith(page, before!.title);
  while (!(await page.getByTestId('summary').isVisible())) {
    await recogniseFromSource(page, (id) => {
      const [term, definition] = noteOfCard(id, first.notes).fields;
      return { term: term!, definition: definition! };
    });
  }
  const progress = async () => {
    const all = await storedRows(page);
    return {
      items: (all.items as { id: string; deckId: string; fsrs: { state: number; due: unknown } }[]).filter((i) => i.deckId === before!.id),
      logs: (all.logs as { deckId: string }[]).filter((l) => l.deckId === before!.id).length,
    };
  };
  const practised = await progress();
  expect(practised.items.filter((i) => i.fsrs.state !== 0).length).toBe(first.notes.length);

  // The coach improved a definition in Anki and added a note; she exports the current format.
  const updated = collection(
    [
      ...NOTES.map(([t, d, s], i) => [t!, i === 0 ? `${d} Ze beslist over de grote zaken.` : d!, s!]),
      ['de schepen', 'Een lid van het stadsbestuur.', ''],
    ],
    'vj',
  );
  await pick(page, picked('vakjargon.apkg', await buildPackage('anki21b', updated)));
  await expectMapping(page, 'vakjargon.apkg');
  await toReview(page);
  const added = await add(page);
  await expect(added).toContainText(
    msg('nl', 'deckImport.updated', { title: before!.title, count: updated.notes.length, department: '' }).split(':')[0]!,
  );
  const [after] = await storedDecks(page);
  expect(after!.id).toBe(before!.id);
  expect(after!.cards.map((c) => c.id)).toEqual(updated.notes.map((n) => idFromGuid(n.guid)));
  expect(after!.cards[0]!.definition).toBe(updated.notes[0]!.fields[1]);
  const kept = await progress();
  expect(kept.logs).toBe(practised.logs);
  // New kinds not met yet may be re-ranked among the new cards; what was practised stays as it was.
  for (const item of practised.items) {
    const now = kept.items.find((i) => i.id === item.id);
    if (item.fsrs.state === 0) expect(now, item.id).toBeDefined();
    else expect(now).toEqual(item);
  }
});

/** Bad input, in French: one message per file naming it and what to do, and nothing stored. */
test.describe('bad input', () => {
  test.use({ locale: 'fr-BE' });
  const lang: Lang = 'fr';
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vaktaal-import-'));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a zip that is not an Anki package, a damaged collection, a truncated zip, empty files and a file over the limit', async ({
    page,
  }) => {
    const good = await buildPackage('anki21', collection());
    // Over the limit without using the disk: a sparse file.
    const huge = join(dir, 'enorm.apkg');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 1);
    const cases: { file: PickedFile | string; name: string; key: string; advice?: string }[] = [
      { file: picked('foto-album.apkg', rawZip({ 'foto.txt': 'geen Anki' })), name: 'foto-album.apkg', key: 'noCollection' },
      {
        file: picked('kapotte-collectie.apkg', rawZip({ 'collection.anki21': new Uint8Array(4096).fill(7), media: '{}' })),
        name: 'kapotte-collectie.apkg',
        key: 'corruptCollection',
      },
      { file: picked('afgebroken.apkg', good.subarray(0, Math.floor(good.length / 2))), name: 'afgebroken.apkg', key: 'corruptZip' },
      { file: picked('leeg.txt', '', 'text/plain'), name: 'leeg.txt', key: 'empty', advice: 'empty' },
      { file: picked('leeg.apkg', new Uint8Array()), name: 'leeg.apkg', key: 'corruptZip' },
      { file: huge, name: 'enorm.apkg', key: 'tooLarge', advice: 'tooLarge' },
    ];
    await openApp(page, '/import');
    const before = await deckData(page);
    for (const { file, name, key, advice } of cases) {
      await chooser(page, lang).setInputFiles(file);
      const refused = page.getByTestId('deck-file-refused').filter({ hasText: msg(lang, 'deckImport.refusedTitle', { file: name }) });
      await expect(refused, name).toBeVisible();
      await expect(refused).toContainText(msg(lang, `deckFiles.convertError.${key}`, { limit: '1 GB' }));
      if (advice) await expect(refused).toContainText(msg(lang, `deckFiles.convertAdvice.${advice}`));
      await expect(refused).toContainText(msg(lang, 'deckFiles.nothingStored'));
      await expect(page.getByTestId('deck-files-step')).toBeHidden();
      expect(await deckData(page), name).toEqual(before);
    }
    expect(before).toEqual({ decks: 0, recordings: 0, items: 0, logs: 0 });
  });
});
