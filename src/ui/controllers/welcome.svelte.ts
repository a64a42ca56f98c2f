import { departmentsOf, welcomeDecks } from '../../core/settings/firstRun.ts';
import type { Settings } from '../../core/settings/settings.ts';
import { app, isBuiltInDeck, refreshToday } from '../app.svelte.ts';
import { isSupported, language, setLanguage, type LangCode } from '../i18n.svelte.ts';
import { navigate } from '../router.svelte.ts';
import { services } from '../services.ts';

/**
 * The first-run welcome: the trainee picks the UI language (shown at once) and their department;
 * that department's decks and the day-one deck are ticked, and Start goes straight to practice.
 * Skipping stores only that the welcome was seen.
 */
export class WelcomeController {
  /** The language the screen shows; starts as the browser's (what the app picked on startup). */
  lang = $state<LangCode>(language());
  /** Set once the trainee picked a language here (only then is it stored on skip). */
  langChosen = $state(false);
  department = $state('');
  busy = $state(false);

  readonly departments = $derived(departmentsOf(this.builtIn()));
  /** What Start will tick, in the decks' order on Today. */
  readonly ticked = $derived(welcomeDecks(this.builtIn(), this.department || undefined));
  readonly tickedTitles = $derived(this.ticked.map((id) => app.decks.find((d) => d.id === id)?.title ?? id));

  private builtIn() {
    return app.decks.filter((d) => isBuiltInDeck(d.id));
  }

  async chooseLanguage(code: string): Promise<void> {
    if (!isSupported(code)) return;
    this.lang = code;
    this.langChosen = true;
    await setLanguage(code);
  }

  /** Stores the choice and starts the first session. */
  async start(): Promise<void> {
    if (await this.finish({ lang: this.lang, selectedDecks: this.ticked })) navigate('/practice');
  }

  /** Not now: the app opens as it would without the welcome (the screen asked for, nothing ticked). */
  async skip(): Promise<void> {
    await this.finish(this.langChosen ? { lang: this.lang } : {});
  }

  /** False when a finish is already under way (a double tap). */
  private async finish(choice: { lang?: string; selectedDecks?: string[] }): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      const stored = await services().firstRun.complete(choice);
      app.settings = { ...app.settings, ...(stored as Partial<Settings>) };
      await refreshToday();
      app.firstRun = false;
      return true;
    } finally {
      this.busy = false;
    }
  }
}
