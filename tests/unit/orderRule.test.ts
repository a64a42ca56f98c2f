import { describe, expect, it } from 'vitest';
import { compileDrillDir } from '../../src/build/contentFiles.ts';
import type { OrderItem } from '../../src/core/drills/drillModel.ts';
import { normalizeSentence, tileOrderFor } from '../../src/core/drills/check.ts';
import { orderRule, ruledOrders, type ClauseSpec, type OrderFrame } from './wordOrderRule.ts';

/**
 * Every order item lists every order a Flemish reader accepts, and nothing else (issue 12 §2):
 * the orders of its tiles that the rules of Dutch word order allow (wordOrderRule.ts) are exactly
 * its answer and alternatives. The roles of the tiles are reviewed here, per item; where the rules
 * allow an order a reader would not write (or the other way round), the reviewed lists say so,
 * with the reason. A new order item needs its line here (content/README.md §14).
 */
interface Review {
  /** One role per tile, in the item's tile order: `role` or `role.clause` (see wordOrderRule.ts). */
  roles: string;
  clauses?: Record<string, ClauseSpec>;
  /** Orders the rules allow but a reader rejects, with the reason. */
  reject?: Record<string, string>;
  /** Orders a reader accepts that the rules miss, with the reason. */
  accept?: Record<string, string>;
}

const REVIEWED = new Map<string, Review>([
  ['order-in-de-bijlage-vindt-u-het-ingevulde-formulier', { roles: 'pp fin subj obj' }],
  [
    'order-hebt-u-nog-vragen-dan-kunt-u-ons-bellen',
    { roles: 'fin.c subj.c adv.c indef.c res fin subj pron inf', clauses: { c: { kind: 'cond' } } },
  ],
  ['order-met-veel-interesse-las-ik-uw-vacature', { roles: 'pp fin subj obj' }],
  ['order-graag-stel-ik-me-kandidaat-voor-deze-functie', { roles: 'adv fin subj pron pred ppc' }],
  ['order-ik-denk-dat-ik-goed-in-uw-team-pas', { roles: 'subj fin sub.a subj.a madv.a ppc.a fin.a', clauses: { a: { kind: 'sub' } } }],
  ['order-morgen-stuur-ik-u-de-beslissing', { roles: 'adv fin subj pron obj' }],
  ['order-volgende-week-begint-de-nieuwe-collega', { roles: 'adv fin subj' }],
  ['order-vandaag-is-het-loket-vanaf-12-uur-gesloten', { roles: 'adv fin subj pp pred' }],
  ['order-daarom-hebben-we-uw-aanvraag-nog-niet-behandeld', { roles: 'adv fin subj obj neg part' }],
  [
    'order-na-de-vergadering-stuur-ik-het-verslag-naar-iedereen',
    {
      roles: 'pp fin subj obj ppc',
      reject: {
        'naar iedereen stuur ik na de vergadering het verslag':
          '„Naar iedereen” vooraan vraagt klemtoon (iedereen, niet alleen het team): geen gewone volgorde in een mail.',
        'naar iedereen stuur ik het verslag na de vergadering':
          '„Naar iedereen” vooraan vraagt klemtoon (iedereen, niet alleen het team): geen gewone volgorde in een mail.',
      },
    },
  ],
  ['order-ik-denk-dat-uw-aanvraag-volledig-is', { roles: 'subj fin sub.a subj.a pred.a fin.a', clauses: { a: { kind: 'sub' } } }],
  ['order-ik-kan-niet-komen-omdat-ik-ziek-ben', { roles: 'subj fin neg inf sub.a subj.a pred.a fin.a', clauses: { a: { kind: 'sub' } } }],
  ['order-ik-kan-niet-komen-want-ik-ben-ziek', { roles: 'subj fin neg inf conj.c subj.c fin.c pred.c', clauses: { c: { kind: 'coord' } } }],
  ['order-als-u-vragen-hebt-kunt-u-ons-bellen', { roles: 'sub.a subj.a indef.a fin.a fin subj pron inf', clauses: { a: { kind: 'sub' } } }],
  [
    'order-weet-u-of-de-bibliotheek-op-zondag-open-is',
    { roles: 'fin subj sub.a subj.a pp.a pred.a fin.a', clauses: { a: { kind: 'sub' } } },
  ],
  [
    'order-kunt-u-mij-zeggen-wanneer-de-vergadering-begint',
    { roles: 'fin subj pron inf sub.a subj.a fin.a', clauses: { a: { kind: 'sub' } } },
  ],
  [
    'order-u-vult-het-formulier-in-en-stuurt-het-terug',
    {
      roles: 'subj fin obj prt conj.c fin.c pron.c prt.c',
      clauses: { c: { kind: 'coord' } },
      reject: {
        'het formulier vult u in en stuurt het terug':
          'Zonder eigen onderwerp na „en” hoort het onderwerp vooraan in de eerste zin; zo leest „stuurt” als een fout.',
      },
    },
  ],
  ['order-ik-bel-u-zodra-ik-meer-weet', { roles: 'subj fin pron sub.a subj.a indef.a fin.a', clauses: { a: { kind: 'sub' } } }],
  [
    'order-omdat-het-loket-vandaag-gesloten-is-kunt-u-morgen',
    { roles: 'sub.a subj.a adv.a part.a fin.a fin subj adv inf', clauses: { a: { kind: 'sub' } } },
  ],
  [
    'order-ik-heb-gehoord-dat-de-werken-langer-zullen-duren',
    { roles: 'subj fin part sub.a subj.a madv.a fin.a inf.a', clauses: { a: { kind: 'sub' } } },
  ],
  [
    'order-het-formulier-dat-u-ingevuld-hebt-is-niet-volledig',
    { roles: 'subj sub.r subj.r part.r fin.r fin neg pred', clauses: { r: { kind: 'rel', ante: 0 } } },
  ],
]);

