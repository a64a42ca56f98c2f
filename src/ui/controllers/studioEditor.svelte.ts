/**
 * The studio's editor: one draft deck, its cards, undo and redo, the live checks (validator and
 * content QA in this thread, Hunspell in the desk's worker, the noun list fetched when it opens),
 * saving as she types (IndexedDB, debounced, plus a synchronous journal for a closed tab),
 * recordings, the preview, and what the deck becomes: practised here, exported, printed.
 */
import { cardIdOf } from '../../core/content/slug.ts';
import type { Card } from '../../core/content/model.ts';
import { DECK_PACKAGE_MIME } from '../../core/content/deckPackage.ts';
import { slugify } from '../../core/content/slug.ts';
import type { StudioDraftRow } from '../../core/db/database.ts';
import type { PracticeService } from '../../core/services/practice.ts';
import type { CsvExportProblem } from '../../core/content/serialize.ts';
import type { StudioService } from '../../core/services/studio.ts';
import { newFsrs } from '../../core/srs/newItemState.ts';
import {
  DeckChecker,
  DECK_KEY,
  deckSpellingFields,
  spellingFields,
  type SpellFinding,
  type StudioProblem,
} from '../../core/studio/checker.ts';
import {
  copyCard,
  draftCardFromInput,
  draftCardToInput,
  draftFromInput,
  draftToInput,
  emptyCard,
  isBlankCard,
  uniqueId,
  type CardFieldPath,
  type DeckTextField,
  type DraftCard,
  type DraftDeck,
} from '../../core/studio/draft.ts';
import type { LocatedProblem } from '../../core/studio/fileCheck.ts';
import { cardEdit, EditHistory, type Edit } from '../../core/studio/history.ts';
import type { CardInput } from '../../core/content/schema.ts';
import type { Finding } from '../../core/writing/findings.ts';
import { knownWords } from '../../core/writing/spelling.ts';
import { app, isBuiltInDeck, reloadData } from '../app.svelte.ts';
import { downloadBytes, downloadText } from '../files.ts';
import { previewRecording } from '../recordings.ts';
import { services } from '../services.ts';
import { studioJournal } from '../studio/journal.ts';
import { loadAllowedWords, loadArticleReference } from '../studio/qaLists.ts';
import { SpellClient } from '../writing/spellClient.ts';
import type { Recorded } from './studioRecorder.svelte.ts';

const SAVE_DELAY = 800;
const JOURNAL_DELAY = 150;
const SPELL_DELAY = 300;
/** A new deck's id follows its title until the coach sets the id herself. */
const NEW_DECK_ID = /^nieuw-pakket(-\d+)?$/;

export type ActionOutcome =
  | { kind: 'installed'; title: string; count: number; replaced: boolean }
  | { kind: 'exported'; files: string[] }
  | { kind: 'refused'; action: 'install' | 'export'; problems: LocatedProblem[] }
  | { kind: 'csv-refused'; problems: CsvExportProblem[] }
  | { kind: 'failed' };

interface SpellSlot {
  key: string;
  field: string;
  text: string;
  check: string;
}

export class StudioEditorController {
  phase = $state<'loading' | 'ready' | 'missing'>('loading');
  draftId = $state('');
  deck = $state<DraftDeck>({ id: '', title: '', department: '', level: '', description: '', cards: [] });
  /** Index of the selected card. */
  selected = $state(0);
  /** Bumped whenever the checks changed: everything that shows them reads it. */
  revision = $state(0);
  saveStatus = $state<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  spellState = $state<'loading' | 'ready' | 'failed'>('loading');
  articleState = $state<'loading' | 'ready' | 'failed'>('loading');
  recordings = $state.raw<ReadonlySet<string>>(new Set());
  /** Bumped when a recording is made again (so its playback reloads). */
  recordingVersion = $state(0);
  canUndo = $state(false);
  canRedo = $state(false);
  busy = $state(false);
  outcome = $state.raw<ActionOutcome | undefined>();

  readonly current = $derived<DraftCard | undefined>(this.deck.cards[this.selected]);

