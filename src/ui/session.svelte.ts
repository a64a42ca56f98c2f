/**
 * A practice session on screen — words or drills alike. The core StudyRun owns the queue and
 * saving; this controller mirrors what the screen shows as state after every step, so the
 * session bar and the "left" count follow each answer.
 */
import { StudyRun, type RecordAnswer, type SaveFailure, type SessionActions, type SessionStats } from '../core/srs/session.ts';
import type { Rating } from '../core/srs/scheduler.ts';
import type { ReviewItem, StoredFsrs } from '../core/srs/types.ts';

/** What a session needs from the practice service: saving an answer, and when each grade brings an item back. */
export interface SessionPractice extends SessionActions {
  answer: RecordAnswer;
  previewDue(fsrs: StoredFsrs, now?: number): Record<Rating, number>;
}

export class SessionController {
  #run: StudyRun | undefined;
  #practice: SessionPractice | undefined;
  current = $state<ReviewItem | undefined>();
  /** Increments on every answer so an item shown twice in a row gets a fresh component. */
  turn = $state(0);
  started = $state(false);
  finished = $state(false);
  saving = $state(false);
  /** i18n key of the last save failure, '' when none. */
  error = $state('');
  percent = $state(0);
  remaining = $state(0);
  stats = $state<SessionStats>({ answered: 0, correct: 0, introduced: 0, newWords: 0, finished: 0, known: 0 });
  startedAt = $state(Date.now());
  /** Whether the last answer can be taken back (the toast and Ctrl+Z offer it). */
  canUndo = $state(false);
  /** Whether "I know this word" is offered for the exercise on screen. */
  canSetAside = $state(false);
  /** What the undo toast offers to take back: the last answer, or a word set aside. */
  lastStep = $state<'answer' | 'known'>('answer');
  /** Increments on every answer: the undo toast shows for a few seconds after each. */
  answeredTurn = $state(0);
  /** Today's goal and streak when the session began (undefined: not shown). */
  goalAtStart = $state<{ today: number; goal: number; streak: number } | undefined>();
  /** i18n key of what happened to the last undo ('' before any). */
  undoNote = $state('');

  #onFinished: (() => void) | undefined;

  /** `onFinished` runs once, when the last exercise of a session with answers is done. */
  start(items: readonly ReviewItem[], practice: SessionPractice, now = Date.now(), onFinished?: () => void): void {
    this.#practice = practice;
    this.#onFinished = onFinished;
    this.#run = new StudyRun(items, practice.answer, now, practice);
    this.startedAt = now;
    this.started = true;
    this.#show();
  }

  async grade(rating: Rating, typed?: string): Promise<void> {
    await this.#step('answer', (run) => run.grade(rating, typed));
  }

  /** "I know this word": the word is not introduced, now or later; undo brings it back. */
  async setAside(): Promise<void> {
    if (this.#run?.canSetAside) await this.#step('known', (run) => run.setAside());
  }

  /** A step forward that the undo toast can take back; a storage failure shows and nothing moves. */
  async #step(kind: 'answer' | 'known', save: (run: StudyRun) => Promise<SaveFailure | undefined>): Promise<void> {
    const run = this.#run;
    if (!run || this.saving) return;
    this.saving = true;
    this.error = '';
    const failure = await save(run);
    this.saving = false;
    if (failure) {
      this.error = failure === 'quota' ? 'errors.quota' : 'errors.save';
      return;
    }
    this.turn++;
    this.answeredTurn++;
    this.lastStep = kind;
    this.undoNote = '';
    this.#show();
  }

  /** Takes the last answer back: the same exercise again, nothing of it left in the log. */
  async undo(): Promise<void> {
    const run = this.#run;
    if (!run || this.saving || !run.canUndo) return;
    this.saving = true;
    this.error = '';
    const failure = await run.undo();
    this.saving = false;
    if (failure === 'quota' || failure === 'save') this.error = failure === 'quota' ? 'errors.quota' : 'errors.save';
    else if (failure) this.undoNote = 'practice.undoChanged';
    else this.undoNote = 'practice.undoDone';
    this.turn++;
    this.#show();
  }

  /** When each grade would bring the current item back, for the labels under the grade buttons. */
  dueByGrade(now = Date.now()): Record<Rating, number> | undefined {
    return this.current && this.#practice ? this.#practice.previewDue(this.current.fsrs, now) : undefined;
  }

  #show(): void {
    const session = this.#run!.session;
    this.current = session.current;
    this.remaining = session.remaining;
    this.percent = Math.round(session.progress * 100);
    this.stats = { ...session.stats };
    this.finished = !session.current;
    this.canUndo = this.#run!.canUndo;
    this.canSetAside = this.#run!.canSetAside;
    if (this.finished && this.stats.answered > 0 && this.#onFinished) {
      const done = this.#onFinished;
      this.#onFinished = undefined;
      done();
    }
  }
}
