import { dayStart, nextDayStart } from './day.ts';
import { FsrsState, type ReviewItem } from './types.ts';
import { FIRST_KIND, type ExerciseKind } from '../exercises/kinds.ts';
import { familyOf, type FamilyActivity } from '../progress/activity.ts';

/**
 * What the queue needs from storage. Every method is an indexed range read whose cost depends on
 * what it returns, not on how many items or log rows exist (see db/progressStore.ts).
 */
export interface QueueSource {
  /** Active, already-seen items of a deck with due <= until, oldest due first. */
  dueItems(deckId: string, until: number, limit: number): Promise<ReviewItem[]>;
  /** Active new items of a deck in introduction order, at most one per card, skipping the given card keys and items not accepted. */
  newItems(deckId: string, limit: number, skipCardKeys: ReadonlySet<string>, accept: (item: ReviewItem) => boolean): Promise<ReviewItem[]>;
  /** What was answered since a moment, in this queue's family (words or drills; progress/activity.ts). */
  activitySince(since: number): Promise<FamilyActivity>;
}

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Kinds the trainee has switched on; all when absent. */
  kinds?: readonly ExerciseKind[];
  /** Whether a speech voice is available (listen items without a recording need one). */
  voice?: boolean;
}

/**
 * Whether the trainee can be given an item at all: its kind is switched on, and a listen item
 * without a recording has a voice. (The queue and the words' progress both ask.)
 */
export function isOffered(item: Pick<ReviewItem, 'kind' | 'needsVoice'>, limits: Pick<QueueLimits, 'kinds' | 'voice'>): boolean {
  return (!limits.kinds || (limits.kinds as readonly string[]).includes(item.kind)) && (limits.voice !== false || !item.needsVoice);
}

/** Learning steps are minutes apart; like Anki, show a learning item up to 20 minutes early. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export interface TodayQueue {
  /** Items to practise now, in order: due reviews first, then new. */
  items: ReviewItem[];
  dueCount: number;
  /** New items: new words plus new ways of practising words already met. */
  newCount: number;
  /** Words met for the first time (a card's first kind): what "new words per day" limits. */
  newWords: number;
  /** Other kinds of words already met, introduced for the first time. */
  newKinds: number;
  /** Learning items due later today (after a learning step), not yet shown. */
  laterToday: number;
  /** Reviews done and new items introduced so far today. */
  doneToday: number;
  newIntroducedToday: number;
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/**
 * The same items in an order where, as far as the items allow, no two in a row are of the same
 * kind: a session alternates recognising, choosing and typing instead of a block of each. Among the
 * kinds that may come next (not the last one, and not one that would leave the rest impossible to
 * alternate), the item that was earliest in the given order goes first, so the order's priorities
 * (learning first, oldest due first, introduction order) hold within each kind.
 */
export function spreadKinds<T extends Pick<ReviewItem, 'kind'>>(items: readonly T[], previous?: string): T[] {
  const byKind = new Map<string, { item: T; at: number }[]>();
  items.forEach((item, at) => {
    const list = byKind.get(item.kind);
    if (list) list.push({ item, at });
    else byKind.set(item.kind, [{ item, at }]);
  });
  const taken = new Map<string, number>([...byKind.keys()].map((k) => [k, 0]));
  const left = (kind: string) => byKind.get(kind)!.length - taken.get(kind)!;
  // After taking one of `kind`, can the rest still alternate? The kind just taken cannot start it.
  const feasibleAfter = (kind: string, rest: number) =>
    [...byKind.keys()].every((k) => {
      const count = left(k) - (k === kind ? 1 : 0);
      return count <= (k === kind ? Math.floor(rest / 2) : Math.ceil(rest / 2));
    });
  const out: T[] = [];
  let last = previous;
  while (out.length < items.length) {
    const rest = items.length - out.length - 1;
    // The earliest feasible kind; when none is (one kind outnumbers the rest), the most numerous,
    // which keeps same-kind neighbours to the fewest any order can have.
    let best: string | undefined;
    let bestKey: [number, number, number] = [0, 0, 0];
    for (const kind of byKind.keys()) {
      const head = byKind.get(kind)![taken.get(kind)!];
      if (!head || kind === last) continue;
      const key: [number, number, number] = feasibleAfter(kind, rest) ? [2, 0, -head.at] : [1, left(kind), -head.at];
      if (
        best === undefined ||
        key[0] > bestKey[0] ||
        (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))
      ) {
        best = kind;
        bestKey = key;
      }
    }
    // Only the last kind is left: items of one kind in a row cannot be helped.
    const kind = best ?? last!;
    out.push(byKind.get(kind)![taken.get(kind)!]!.item);
    taken.set(kind, taken.get(kind)! + 1);
    last = kind;
  }
  return out;
}

