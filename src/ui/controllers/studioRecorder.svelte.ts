/**
 * Recording a card's pronunciation in the studio (MediaRecorder): record, stop, play back,
 * record again. The bytes go to the draft's recordings through the editor; nothing leaves the device.
 */

/** Formats the recorder may produce, best first, with the file extension the deck format allows. */
const FORMATS: [mime: string, extension: string][] = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/webm', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/mp4', 'm4a'],
];

/** A recording longer than this stops by itself: a term, not a speech. */
export const MAX_RECORDING_MS = 15_000;

export interface Recorded {
  type: string;
  extension: string;
  bytes: Uint8Array;
}

export function recordingSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

export class RecorderController {
  state = $state<'idle' | 'starting' | 'recording' | 'failed'>('idle');
  /** i18n key of the last failure. */
  error = $state('');
  private recorder: MediaRecorder | undefined;
  private stream: MediaStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts recording; resolves with the recording once it is stopped (or undefined when it failed). */
  async start(): Promise<Recorded | undefined> {
    if (this.state === 'recording' || this.state === 'starting') return undefined;
    this.error = '';
    this.state = 'starting';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      console.warn('microphone unavailable', error);
      this.state = 'failed';
      this.error =
        error instanceof DOMException && error.name === 'NotAllowedError' ? 'studio.record.denied' : 'studio.record.noMicrophone';
      return undefined;
    }
    const format = FORMATS.find(([mime]) => MediaRecorder.isTypeSupported(mime));
    const recorder = new MediaRecorder(this.stream, format ? { mimeType: format[0] } : {});
    this.recorder = recorder;
    const chunks: Blob[] = [];
    const done = new Promise<Recorded | undefined>((resolve) => {
      recorder.ondataavailable = (event) => {
        if (event.data.size) chunks.push(event.data);
      };
      recorder.onstop = async () => {
        this.release();
        const type = (recorder.mimeType || format?.[0] || 'audio/webm').split(';')[0]!;
        const extension = FORMATS.find(([mime]) => mime.split(';')[0] === type)?.[1] ?? 'webm';
        const bytes = new Uint8Array(await new Blob(chunks, { type }).arrayBuffer());
        this.state = 'idle';
        resolve(bytes.length ? { type, extension, bytes } : undefined);
      };
      recorder.onerror = () => {
        this.release();
        this.state = 'failed';
        this.error = 'studio.record.failed';
        resolve(undefined);
      };
    });
    recorder.start();
    this.state = 'recording';
    this.timer = setTimeout(() => this.stop(), MAX_RECORDING_MS);
    return done;
  }

  stop(): void {
    clearTimeout(this.timer);
    if (this.recorder?.state === 'recording') this.recorder.stop();
  }

  private release(): void {
    clearTimeout(this.timer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    this.recorder = undefined;
  }

  dispose(): void {
    this.stop();
    this.release();
  }
}
