import type { ChosenDeckFields, ConvertedCheck, ConvertProgress, FieldMap, QuizletOptions } from '../core/convert/index.ts';
import type { ConvertRequest, ConvertResponse, MappedView, SourceView, WireConvertError } from './convert.worker.ts';

/** A conversion that did not finish: the converter's error as the worker sent it. */
export class ConversionFailed extends Error {
  constructor(readonly error: WireConvertError) {
    super(error.message);
    this.name = 'ConversionFailed';
  }
}

type Pending = { resolve: (response: ConvertResponse) => void; reject: (error: Error) => void };

/**
 * The page's side of the converter worker (convert.worker.ts), one per picked file. Each step is
 * a promise; progress arrives through `onProgress`; `cancel()` aborts the running step in the
 * worker (its promise rejects with the converter's 'cancelled').
 */
export class ConvertClient {
  private worker = new Worker(new URL('./convert.worker.ts', import.meta.url), { type: 'module' });
  private pending: Pending | undefined;

  constructor(private onProgress: (progress: ConvertProgress) => void) {
    this.worker.onmessage = (event: MessageEvent<ConvertResponse>) => {
      const m = event.data;
      if (m.type === 'progress') return this.onProgress(m.progress);
      const pending = this.pending;
      this.pending = undefined;
      if (!pending) return;
      if (m.type === 'failed') pending.reject(new ConversionFailed(m.error));
      else pending.resolve(m);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(new Error(event.message || 'converter worker failed'));
    };
  }

  private ask(request: ConvertRequest, transfer: Transferable[] = []): Promise<ConvertResponse> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request, transfer);
    });
  }

  /** Reads the file (its bytes move to the worker): note types with sample notes and their default mapping. */
  async read(bytes: ArrayBuffer, fileName: string): Promise<SourceView> {
    const m = await this.ask({ type: 'read', bytes, fileName }, [bytes]);
    if (m.type !== 'source') throw new Error(`unexpected ${m.type}`);
    return m.view;
  }

  /** Reads the same text file again, as an Anki text export or as a Quizlet export with these separators. */
  async reread(fileName: string, format: 'anki-text' | 'quizlet', quizlet: QuizletOptions): Promise<SourceView> {
    const m = await this.ask({ type: 'read', fileName, format, quizlet });
    if (m.type !== 'source') throw new Error(`unexpected ${m.type}`);
    return m.view;
  }

  /** Applies a mapping per note type to what was read. */
  async map(noteTypeMaps: ReadonlyMap<string, FieldMap>): Promise<MappedView> {
    const m = await this.ask({ type: 'map', noteTypeMaps });
    if (m.type !== 'mapped') throw new Error(`unexpected ${m.type}`);
    return m.view;
  }

  /** The mapped decks, with the fields chosen for them, through the deck validator; with their recordings. */
  async check(chosen: ReadonlyMap<string, ChosenDeckFields>): Promise<ConvertedCheck> {
    const m = await this.ask({ type: 'check', chosen });
    if (m.type !== 'checked') throw new Error(`unexpected ${m.type}`);
    return m.check;
  }

  cancel(): void {
    this.worker.postMessage({ type: 'cancel' } satisfies ConvertRequest);
  }

  dispose(): void {
    this.worker.terminate();
    this.pending?.reject(new ConversionFailed({ code: 'cancelled', message: 'the conversion was cancelled', params: {}, skipped: [] }));
    this.pending = undefined;
  }
}
