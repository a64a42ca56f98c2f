import { ConvertError } from './errors.ts';

export type ConvertPhase = 'unzip' | 'read' | 'map' | 'media';

export interface ConvertProgress {
  phase: ConvertPhase;
  /** Units done in this phase (notes, rows, files) and the total when known (0 = unknown). */
  done: number;
  total: number;
}

export interface RunOptions {
  onProgress?: (progress: ConvertProgress) => void;
  signal?: AbortSignal;
}

/** How long the converter works before it lets the event loop run (progress paints, an abort arrives). */
const SLICE_MS = 40;

/**
 * Progress and cancellation for one conversion. The work is synchronous in slices: between
 * slices it reports progress and yields a macrotask, so in a Web Worker the message that aborts
 * the signal can arrive, and a progress bar can move.
 */
export class Run {
  private lastYield = Date.now();

  constructor(private readonly options: RunOptions = {}) {}

  check(): void {
    if (this.options.signal?.aborted) throw new ConvertError('cancelled', 'the conversion was cancelled');
  }

  /** True when the current slice has run long enough: then `await pause()`. Cheap enough to ask per note. */
  due(): boolean {
    return Date.now() - this.lastYield >= SLICE_MS;
  }

  /** Reports progress and lets the event loop run; throws ConvertError('cancelled') when aborted meanwhile. */
  async pause(phase: ConvertPhase, done: number, total: number): Promise<void> {
    this.options.onProgress?.({ phase, done, total });
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.lastYield = Date.now();
    this.check();
  }

  /** Reports the start or end of a phase, always. */
  report(phase: ConvertPhase, done: number, total: number): void {
    this.options.onProgress?.({ phase, done, total });
    this.check();
  }
}
