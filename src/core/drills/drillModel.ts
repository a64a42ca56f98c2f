import type { Level } from '../content/schema.ts';
import type { DrillKind, DrillTopic, PromptKind, Register } from './drillSchema.ts';
import type { FixError } from './fixText.ts';
import type { Variant } from './equivalents.ts';

/** Drill items as the app uses them, after validation: ids filled in, optional lists present. */
interface ItemBase {
  id: string;
  kind: DrillKind;
  /** Shown after answering. */
  explanation: string;
  /** 1-based line of the item in its source file, for messages. */
  line: number;
}

export interface GapItem extends ItemBase {
  kind: 'gap';
  /** The sentence with its gap written as ___ (three or more underscores). */
  sentence: string;
  hint?: string;
  answer: string;
  alternatives: string[];
}

export interface ChoiceItem extends ItemBase {
  kind: 'choice';
  question: string;
  sentence?: string;
  options: string[];
  answer: string;
}

export interface OrderItem extends ItemBase {
  kind: 'order';
  prompt?: string;
  /** As written in the file; the app shows them shuffled. */
  tiles: string[];
  answer: string;
  alternatives: string[];
}

export interface FixItem extends ItemBase {
  kind: 'fix';
  prompt?: string;
  /** The text with errors, as the trainee first sees it. */
  faulty: string;
  /** The corrected text. */
  correct: string;
  errors: FixError[];
  /** Places in the corrected text where an equivalent form may stand (content/drills/equivalents.yaml). */
  variants: Variant[];
}

export interface RewriteItem extends ItemBase {
  kind: 'rewrite';
  sentence: string;
  avoid: string[];
  include: string[];
  maxWords?: number;
  model: string;
}

export type DrillItem = GapItem | ChoiceItem | OrderItem | FixItem | RewriteItem;

export interface DrillSetMeta {
  id: string;
  title: string;
  topic: DrillTopic;
  level?: Level;
  description?: string;
  /** Source file, relative to the content folder. */
  source: string;
  itemCount: number;
  kinds: Partial<Record<DrillKind, number>>;
  /** Content hash: changes when any item changes, so the app knows to re-sync review items. */
  hash: string;
}

export interface DrillSet extends DrillSetMeta {
  items: DrillItem[];
}

/** A writing-desk task. */
export interface WritingPrompt {
  /** `<file id>/<prompt id>`: unique across files. */
  id: string;
  title: string;
  task: string;
  kind: PromptKind;
  register: Register;
  points: string[];
  level?: Level;
  line: number;
}

export interface PromptSet {
  id: string;
  title: string;
  source: string;
  prompts: WritingPrompt[];
}

/** What the build emits as drills/index.json. */
export interface DrillIndex {
  sets: DrillSetMeta[];
  prompts: PromptSet[];
}

/** Review items of drills live beside the cards' items under this deck id prefix. */
export const DRILL_DECK_PREFIX = 'drill:';
export const drillDeckId = (setId: string) => `${DRILL_DECK_PREFIX}${setId}`;
export const isDrillDeck = (deckId: string) => deckId.startsWith(DRILL_DECK_PREFIX);
export const drillSetIdOf = (deckId: string) => deckId.slice(DRILL_DECK_PREFIX.length);
