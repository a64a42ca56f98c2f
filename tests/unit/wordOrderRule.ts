/**
 * The rules of Dutch word order that an order item's tiles must follow, for the test that checks
 * every order item lists all the orders a Flemish reader accepts (orderRule.test.ts). A test aid,
 * not app code: each tile gets its role by hand (reviewed with the item), and the rules then say
 * which orders of the tiles are right. What the rules get wrong is kept in a reviewed list beside
 * the roles, each case with its reason.
 *
 * The rules (ANS, "woordvolgorde"):
 * - main clause: the finite verb (fin) second, after exactly one part (subject, object, adverb,
 *   adverbial phrase, or a whole subordinate clause); in a question and a conditional clause
 *   ("Hebt u nog vragen, …") the finite verb comes first;
 * - the subject right after the finite verb when it is not first; weak pronouns (u, me, het, ons)
 *   right after the subject, or after the finite verb when the subject is first;
 * - the middle: a definite object before "niet" and before a prepositional complement, a sentence
 *   adverb before "niet", an indefinite object after the adverbs; predicate, particle, participle
 *   and infinitive together at the end, in that order; a prepositional phrase may follow them;
 * - subordinate clause: the conjunction first, then the subject (a sentence adverb may come before
 *   a subject that is no pronoun), all verbs at the end (a participle before or after the finite
 *   verb, an infinitive after it), a prepositional phrase may follow them;
 * - a subordinate clause comes before or after its main clause, never inside it (a relative
 *   clause right after its noun); before it, it needs the comma its last tile carries; a comma
 *   only ends a clause, never the sentence.
 */
import { normalizeSentence } from '../../src/core/drills/check.ts';

/** fin finite verb; subj subject; pron weak pronoun object; obj definite object; indef indefinite
 * object; adv sentence or time adverb; madv adverb of the verb (goed, langer); neg niet/nog niet;
 * pp adverbial phrase; ppc prepositional complement (naar iedereen, in uw team); pred predicate;
 * part participle; inf infinitive; prt particle of a separable verb; sub conjunction or relative
 * pronoun; conj coordinating conjunction; res "dan" after a conditional clause. */
export const ROLES = [
  'fin',
  'subj',
  'pron',
  'obj',
  'indef',
  'adv',
  'madv',
  'neg',
  'pp',
  'ppc',
  'pred',
  'part',
  'inf',
  'prt',
  'sub',
  'conj',
  'res',
] as const;
export type Role = (typeof ROLES)[number];

/** sub: adverbial or object clause; rel: relative clause after tile `ante`; cond: conditional clause
 * with the verb first, before the main clause; coord: main clause after en/want/maar. */
export type ClauseKind = 'main' | 'sub' | 'rel' | 'cond' | 'coord';

export interface ClauseSpec {
  kind: Exclude<ClauseKind, 'main'>;
  /** For a relative clause: the index of the tile it follows. */
  ante?: number;
}

export interface OrderFrame {
  tiles: readonly string[];
  /** One per tile: `role` (main clause) or `role.clause`. */
  roles: string;
  clauses?: Record<string, ClauseSpec>;
  /** The main clause is a question (finite verb first). */
  question?: boolean;
}

interface Tile {
  text: string;
  role: Role;
  clause: string;
}

const P1: ReadonlySet<Role> = new Set(['subj', 'obj', 'adv', 'pp', 'ppc', 'res']);
const MIDDLE: ReadonlySet<Role> = new Set(['obj', 'indef', 'adv', 'madv', 'neg']);
const PREVERB: ReadonlySet<Role> = new Set(['pred', 'prt']);
const VERB: ReadonlySet<Role> = new Set(['fin', 'part', 'inf']);
const END: ReadonlySet<Role> = new Set(['pred', 'prt', 'part', 'inf']);
const FLOAT: ReadonlySet<Role> = new Set(['pp', 'ppc']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['ik', 'je', 'jij', 'u', 'hij', 'zij', 'ze', 'we', 'wij', 'jullie', 'men', 'het']);

function parseFrame(frame: OrderFrame): { tiles: Tile[]; clauses: Map<string, ClauseSpec> } {
  const parts = frame.roles.trim().split(/\s+/);
  if (parts.length !== frame.tiles.length)
    throw new Error(`${parts.length} roles for ${frame.tiles.length} tiles: ${frame.tiles.join(' | ')}`);
  const clauses = new Map<string, ClauseSpec>(Object.entries(frame.clauses ?? {}));
  const tiles = parts.map((p, i) => {
    const [role, clause = 'main'] = p.split('.');
    if (!(ROLES as readonly string[]).includes(role!)) throw new Error(`unknown role "${role}" for tile "${frame.tiles[i]}"`);
    if (clause !== 'main' && !clauses.has(clause)) throw new Error(`clause "${clause}" of tile "${frame.tiles[i]}" is not described`);
    return { text: frame.tiles[i]!, role: role as Role, clause };
  });
  return { tiles, clauses };
}

