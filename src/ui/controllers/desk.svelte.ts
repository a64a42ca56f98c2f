/**
 * The writing desk: one draft being written (from a prompt, or free; kept safe by the DraftEditor)
 * with live checks that explain themselves: spelling (Hunspell in a worker), dt, register and
 * klare taal.
 */
import type { DraftRow } from '../../core/db/drafts.ts';
import { wordCount } from '../../core/drills/check.ts';
import { byPosition, type CheckKind, type Finding } from '../../core/writing/findings.ts';
import {
  checkText,
  createDtLexicon,
  readStadhuistaalList,
  STADHUISTAAL_ASSET,
  stadhuistaalMatcher,
  type DtLexicon,
  type DtLexiconData,
  type StadhuistaalMatcher,
} from '../../core/writing/index.ts';
import { fetchJson } from '../fetchJson.ts';
import { jargonMatcher, type JargonEntry, type JargonMatcher } from '../../core/writing/klareTaal.ts';
import { segments } from '../../core/writing/segments.ts';
import { knownWords } from '../../core/writing/spelling.ts';
import { app } from '../app.svelte.ts';
import { navigate, routeParam } from '../router.svelte.ts';
import { loadDrills, promptById } from '../writing/drillData.svelte.ts';
import { SpellClient } from '../writing/spellClient.ts';
import { DraftEditor } from './draftEditor.svelte.ts';

const CHECK_DELAY = 250;
const SPELL_DELAY = 400;
/** The screen-reader summary waits until typing pauses, so it does not talk over every key. */
const SUMMARY_DELAY = 1200;

/** The checks in the order the desk lists them, with their i18n names. */
export const CHECK_GROUPS: readonly { check: CheckKind; key: string }[] = [
  { check: 'spelling', key: 'desk.check.spelling' },
  { check: 'dt', key: 'desk.check.dt' },
  { check: 'register', key: 'desk.check.register' },
  { check: 'klareTaal', key: 'desk.check.klareTaal' },
];

/** The desk screen: the draft editor, the checks' state, and what the trainee does with a finding. */
export class DeskController {
  readonly editor = new DraftEditor();
  /** Findings of the checks that run on the page (dt, register, klare taal), for the current text. */
  local = $state<Finding[]>([]);
  /** The worker's spelling findings, with the text they are about (they may lag behind the typing). */
  spell = $state<{ text: string; findings: Finding[] }>({ text: '', findings: [] });
  spellState = $state<'loading' | 'ready' | 'failed'>('loading');
  /** How many findings each check has, once typing pauses (for the screen-reader summary); undefined before the first. */
  announced = $state<{ key: string; count: number }[] | undefined>();

  readonly draft = $derived(this.editor.draft);
  readonly text = $derived(this.editor.draft?.text ?? '');
  readonly prompt = $derived(this.draft?.promptId ? promptById(this.draft.promptId) : undefined);
  readonly kind = $derived(this.prompt?.kind ?? this.draft?.kind ?? 'email');
  readonly register = $derived(this.prompt?.register ?? this.draft?.register ?? 'u');
  readonly words = $derived(wordCount(this.text));
  readonly findings = $derived([...(this.spell.text === this.text ? this.spell.findings : []), ...this.local].sort(byPosition));
  /** The findings per check, in CHECK_GROUPS order; checks without findings are left out. */
  readonly groups = $derived(
    CHECK_GROUPS.map((g) => ({ ...g, findings: this.findings.filter((f) => f.check === g.check) })).filter((g) => g.findings.length),
  );
  /** The text with its findings marked, for the preview. */
  readonly segments = $derived(segments(this.text, this.findings));