  private service: StudioService | undefined;
  private checker = new DeckChecker({ otherDecks: [], builtInIds: new Set() });
  private history = new EditHistory();
  private row: Pick<StudioDraftRow, 'createdAt' | 'copiedFrom'> = { createdAt: 0 };
  private updatedAt = 0;
  private idFollowsTitle = false;
  private spell: SpellClient | undefined;
  private spellPending = new Map<string, SpellSlot>();
  private spellBusy = false;
  private lastSpell: { slots: (SpellSlot & { start: number })[] } | undefined;
  private practice: PracticeService | undefined;
  private urls = new Map<string, string>();
  private timers = {
    save: undefined as ReturnType<typeof setTimeout> | undefined,
    journal: undefined as ReturnType<typeof setTimeout> | undefined,
    spell: undefined as ReturnType<typeof setTimeout> | undefined,
  };
  private disposed = false;
  /** Each card as the draft row stores it, until the card changes: saving converts only what changed. */
  private inputs = new Map<string, CardInput>();
  private readonly cardInput = (card: DraftCard): CardInput => {
    let input = this.inputs.get(card.key);
    if (!input) this.inputs.set(card.key, (input = draftCardToInput(card)));
    return input;
  };

  private readonly onPageHide = () => this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  /** Opens a draft; `cardId` selects that card ("edit this card" from a practice session). */
  async open(draftId: string | undefined, cardId?: string): Promise<void> {
    const service = await services().studio();
    this.service = service;
    // A journal left by a closed tab goes back into IndexedDB first (never over a newer save).
    await service.recover(studioJournal).catch((e: unknown) => console.error(e));
    const row = draftId ? await service.get(draftId) : undefined;
    if (!row || this.disposed) {
      this.phase = 'missing';
      return;
    }
    this.draftId = row.id;
    this.row = { createdAt: row.createdAt, ...(row.copiedFrom ? { copiedFrom: row.copiedFrom } : {}) };
    this.updatedAt = row.updatedAt;
    const form = draftFromInput(row.deck);
    this.idFollowsTitle = !row.copiedFrom && !form.title.trim() && (!form.id || NEW_DECK_ID.test(form.id));
    const others = app.decks;
    this.checker = new DeckChecker({
      otherDecks: others,
      builtInIds: new Set(others.filter((d) => isBuiltInDeck(d.id)).map((d) => d.id)),
      importedIds: new Set(others.filter((d) => !isBuiltInDeck(d.id)).map((d) => d.id)),
    });
    this.recordings = new Set(await service.recordings.names(row.id));
    this.checker.setRecordings(this.recordings);
    this.checker.load(form);
    this.deck = form;
    if (cardId) {
      const at = form.cards.findIndex((c) => cardIdOf({ id: c.id.trim() || undefined, term: c.term }) === cardId);
      if (at >= 0) this.selected = at;
    }
    this.phase = 'ready';
    addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.startQa(form);
  }

  dispose(): void {
    this.disposed = true;
    this.flush();
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timers.spell);
    this.spell?.dispose();
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Live checks

  /** Spelling (Hunspell in the desk's worker) and the noun list: both load after the editor is usable. */
  private async startQa(form: DraftDeck): Promise<void> {
    void loadArticleReference().then(
      (reference) => {
        if (this.disposed) return;
        this.checker.setArticleReference(reference);
        this.articleState = 'ready';
        this.revision++;
      },
      (e: unknown) => {
        console.warn('noun list unavailable', e);
        this.articleState = 'failed';
      },
    );
    const allowed = await loadAllowedWords().catch(() => [] as string[]);
    if (this.disposed) return;
    // The app's own vocabulary is known: every deck's terms, plain alternatives and answers, and the reviewed allow-list.
    const known = knownWords([
      ...app.decks.flatMap((d) => d.cards.flatMap((c) => [c.term, ...(c.plain ? [c.plain] : []), ...c.alternatives])),
      ...allowed,
    ]);
    try {
      this.spell = new SpellClient(known);
    } catch (e) {
      console.warn('spelling unavailable', e);
      this.spellState = 'failed';
      return;
    }
    this.spell.onUpdate = (findings) => this.applySpelling(this.lastSpell?.slots ?? [], findings);
    try {
      await this.spell.ready;
    } catch (e) {
      console.warn('spelling unavailable', e);
      this.spellState = 'failed';
      return;
    }
    if (this.disposed) return;
    this.spellState = 'ready';
    this.queueDeckSpelling();
    for (const card of form.cards) this.queueSpelling(card);
    void this.runSpelling();
  }