const { sets } = compileDrillDir('content');
const orderItems = sets.flatMap((s) => s.items.flatMap((item) => (item.kind === 'order' ? [{ set: s.id, item }] : [])));
const label = (x: { set: string; item: OrderItem }) => `${x.set}/${x.item.id} (line ${x.item.line})`;

function frameOf(item: OrderItem, review: Review): OrderFrame {
  return {
    tiles: item.tiles,
    roles: review.roles,
    ...(review.clauses ? { clauses: review.clauses } : {}),
    question: /\?\s*$/.test(item.answer),
  };
}

describe('the word-order rule', () => {
  const frame = (tiles: string[], roles: string, clauses?: Record<string, ClauseSpec>, question = false) => ({
    tiles,
    roles,
    ...(clauses ? { clauses } : {}),
    question,
  });
  const accepts = (f: OrderFrame, sentence: string) => orderRule(f)(tileOrderFor(f.tiles, sentence) ?? []);

  it('puts the finite verb second in a main clause, with the subject right after it when it is not first', () => {
    const f = frame(['morgen', 'stuur', 'ik', 'u', 'de beslissing'], 'adv fin subj pron obj');
    expect(accepts(f, 'Morgen stuur ik u de beslissing.')).toBe(true);
    expect(accepts(f, 'De beslissing stuur ik u morgen.')).toBe(true);
    expect(accepts(f, 'Morgen ik stuur u de beslissing.')).toBe(false);
    expect(accepts(f, 'Morgen stuur u ik de beslissing.')).toBe(false);
    expect(accepts(f, 'Ik stuur morgen u de beslissing.')).toBe(false); // a weak pronoun right after the subject
    expect(accepts(f, 'U stuur ik morgen de beslissing.')).toBe(false); // and never first
  });

  it('keeps the end group together and the definite object before niet', () => {
    const f = frame(['daarom', 'hebben', 'we', 'uw aanvraag', 'nog niet', 'behandeld'], 'adv fin subj obj neg part');
    expect(accepts(f, 'Uw aanvraag hebben we daarom nog niet behandeld.')).toBe(true);
    expect(accepts(f, 'Daarom hebben we nog niet uw aanvraag behandeld.')).toBe(false);
    expect(accepts(f, 'Daarom hebben we uw aanvraag behandeld nog niet.')).toBe(false);
    expect(accepts(f, 'Behandeld hebben we uw aanvraag daarom nog niet.')).toBe(false);
  });

  it('puts the verbs of a subordinate clause at its end, and the clause before or after the main clause (with its comma)', () => {
    const sub = { a: { kind: 'sub' as const } };
    const f = frame(['ik', 'kan', 'niet', 'komen', 'omdat', 'ik', 'ziek', 'ben'], 'subj fin neg inf sub.a subj.a pred.a fin.a', sub);
    expect(accepts(f, 'Ik kan niet komen omdat ik ziek ben.')).toBe(true);
    expect(accepts(f, 'Ik kan niet komen omdat ik ben ziek.')).toBe(false);
    expect(accepts(f, 'Ik kan omdat ik ziek ben niet komen.')).toBe(false);
    expect(accepts(f, 'Omdat ik ziek ben kan ik niet komen.')).toBe(false); // no comma tile for the front
    const g = frame(['omdat', 'ik', 'ziek', 'ben,', 'kan', 'ik', 'niet', 'komen'], 'sub.a subj.a pred.a fin.a fin subj neg inf', sub);
    expect(accepts(g, 'Omdat ik ziek ben, kan ik niet komen.')).toBe(true);
    expect(accepts(g, 'Omdat ik ziek ben, ik kan niet komen.')).toBe(false);
    const verbs = frame(
      ['dat', 'de werken', 'langer', 'zullen', 'duren', 'ik', 'heb', 'gehoord'],
      'sub.a subj.a madv.a fin.a inf.a subj fin part',
      sub,
    );
    expect(ruledOrders(verbs)).toEqual(new Set(['ik heb gehoord dat de werken langer zullen duren']));
  });

  it('gives every order a reader accepts, so an item that forgets one fails (issue 12: e-mail:27)', () => {
    const f = frame(['in de bijlage', 'vindt', 'u', 'het ingevulde formulier'], 'pp fin subj obj');
    expect([...ruledOrders(f)].sort()).toEqual([
      'het ingevulde formulier vindt u in de bijlage',
      'in de bijlage vindt u het ingevulde formulier',
      'u vindt het ingevulde formulier in de bijlage',
      'u vindt in de bijlage het ingevulde formulier',
    ]);
  });

  it('knows questions and relative clauses', () => {
    const q = frame(['weet', 'u', 'of', 'hij', 'morgen', 'komt'], 'fin subj sub.a subj.a adv.a fin.a', { a: { kind: 'sub' } }, true);
    expect(ruledOrders(q)).toEqual(new Set(['weet u of hij morgen komt']));
    const r = frame(
      ['het formulier', 'dat', 'u', 'ingevuld', 'hebt,', 'is', 'niet', 'volledig'],
      'subj sub.r subj.r part.r fin.r fin neg pred',
      { r: { kind: 'rel', ante: 0 } },
    );
    expect(ruledOrders(r)).toEqual(new Set(['het formulier dat u ingevuld hebt, is niet volledig']));
  });
});

