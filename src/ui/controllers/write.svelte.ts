import { DRILL_TOPICS } from '../../core/drills/drillSchema.ts';
import type { DraftRow } from '../../core/db/drafts.ts';
import { navigate } from '../router.svelte.ts';
import { drills, loadDrills, refreshDrillStats } from '../writing/drillData.svelte.ts';
import { localJournal } from '../writing/journal.ts';
import { drafts } from './drafts.svelte.ts';
import { practiseDrills } from './drillSession.svelte.ts';

/** The Write screen: drill sets (scheduled like cards) by topic, writing prompts, and the trainee's drafts. */
export class WriteController {
  failed = $state(false);
  drafts = $state<DraftRow[]>([]);
  /** The topics that have sets, in the topics' order. */
  readonly topics = $derived(DRILL_TOPICS.filter((topic) => drills.sets.some((s) => s.topic === topic)));

  async load(): Promise<void> {
    try {
      // A draft typed before a crash is merged back first, so the list shows it.
      await drafts.recover(localJournal);
      this.drafts = await drafts.list();
      await loadDrills();
      await refreshDrillStats();
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }

  setsOf(topic: string) {
    return drills.sets.filter((s) => s.topic === topic);
  }

  /** A session of one set's drills, or of every set's. */
  practise(setId?: string): void {
    practiseDrills(setId);
  }

  /** Opens the desk on a prompt, a stored draft, or a new free text. */
  openDesk(params: { prompt: string } | { draft: string } | { new: '1' }): void {
    navigate(`/write/desk?${new URLSearchParams(params).toString()}`);
  }

  async remove(id: string): Promise<void> {
    await drafts.remove(id);
    this.drafts = this.drafts.filter((d) => d.id !== id);
  }
}