  private queueSpelling(card: DraftCard): void {
    // Alternatives are numbered: a shorter list leaves slots that must go.
    for (const slot of [...this.spellPending.keys()]) if (slot.startsWith(`${card.key}\u0000alternatives.`)) this.spellPending.delete(slot);
    for (const f of spellingFields(card)) this.spellPending.set(`${card.key}\u0000${f.field}`, { key: card.key, ...f });
  }

  private queueDeckSpelling(): void {
    for (const f of deckSpellingFields(this.deck)) this.spellPending.set(`${DECK_KEY}\u0000${f.field}`, { key: DECK_KEY, ...f });
  }

  private scheduleSpelling(): void {
    clearTimeout(this.timers.spell);
    this.timers.spell = setTimeout(() => void this.runSpelling(), SPELL_DELAY);
  }

  /** One check at a time: all fields waiting go together as one text, one field per line. */
  private async runSpelling(): Promise<void> {
    if (this.spellBusy || !this.spell || this.spellState !== 'ready' || !this.spellPending.size) return;
    this.spellBusy = true;
    const slots: (SpellSlot & { start: number })[] = [];
    let text = '';
    for (const slot of this.spellPending.values()) {
      slots.push({ ...slot, start: text.length });
      text += `${slot.check.replace(/\n/g, ' ')}\n`;
    }
    this.spellPending.clear();
    try {
      const findings = await this.spell.check(text, []);
      this.lastSpell = { slots };
      if (findings) this.applySpelling(slots, findings);
      else
        for (const s of slots) if (!this.spellPending.has(`${s.key}\u0000${s.field}`)) this.spellPending.set(`${s.key}\u0000${s.field}`, s);
    } catch (e) {
      console.warn('spelling failed', e);
    } finally {
      this.spellBusy = false;
    }
    if (this.spellPending.size && !this.disposed) this.scheduleSpelling();
  }

  private applySpelling(slots: readonly (SpellSlot & { start: number })[], findings: readonly Finding[]): void {
    if (this.disposed) return;
    const byslot = new Map<number, SpellFinding[]>();
    const sorted = [...findings].sort((a, b) => a.start - b.start);
    let i = 0;
    for (const f of sorted) {
      while (i + 1 < slots.length && slots[i + 1]!.start <= f.start) i++;
      const slot = slots[i];
      if (!slot) continue;
      const list = byslot.get(i) ?? [];
      list.push({ code: f.code, word: f.text, start: f.start - slot.start, end: f.end - slot.start, suggestions: f.suggestions });
      byslot.set(i, list);
    }
    slots.forEach((slot, n) => this.checker.setSpelling(slot.key, slot.field, { text: slot.text, findings: byslot.get(n) ?? [] }));
    this.revision++;
  }

  problemsOf(key: string): StudioProblem[] {
    void this.revision;
    return this.checker.problemsOf(key);
  }

  deckProblems(): StudioProblem[] {
    void this.revision;
    return this.checker.deckProblems();
  }

  totals(): { errors: number; warnings: number } {
    void this.revision;
    return this.checker.totals();
  }

  allProblems(limit: number): { problems: StudioProblem[]; total: number } {
    void this.revision;
    return this.checker.allProblems(limit);
  }

  /** The card's number in the table (1-based). */
  numberOf(key: string): number {
    void this.revision;
    return this.checker.numberOf(key);
  }

  indexOf(key: string): number {
    return this.deck.cards.findIndex((c) => c.key === key);
  }

  // -------------------------------------------------------------------------------------------
  // Editing

  private cardByKey(key: string): DraftCard | undefined {
    return this.deck.cards.find((c) => c.key === key);
  }

  select(index: number): void {
    if (!this.deck.cards.length) {
      this.selected = 0;
      return;
    }
    this.selected = Math.max(0, Math.min(this.deck.cards.length - 1, index));
    this.history.seal();
  }

  /** She moved to another field: the next keystroke starts a new undo step. */
  sealHistory(): void {
    this.history.seal();
  }

