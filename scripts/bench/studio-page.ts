/**
 * Runs in real Chromium (served by Vite): the studio editor's own controller over the app's real
 * services (IndexedDB, the built-in decks for the checks across decks). A draft of 1,000 cards and
 * one of 10 are opened; then a definition is typed one character at a time, and each keystroke is
 * timed until its check is computed: what the editor screen reads after every change (the card's
 * problems, the totals, the list of problems, the deck's problems, the visible rows' summaries).
 */
import type { CardInput } from '../../src/core/content/schema.ts';
import { app, startApp } from '../../src/ui/app.svelte.ts';
import { StudioEditorController } from '../../src/ui/controllers/studioEditor.svelte.ts';
import { services } from '../../src/ui/services.ts';

/** Rows of the card table in view (its height over the row height), as the table renders them. */
const VISIBLE_ROWS = 16;
const TYPED = ' Je vraagt het aan bij de dienst Burgerzaken van de stad, aan het loket of online.'.repeat(3);
const GROUP = 4;

function cards(count: number): CardInput[] {
  return Array.from({ length: count }, (_, i) => ({
    term: `dossierwoord${i}`,
    article: i % 3 ? 'de' : 'het',
    definition: `De uitleg van het woord met nummer ${i}, in eenvoudige taal.`,
    example: `Het {dossierwoord${i}} staat in de brief van de stad.`,
    plain: `gewoon woord ${i}`,
    translations: { en: `word ${i}`, fr: `mot ${i}`, ar: `كلمة ${i}`, uk: `слово ${i}`, tr: `kelime ${i}` },
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(count: number) {
  const studio = await services().studio();
  const row = await studio.create();
  await studio.save({
    ...row,
    deck: { id: `bench-${count}`, title: `Bench ${count}`, level: 'B1', cards: cards(count) },
    updatedAt: row.updatedAt + 1,
  });

  const ctl = new StudioEditorController();
  let t0 = performance.now();
  await ctl.open(row.id);
  // What the screen reads once it is open: the totals, the list, the first rows.
  ctl.totals();
  ctl.allProblems(30);
  for (const card of ctl.deck.cards.slice(0, VISIBLE_ROWS)) ctl.problemsOf(card.key);
  const open = performance.now() - t0;
  // Spelling (Hunspell worker) and the noun list load after opening; let them settle first.
  const settle = performance.now();
  while ((ctl.spellState === 'loading' || ctl.articleState === 'loading') && performance.now() - settle < 60_000)
    await new Promise((r) => setTimeout(r, 50));

  // A card in the middle of the deck; the rows around it are the ones in view.
  const at = Math.floor(count / 2);
  ctl.select(at);
  const card = ctl.deck.cards[at]!;
  const visible = ctl.deck.cards.slice(Math.max(0, at - VISIBLE_ROWS / 2), at + VISIBLE_ROWS / 2);
  const samples: number[] = [];
  let value = card.definition;
  let problems = 0;
  // The clock in a page is coarse (0.1 ms): each sample is the mean of GROUP keystrokes in a row.
  for (let i = 0; i + GROUP <= TYPED.length; i += GROUP) {
    t0 = performance.now();
    for (const ch of TYPED.slice(i, i + GROUP)) {
      value += ch;
      ctl.setField(card.key, 'definition', value);
      problems = ctl.problemsOf(card.key).length;
      ctl.compiledOf(card.key);
      ctl.totals();
      ctl.deckProblems();
      ctl.allProblems(30);
      for (const c of visible) ctl.problemsOf(c.key);
    }
    samples.push((performance.now() - t0) / GROUP);
  }
  // What runs between keystrokes: the draft saved to IndexedDB (after a pause), and the journal
  // written synchronously (shortly after each change, for a closed tab).
  ctl.setField(card.key, 'definition', `${value}.`);
  t0 = performance.now();
  await ctl.save();
  const save = performance.now() - t0;
  ctl.setField(card.key, 'definition', value);
  t0 = performance.now();
  ctl.flush();
  const journal = performance.now() - t0;
  await ctl.save();
  ctl.dispose();
  await studio.remove(row.id);
  return {
    cards: count,
    open,
    keystroke: { median: median(samples), max: Math.max(...samples), n: samples.length * GROUP },
    journal,
    save,
    problems,
    spell: ctl.spellState,
  };
}

async function main() {
  await startApp();
  if (app.phase !== 'ready') throw new Error(`app not ready: ${app.failure}`);
  const otherCards = app.decks.reduce((n, d) => n + d.cards.length, 0);
  // Warm up the code paths once (JIT), then the small deck is the anchor and the large one is measured.
  await measure(10);
  const small = await measure(10);
  const large = await measure(1000);
  return { small, large, otherDecks: app.decks.length, otherCards };
}

main().then(
  (result) => {
    (window as unknown as { benchResult: unknown }).benchResult = result;
    document.getElementById('status')!.textContent = 'done';
  },
  (error: unknown) => {
    (window as unknown as { benchResult: unknown }).benchResult = {
      error: String(error instanceof Error ? (error.stack ?? error) : error),
    };
  },
);