/**
 * Today's session for the chosen decks.
 * Rules: due items first (learning before review, then by due date), then new items up to the
 * daily new limit minus what was introduced today, each part with its kinds spread (spreadKinds). Siblings are buried: a card with any kind
 * reviewed today, or already in this queue, contributes nothing more today.
 */
export async function buildTodayQueue(
  source: QueueSource,
  deckIds: readonly string[],
  now: number,
  limits: QueueLimits,
): Promise<TodayQueue> {
  const today = dayStart(now);
  const tomorrow = nextDayStart(now);
  const done = await source.activitySince(today);
  const buried = new Set(done.cardKeys);

  const reviewBudget = Math.max(0, limits.reviewsPerDay - done.exercises);
  const isLaterToday = (item: ReviewItem) =>
    (item.fsrs.state === FsrsState.Learning || item.fsrs.state === FsrsState.Relearning) && (item.due ?? 0) > now + LEARN_AHEAD_MS;
  const offered = (item: ReviewItem) => isOffered(item, limits);
  const usable = (item: ReviewItem) => offered(item) && !buried.has(item.cardKey) && !isLaterToday(item);

  // Read only about as many due rows as the budget needs: a share per deck first, and more from
  // the decks that had more only when the shares did not fill the budget.
  const share = Math.ceil(reviewBudget / Math.max(1, deckIds.length)) + 10;
  const dueLists = reviewBudget ? await Promise.all(deckIds.map((d) => source.dueItems(d, tomorrow - 1, share))) : [];
  if (dueLists.flat().filter(usable).length < reviewBudget) {
    await Promise.all(
      deckIds.map(async (d, i) => {
        if (dueLists[i]!.length === share) dueLists[i] = await source.dueItems(d, tomorrow - 1, reviewBudget + 50);
      }),
    );
  }
  const due: ReviewItem[] = [];
  let laterToday = 0;
  const all = dueLists.flat().sort((a, b) => {
    const learningA = a.fsrs.state === FsrsState.Review ? 1 : 0;
    const learningB = b.fsrs.state === FsrsState.Review ? 1 : 0;
    return learningA - learningB || (a.due ?? 0) - (b.due ?? 0);
  });
  const queued = new Set<string>();
  for (const item of all) {
    // A card answered today buries its siblings, not itself: an item still being learned (after
    // "Again") comes back in a later session the same day, e.g. after a reload mid-session.
    const sibling = buried.has(item.cardKey) && !done.itemIds.has(item.id);
    if (!offered(item) || sibling || queued.has(item.cardKey)) continue;
    if (isLaterToday(item)) {
      laterToday++;
      continue;
    }
    if (due.length >= reviewBudget) break;
    buried.add(item.cardKey);
    queued.add(item.cardKey);
    due.push(item);
  }

  // "New words per day" means words: a card met for the first time (its first kind). New ways of
  // practising a word already met (its other kinds) have a budget of their own, of the same size,
  // so a day never fills up with only one of the two.
  const wordBudget = Math.max(0, limits.newPerDay - done.newWords);
  const kindBudget = Math.max(0, limits.newPerDay - (done.introduced - done.newWords));
  const newBudget = wordBudget + kindBudget;
  // Same idea for new items: a share per deck, then more only from decks that had more.
  const newShare = Math.ceil(newBudget / Math.max(1, deckIds.length)) + 2;
  const newLists = newBudget ? await Promise.all(deckIds.map((d) => source.newItems(d, newShare, buried, offered))) : [];
  if (newLists.flat().length < newBudget) {
    await Promise.all(
      deckIds.map(async (d, i) => {
        if (newLists[i]!.length === newShare) newLists[i] = await source.newItems(d, newBudget, buried, offered);
      }),
    );
  }
  const fresh: ReviewItem[] = [];
  let newWords = 0;
  let newKinds = 0;
  for (const item of interleave(newLists)) {
    if (newWords >= wordBudget && newKinds >= kindBudget) break;
    if (buried.has(item.cardKey)) continue;
    // A drill item has no other kinds: each one counts like a new word.
    const isNewWord = item.kind === FIRST_KIND || familyOf(item.deckId) === 'drills';
    if (isNewWord ? newWords >= wordBudget : newKinds >= kindBudget) continue;
    buried.add(item.cardKey);
    fresh.push(item);
    if (isNewWord) newWords++;
    else newKinds++;
  }

  const dueMixed = spreadKinds(due);
  return {
    items: [...dueMixed, ...spreadKinds(fresh, dueMixed.at(-1)?.kind)],
    dueCount: due.length,
    newCount: fresh.length,
    newWords,
    newKinds,
    laterToday,
    doneToday: done.exercises,
    newIntroducedToday: done.introduced,
  };
}