  setField(key: string, field: CardFieldPath, value: string | string[] | boolean): void {
    const card = this.cardByKey(key);
    if (!card) return;
    this.history.do(this.deck, cardEdit(card, field, value), Date.now());
    this.cardChanged(card);
  }

  setDeckField(field: DeckTextField, value: string): void {
    const now = Date.now();
    this.history.do(this.deck, { kind: 'deck', field, before: this.deck[field], after: value }, now);
    if (field === 'id') this.idFollowsTitle = false;
    if (field === 'title' && this.idFollowsTitle) {
      const taken = new Set(app.decks.map((d) => d.id));
      const id = uniqueId(slugify(value) || 'nieuw-pakket', (candidate) => taken.has(candidate));
      if (id !== this.deck.id) this.history.do(this.deck, { kind: 'deck', field: 'id', before: this.deck.id, after: id }, now);
    }
    this.deckChanged();
  }

  /** A new empty card after the selected one (or at `index`); returns where it is. */
  addCard(index = this.deck.cards.length ? this.selected + 1 : 0): number {
    this.history.do(this.deck, { kind: 'insert', index, cards: [emptyCard()] }, Date.now());
    this.structureChanged([this.deck.cards[index]!]);
    this.select(index);
    return index;
  }

  /** A copy of a card right after it, as the start of a similar one (without its own id or recording). */
  duplicate(index = this.selected): void {
    const card = this.deck.cards[index];
    if (!card) return;
    const copy = { ...copyCard($state.snapshot(card)), id: '', audio: '' };
    this.history.do(this.deck, { kind: 'insert', index: index + 1, cards: [copy] }, Date.now());
    this.structureChanged([this.deck.cards[index + 1]!]);
    this.select(index + 1);
  }

  remove(index = this.selected): void {
    const card = this.deck.cards[index];
    if (!card) return;
    this.history.do(this.deck, { kind: 'remove', index, cards: [$state.snapshot(card)] }, Date.now());
    this.structureChanged([]);
    this.select(Math.min(index, this.deck.cards.length - 1));
  }

  /** Moves a card up (-1) or down (+1). */
  move(index: number, delta: number): void {
    const to = index + delta;
    if (to < 0 || to >= this.deck.cards.length || index < 0 || index >= this.deck.cards.length) return;
    this.history.do(this.deck, { kind: 'move', from: index, to }, Date.now());
    this.structureChanged([]);
    this.select(to);
  }

  /** Cards from a spreadsheet, after the selected card; a deck that is one empty card takes them instead of it. */
  addCards(cards: readonly CardInput[]): void {
    if (!cards.length) return;
    const rows = cards.map((c) => draftCardFromInput(c));
    const now = Date.now();
    const onlyBlank = this.deck.cards.length === 1 && isBlankCard(this.deck.cards[0]!);
    if (onlyBlank) this.history.do(this.deck, { kind: 'remove', index: 0, cards: [$state.snapshot(this.deck.cards[0]!)] }, now);
    const at = onlyBlank || !this.deck.cards.length ? 0 : this.selected + 1;
    this.history.do(this.deck, { kind: 'insert', index: at, cards: rows }, now);
    this.structureChanged(this.deck.cards.slice(at, at + rows.length));
    this.select(at);
  }

  undo(): void {
    this.applied(this.history.undo(this.deck));
  }

  redo(): void {
    this.applied(this.history.redo(this.deck));
  }

  private applied(edit: Edit | undefined): void {
    if (!edit) return;
    if (edit.kind === 'card') {
      const card = this.cardByKey(edit.key);
      if (card) {
        this.cardChanged(card);
        this.select(this.indexOf(card.key));
      }
    } else if (edit.kind === 'deck') this.deckChanged();
    else if (edit.kind === 'insert') {
      this.structureChanged(this.deck.cards.slice(edit.index, edit.index + edit.cards.length));
      this.select(edit.index);
    } else if (edit.kind === 'remove') {
      this.structureChanged([]);
      this.select(Math.min(edit.index, this.deck.cards.length - 1));
    } else {
      this.structureChanged([]);
      this.select(edit.to);
    }
  }