/** Whether `roles` (in this order) respect the middle field: objects, adverbs, negation. */
function middleOk(roles: readonly Role[]): boolean {
  const first = (r: Role) => roles.indexOf(r);
  const last = (r: Role) => roles.lastIndexOf(r);
  const neg = first('neg');
  if (neg >= 0 && (last('obj') > neg || last('adv') > neg)) return false;
  // A prepositional complement inside the middle field comes after a definite object.
  const endAt = roles.findIndex((r) => END.has(r) || VERB.has(r));
  const middleEnd = endAt < 0 ? roles.length : endAt;
  for (let i = 0; i < middleEnd; i++) if (roles[i] === 'ppc' && roles.slice(i + 1, middleEnd).includes('obj')) return false;
  const indef = first('indef');
  if (indef >= 0 && roles.slice(indef + 1).some((r) => r === 'adv' || r === 'madv' || r === 'neg')) return false;
  return true;
}

/** After the finite verb, subject and pronouns of a main clause: middle, end group, phrases after it. */
function mainTailOk(roles: readonly Role[]): boolean {
  if (roles.some((r) => !MIDDLE.has(r) && !END.has(r) && !FLOAT.has(r))) return false;
  const ends = roles.flatMap((r, i) => (END.has(r) ? [i] : []));
  if (ends.length) {
    const [a, b] = [ends[0]!, ends[ends.length - 1]!];
    if (b - a + 1 !== ends.length) return false; // the end group stays together
    if (roles.slice(b + 1).some((r) => MIDDLE.has(r))) return false;
    const group = roles.slice(a, b + 1);
    const verbAt = group.findIndex((r) => VERB.has(r));
    if (verbAt >= 0 && group.slice(verbAt).some((r) => PREVERB.has(r))) return false;
  }
  return middleOk(roles);
}

function v2Ok(roles: readonly Role[], frontedClause: boolean): boolean {
  let k = 0;
  const hasRes = roles.includes('res');
  if (!frontedClause) {
    if (!P1.has(roles[0]!) || (hasRes && roles[0] !== 'res')) return false;
    k = 1;
  } else if (hasRes) return false;
  if (roles[k] !== 'fin') return false;
  k++;
  if (roles.includes('subj') && !(k === 2 && roles[0] === 'subj')) {
    if (roles[k] !== 'subj') return false;
    k++;
  }
  while (roles[k] === 'pron') k++;
  return mainTailOk(roles.slice(k));
}

function v1Ok(roles: readonly Role[]): boolean {
  if (roles[0] !== 'fin') return false;
  let k = 1;
  if (roles.includes('subj')) {
    if (roles[k] !== 'subj') return false;
    k++;
  }
  while (roles[k] === 'pron') k++;
  return mainTailOk(roles.slice(k));
}

function verbFinalOk(tiles: readonly Tile[]): boolean {
  const roles = tiles.map((t) => t.role);
  if (roles[0] !== 'sub') return false;
  let k = 1;
  const subj = tiles.find((t) => t.role === 'subj');
  if (subj) {
    // A sentence adverb may stand before a subject that is no pronoun: "omdat vandaag het loket …".
    if (!SUBJECT_PRONOUNS.has(subj.text.toLowerCase())) while (roles[k] === 'adv') k++;
    if (roles[k] !== 'subj') return false;
    k++;
  }
  while (roles[k] === 'pron') k++;
  const rest = roles.slice(k);
  if (rest.some((r) => r === 'subj' || r === 'pron' || r === 'sub' || r === 'conj' || r === 'res')) return false;
  const verbs = rest.flatMap((r, i) => (VERB.has(r) ? [i] : []));
  if (!verbs.length) return false;
  const [a, b] = [verbs[0]!, verbs[verbs.length - 1]!];
  if (b - a + 1 !== verbs.length) return false; // the verbs stay together
  const cluster = rest.slice(a, b + 1);
  const fin = cluster.indexOf('fin');
  if (fin < 0 || cluster.slice(0, fin).includes('inf')) return false; // zullen duren, not duren zullen
  if (rest.slice(b + 1).some((r) => !FLOAT.has(r))) return false;
  // Predicate and particle right before the verbs; before them only the middle field.
  const before = rest.slice(0, a);
  let p = before.length;
  while (p > 0 && PREVERB.has(before[p - 1]!)) p--;
  if (before.slice(0, p).some((r) => !MIDDLE.has(r) && !FLOAT.has(r))) return false;
  return middleOk(before);
}