describe('the order items in content/', () => {
  it('have reviewed roles, one per tile', () => {
    const missing = orderItems.filter((x) => !REVIEWED.has(x.item.id)).map(label);
    expect(missing, 'add the roles of these order items to REVIEWED in tests/unit/orderRule.test.ts').toEqual([]);
    const stale = [...REVIEWED.keys()].filter((id) => !orderItems.some((x) => x.item.id === id));
    expect(stale, 'reviewed order items that no longer exist').toEqual([]);
  });

  for (const x of orderItems) {
    const review = REVIEWED.get(x.item.id);
    if (!review) continue;
    it(`${label(x)}: lists exactly the orders the word-order rules accept`, () => {
      const ruled = ruledOrders(frameOf(x.item, review));
      const reject = new Map(Object.entries(review.reject ?? {}).map(([s, why]) => [normalizeSentence(s), why]));
      const accept = new Map(Object.entries(review.accept ?? {}).map(([s, why]) => [normalizeSentence(s), why]));
      // The reviewed lists stay true to the rules: a reject the rules no longer produce, or an accept they already give, is stale.
      for (const s of reject.keys()) expect(ruled.has(s), `reviewed reject "${s}" is not an order the rules give`).toBe(true);
      for (const s of accept.keys()) expect(ruled.has(s), `reviewed accept "${s}" is one the rules give already`).toBe(false);
      const expected = new Set([...[...ruled].filter((s) => !reject.has(s)), ...accept.keys()]);
      const listed = new Set([x.item.answer, ...x.item.alternatives].map(normalizeSentence));
      const missing = [...expected].filter((s) => !listed.has(s));
      const wrong = [...listed].filter((s) => !expected.has(s));
      expect(
        { missing, wrong },
        `add the missing orders as alternatives; a listed order that breaks the rules needs a reviewed accept`,
      ).toEqual({ missing: [], wrong: [] });
    });
  }
});
