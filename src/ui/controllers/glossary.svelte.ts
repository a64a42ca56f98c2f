import { buildGlossary, searchGlossary, type GlossaryHit } from '../../core/glossary/glossary.ts';
import { app, deckById } from '../app.svelte.ts';
import { services } from '../services.ts';
import { practiseItems } from './practice.svelte.ts';

/** At most this many results are shown; the count says how many there are. */
const LIMIT = 50;

/** The glossary: every deck's words, searched as the trainee types. The query lives in the address (?q=). */
export class GlossaryController {
  query = $state(new URLSearchParams(location.search).get('q') ?? '');
  readonly index = $derived(buildGlossary(app.decks));
  readonly result = $derived(searchGlossary(this.index, this.query, LIMIT));
  readonly trimmed = $derived(this.query.trim());

  /** A search can be bookmarked or shared as a link: the address follows the query (without a new history entry). */
  search(query: string): void {
    this.query = query;
    const q = query.trim();
    history.replaceState(history.state, '', q ? `/words?q=${encodeURIComponent(q)}` : '/words');
  }

  /** A practice session of this one word: its exercise kinds, easy to hard (the session of chosen items, as for difficult words). */
  async practise(hit: GlossaryHit): Promise<void> {
    const deck = deckById(hit.deckId);
    if (!deck) return;
    const practice = await services().practice();
    practiseItems(practice.wordItemIds(deck, hit.card));
  }
}