function clauseOk(kind: ClauseKind, tiles: readonly Tile[], opts: { question: boolean; fronted: boolean }): boolean {
  const roles = tiles.map((t) => t.role);
  switch (kind) {
    case 'main':
      return opts.question ? v1Ok(roles) : v2Ok(roles, opts.fronted);
    case 'cond':
      return v1Ok(roles);
    case 'coord':
      if (roles[0] !== 'conj') return false;
      // Without its own subject ("en stuurt het terug") the verb comes right after the conjunction.
      return roles.includes('subj') ? v2Ok(roles.slice(1), false) : v1Ok(roles.slice(1));
    case 'sub':
    case 'rel':
      return verbFinalOk(tiles);
  }
}

/** A checker for one item: is this order of tile indices right by the rules? */
export function orderRule(frame: OrderFrame): (order: readonly number[]) => boolean {
  const { tiles, clauses } = parseFrame(frame);
  const kindOf = (c: string): ClauseKind => (c === 'main' ? 'main' : clauses.get(c)!.kind);
  return (order) => {
    const seq = order.map((i) => tiles[i]!);
    // Relative clauses: together, right after their noun; then set aside.
    let outer = [...order];
    for (const [name, spec] of clauses) {
      if (spec.kind !== 'rel') continue;
      const at = order.flatMap((t, p) => (tiles[t]!.clause === name ? [p] : []));
      const ante = order.indexOf(spec.ante ?? -1);
      if (ante < 0 || at[0] !== ante + 1 || at[at.length - 1]! - at[0]! + 1 !== at.length) return false;
      outer = outer.filter((t) => tiles[t]!.clause !== name);
    }
    // Commas end a clause (the next tile belongs to another one) and never the sentence.
    for (let p = 0; p < seq.length; p++) {
      if (!seq[p]!.text.trimEnd().endsWith(',')) continue;
      if (p === seq.length - 1 || seq[p + 1]!.clause === seq[p]!.clause) return false;
    }
    // The other clauses: one block each, before or after the main clause.
    const blocks: string[] = [];
    for (const t of outer) if (blocks[blocks.length - 1] !== tiles[t]!.clause) blocks.push(tiles[t]!.clause);
    if (new Set(blocks).size !== blocks.length) return false;
    const main = blocks.indexOf('main');
    if (main > 1) return false;
    const front = main === 1 ? blocks[0]! : undefined;
    if (front !== undefined) {
      const kind = kindOf(front);
      if (kind !== 'sub' && kind !== 'cond') return false;
      const lastOfFront = outer.filter((t) => tiles[t]!.clause === front).pop()!;
      if (!tiles[lastOfFront]!.text.trimEnd().endsWith(',')) return false;
    }
    for (const b of blocks.slice(main + 1)) if (kindOf(b) !== 'sub' && kindOf(b) !== 'coord') return false;
    for (const c of ['main', ...clauses.keys()]) {
      const own = seq.filter((t) => t.clause === c);
      if (!clauseOk(kindOf(c), own, { question: frame.question ?? false, fronted: front !== undefined && kindOf(front) === 'sub' }))
        return false;
    }
    return true;
  };
}

/** Every sentence the tiles can make that the rules accept (as normalizeSentence writes them). */
export function ruledOrders(frame: OrderFrame): Set<string> {
  const ok = orderRule(frame);
  const { tiles, clauses } = parseFrame(frame);
  const n = tiles.length;
  const out = new Set<string>();
  const used = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  // Pruning only: a clause left for another is done (except the main clause around a relative
  // clause), and a comma tile ends its clause. orderRule still judges every full order.
  const walk = (closed: ReadonlySet<string>) => {
    if (order.length === n) {
      if (ok(order)) out.add(sentenceOf(frame.tiles, order));
      return;
    }
    const prev = order.length ? tiles[order[order.length - 1]!]! : undefined;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const tile = tiles[i]!;
      let next = closed;
      if (prev && prev.clause !== tile.clause) {
        if (closed.has(tile.clause)) continue;
        if (clauses.get(tile.clause)?.kind !== 'rel') next = new Set([...closed, prev.clause]);
      } else if (prev?.text.trimEnd().endsWith(',')) continue;
      used[i] = true;
      order.push(i);
      walk(next);
      order.pop();
      used[i] = false;
    }
  };
  walk(new Set());
  return out;
}

export function sentenceOf(tiles: readonly string[], order: readonly number[]): string {
  return normalizeSentence(order.map((i) => tiles[i]).join(' '));
}