  private cardChanged(card: DraftCard): void {
    this.inputs.delete(card.key);
    this.checker.updateCard(card);
    this.queueSpelling(card);
    this.scheduleSpelling();
    this.changed();
  }

  private deckChanged(): void {
    this.checker.updateDeck(this.deck);
    this.queueDeckSpelling();
    this.scheduleSpelling();
    this.changed();
  }

  private structureChanged(added: readonly DraftCard[]): void {
    const keys = new Set(this.deck.cards.map((c) => c.key));
    for (const key of this.inputs.keys()) if (!keys.has(key)) this.inputs.delete(key);
    for (const card of added) {
      this.inputs.delete(card.key);
      this.checker.updateCard(card);
      this.queueSpelling(card);
    }
    this.checker.setOrder(this.deck.cards.map((c) => c.key));
    if (added.length) this.scheduleSpelling();
    this.changed();
  }

  /** Something changed: re-render the checks, journal soon, save a moment later. */
  private changed(): void {
    this.revision++;
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
    this.updatedAt = Math.max(Date.now(), this.updatedAt + 1);
    this.saveStatus = 'unsaved';
    this.outcome = undefined;
    clearTimeout(this.timers.journal);
    this.timers.journal = setTimeout(() => studioJournal.write(this.snapshotRow()), JOURNAL_DELAY);
    clearTimeout(this.timers.save);
    this.timers.save = setTimeout(() => void this.save(), SAVE_DELAY);
  }

  // -------------------------------------------------------------------------------------------
  // Saving

  /**
   * The draft as stored. Not a $state.snapshot of the whole deck: on a 1,000-card deck that took
   * tens of milliseconds on every journal write while she types; unchanged cards come from the cache.
   */
  private snapshotRow(): StudioDraftRow {
    return {
      id: this.draftId,
      deck: draftToInput(this.deck, this.cardInput) as unknown as Record<string, unknown>,
      ...this.row,
      updatedAt: this.updatedAt,
    };
  }

  /** Saves now (before an action, when the page is hidden). */
  async save(row?: StudioDraftRow): Promise<void> {
    clearTimeout(this.timers.save);
    if (!this.service || this.saveStatus === 'saved') return;
    row ??= this.snapshotRow();
    this.saveStatus = 'saving';
    try {
      await this.service.save(row);
      if (row.updatedAt === this.updatedAt) {
        this.saveStatus = 'saved';
        clearTimeout(this.timers.journal);
        const journal = studioJournal.read();
        if (journal && journal.id === row.id && journal.updatedAt <= row.updatedAt) studioJournal.clear(row.id);
      }
    } catch (e) {
      console.error(e);
      this.saveStatus = 'failed';
    }
  }

  /** The page may go away: the journal now (synchronous), IndexedDB as far as it gets. */
  flush(): void {
    if (this.phase !== 'ready' || this.saveStatus === 'saved') return;
    clearTimeout(this.timers.journal);
    const row = this.snapshotRow();
    studioJournal.write(row);
    void this.save(row);
  }

  // -------------------------------------------------------------------------------------------
  // Recordings

  /** Stores a recording for the card and names it in the card's audio field. */
  async keepRecording(key: string, recorded: Recorded): Promise<void> {
    const card = this.cardByKey(key);
    if (!card || !this.service) return;
    const current = card.audio.trim();
    const ext = recorded.extension;
    const usedByOthers = new Set(this.deck.cards.filter((c) => c.key !== key).map((c) => c.audio.trim()));
    // Re-recording keeps the card's name; a first recording is named after the card.
    const name =
      current.endsWith(`.${ext}`) && !usedByOthers.has(current)
        ? current
        : `${uniqueId(slugify(card.id || card.term) || 'opname', (candidate) => usedByOthers.has(`${candidate}.${ext}`))}.${ext}`;
    await this.service.recordings.put(this.draftId, { name, type: recorded.type, bytes: recorded.bytes });
    this.recordings = new Set([...this.recordings, name]);
    this.checker.setRecordings(this.recordings);
    this.forgetUrl(name);
    this.recordingVersion++;
    if (card.audio !== name) this.setField(key, 'audio', name);
    else this.revision++;
  }

  /** The card no longer names its recording (kept in the draft, so undo brings it back). */
  clearRecording(key: string): void {
    this.setField(key, 'audio', '');
  }