  #jargon: JargonMatcher;
  /** The dt check's verb forms (dict/nl-dt.json, precached); until they arrive only the auxiliaries are checked. */
  #lexicon: DtLexicon | undefined;
  /** The built-in stadhuistaal list (precached JSON, fetched when the desk opens); until it arrives only deck jargon is flagged. */
  #stadhuistaal: StadhuistaalMatcher | undefined;
  #known: Set<string>;
  #client: SpellClient | undefined;
  #closed = false;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #spellTimer: ReturnType<typeof setTimeout> | undefined;
  #summaryTimer: ReturnType<typeof setTimeout> | undefined;
  #onPageHide = () => this.editor.flush();
  #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.editor.flush();
  };

  constructor() {
    // Every deck card with a plain alternative is jargon to flag; every deck word is a known word.
    const cards = app.decks.flatMap((d) => d.cards.map((card) => ({ card, deck: d.title })));
    this.#jargon = jargonMatcher(
      cards
        .filter(({ card }) => card.plain)
        .map(({ card, deck }): JargonEntry => ({ term: card.term, plain: card.plain!, noun: !!card.article, source: deck })),
    );
    this.#known = knownWords(cards.flatMap(({ card }) => [card.term, ...(card.plain ? [card.plain] : []), ...card.alternatives]));
  }

  /** Opens the draft the address names (`?draft=`, `?prompt=`), then starts the checks. Saves when the page is hidden. */
  async open(now = Date.now()): Promise<void> {
    await loadDrills().catch((e: unknown) => console.error(e));
    const draft = await this.editor.open(routeParam('draft'), routeParam('prompt'), now);
    if (this.#closed) return; // the trainee left while it loaded
    // The address names the draft (and its prompt), so a reload or a bookmark reopens it.
    const params = new URLSearchParams({ draft: draft.id, ...(draft.promptId ? { prompt: draft.promptId } : {}) });
    navigate(`/write/desk?${params.toString()}`, { replace: true });
    addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#runChecks();
    this.#startSpelling();
    void this.#loadLexicon();
    void this.#loadStadhuistaal();
  }

  async #loadStadhuistaal(): Promise<void> {
    try {
      this.#stadhuistaal = stadhuistaalMatcher(readStadhuistaalList(await fetchJson<unknown>(STADHUISTAAL_ASSET)));
      if (!this.#closed) this.#runChecks();
    } catch (error) {
      console.warn('stadhuistaal list not loaded', error);
    }
  }

  async #loadLexicon(): Promise<void> {
    try {
      this.#lexicon = createDtLexicon(await fetchJson<DtLexiconData>('dict/nl-dt.json'));
      if (!this.#closed) this.#runChecks();
    } catch (error) {
      // The checks still run, on the auxiliaries only; say so in the console for whoever debugs.
      console.warn('dt lexicon not loaded', error);
    }
  }

  /** The screen goes: what is unsaved is saved, the worker stops. */
  close(): void {
    this.#closed = true;
    this.editor.flush();
    removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#checkTimer);
    clearTimeout(this.#spellTimer);
    clearTimeout(this.#summaryTimer);
    this.#client?.dispose();
    this.#client = undefined;
  }

  /** The trainee typed: save and check a moment later. */
  input(text: string): void {
    this.editor.change({ text });
    this.#checkSoon();
  }

  /** Takes a suggestion; returns where the caret goes, or undefined when the text changed since (a stale finding). */
  apply(f: Finding, replacement: string): number | undefined {
    const text = this.text;
    if (text.slice(f.start, f.end) !== f.text) return undefined;
    this.input(text.slice(0, f.start) + replacement + text.slice(f.end));
    this.#runChecks();
    return f.start + replacement.length;
  }

  /** The spelling check accepts this word in this draft from now on. */
  ignore(f: Finding): void {
    const word = f.text.toLowerCase();
    this.editor.change({ ignored: [...new Set([...(this.draft?.ignored ?? []), word])] });
    this.spell = { text: this.spell.text, findings: this.spell.findings.filter((x) => x.text.toLowerCase() !== word) };
    this.#checkSoon();
  }

  /** A free text's kind or register (a prompt sets its own). */
  setOptions(options: Pick<DraftRow, 'kind'> | Pick<DraftRow, 'register'>): void {
    this.editor.change(options);
    this.#checkSoon();
    this.#runChecks();
  }

  #checkSoon(): void {
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => this.#runChecks(), CHECK_DELAY);
    clearTimeout(this.#spellTimer);
    this.#spellTimer = setTimeout(() => void this.#runSpelling(), SPELL_DELAY);
  }

  #runChecks(): void {
    this.local = checkText(this.text, {
      kind: this.kind,
      register: this.register,
      jargon: this.#jargon,
      ...(this.#lexicon ? { lexicon: this.#lexicon } : {}),
      ...(this.#stadhuistaal ? { stadhuistaal: this.#stadhuistaal } : {}),
    });
    this.#announce();
  }

  #startSpelling(): void {
    let client: SpellClient;
    try {
      client = this.#client = new SpellClient(this.#known);
    } catch (e) {
      console.error(e);
      this.spellState = 'failed';
      return;
    }
    client.onUpdate = (updated) => {
      this.spell = { text: this.spell.text, findings: updated };
    };
    client.ready.then(
      () => {
        this.spellState = 'ready';
        void this.#runSpelling();
      },
      (e: unknown) => {
        console.warn('spelling unavailable', e);
        this.spellState = 'failed';
      },
    );
  }

  async #runSpelling(): Promise<void> {
    if (!this.#client || this.spellState !== 'ready') return;
    const checked = this.text;
    try {
      const result = await this.#client.check(checked, this.draft?.ignored ?? []);
      if (!result) return; // a newer check is on its way
      this.spell = { text: checked, findings: result };
      this.#announce();
    } catch (e) {
      console.error(e);
      this.spellState = 'failed';
    }
  }

  #announce(): void {
    clearTimeout(this.#summaryTimer);
    this.#summaryTimer = setTimeout(() => {
      this.announced = this.groups.map((g) => ({ key: g.key, count: g.findings.length }));
    }, SUMMARY_DELAY);
  }
}