  /** A playable URL of one of the draft's recordings. */
  async recordingUrl(name: string): Promise<string | undefined> {
    const known = this.urls.get(name);
    if (known) return known;
    const recording = await this.service?.recordings.get(this.draftId, name);
    if (!recording) return undefined;
    const url = URL.createObjectURL(new Blob([recording.bytes.slice()], { type: recording.type }));
    this.urls.set(name, url);
    return url;
  }

  private forgetUrl(name: string): void {
    const url = this.urls.get(name);
    if (url) URL.revokeObjectURL(url);
    this.urls.delete(name);
  }

  // -------------------------------------------------------------------------------------------
  // Preview

  /** The card as compiled, when its fields are sound (the answer box tries answers against it). */
  compiledOf(key: string): Card | undefined {
    void this.revision;
    return this.checker.compiled(key);
  }

  /** Every sound card of the draft (multiple choice draws its options from them). */
  previewPool(): Card[] {
    void this.revision;
    return this.checker.compiledCards();
  }

  /** The card as the trainee would get it, when its fields are sound; it plays the draft's recording. */
  async previewCard(key: string): Promise<Card | undefined> {
    const card = this.checker.compiled(key);
    if (!card) return undefined;
    if (!card.audio) return card;
    const url = this.recordings.has(card.audio) ? await this.recordingUrl(card.audio) : undefined;
    if (!url) {
      const { audio: _audio, ...rest } = card;
      return rest;
    }
    const copy = { ...card };
    previewRecording(copy, url);
    return copy;
  }

  /** When each grade would bring a new card back (the labels under recognise's grade buttons). */
  async previewDue(): Promise<(now: number) => Record<1 | 2 | 3 | 4, number>> {
    this.practice ??= await services().practice();
    const practice = this.practice;
    return (now) => practice.previewDue(newFsrs(now), now);
  }

  // -------------------------------------------------------------------------------------------
  // Practise, export, print

  private async act(work: (service: StudioService) => Promise<ActionOutcome>): Promise<void> {
    if (!this.service || this.busy) return;
    this.busy = true;
    try {
      await this.save();
      this.outcome = await work(this.service);
    } catch (e) {
      console.error(e);
      this.outcome = { kind: 'failed' };
    } finally {
      this.busy = false;
    }
  }

  /** "Practise on this device": installed like an in-app import; the app's decks follow. */
  install(): Promise<void> {
    return this.act(async (service) => {
      const result = await service.install(this.draftId);
      if (!result.ok) return { kind: 'refused', action: 'install', problems: result.problems };
      await reloadData();
      return { kind: 'installed', title: result.deck.title, count: result.deck.cardCount, replaced: result.replaced };
    });
  }

  exportYaml(): Promise<void> {
    return this.act(async (service) => {
      const result = await service.exportYaml(this.draftId);
      if (!result.ok) return { kind: 'refused', action: 'export', problems: result.problems };
      downloadText(result.fileName, result.text, 'application/yaml');
      return { kind: 'exported', files: [result.fileName] };
    });
  }

  exportCsv(): Promise<void> {
    return this.act(async (service) => {
      const result = await service.exportCsv(this.draftId);
      if (!result.ok)
        return 'csvProblems' in result
          ? { kind: 'csv-refused', problems: result.csvProblems }
          : { kind: 'refused', action: 'export', problems: result.problems };
      downloadText(result.csv.fileName, result.csv.text, 'text/csv');
      downloadText(result.meta.fileName, result.meta.text, 'application/yaml');
      return { kind: 'exported', files: [result.csv.fileName, result.meta.fileName] };
    });
  }

  exportPackage(): Promise<void> {
    return this.act(async (service) => {
      const result = await service.exportPackage(this.draftId);
      if (!result.ok) return { kind: 'refused', action: 'export', problems: result.problems };
      downloadBytes(result.fileName, result.bytes, DECK_PACKAGE_MIME);
      return { kind: 'exported', files: [result.fileName] };
    });
  }

  /** The row key of the card at an index of the saved draft (for problems the file check found). */
  keyAt(index: number | undefined): string | undefined {
    return index === undefined ? undefined : this.deck.cards[index]?.key;
  }
}
