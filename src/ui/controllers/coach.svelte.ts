import { compareReports, parseReport, type ReportProblemCode, type TraineeReport } from '../../core/report/report.ts';
import { readText } from '../files.ts';

/** A file the coach opened that is not a report: why, as an i18n code with its parameters. */
export interface Refusal {
  file: string;
  code: ReportProblemCode;
  params: Record<string, string>;
}

/**
 * Reports the coach opened, kept in memory only: they survive moving between screens but not a
 * reload, so trainees' data does not linger on a shared computer.
 */
const opened = $state<{ reports: { file: string; report: TraineeReport }[] }>({ reports: [] });

/** The coach view: trainees' report files side by side. */
export class CoachController {
  /** The files of the last pick that were not opened. */
  refusals = $state<Refusal[]>([]);

  get reports(): readonly { file: string; report: TraineeReport }[] {
    return opened.reports;
  }

  /** Decks side by side and the difficult words trainees share. */
  readonly compared = $derived(compareReports(opened.reports.map((r) => r.report)));

  async open(files: readonly File[]): Promise<void> {
    const refused: Refusal[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readText(file);
      } catch {
        refused.push({ file: file.name, code: 'corrupt', params: {} });
        continue;
      }
      const parsed = parseReport(text);
      if (parsed.ok) this.#add(file.name, parsed.report);
      else refused.push({ file: file.name, code: parsed.code, params: parsed.params });
    }
    this.refusals = refused;
  }

  close(index: number): void {
    opened.reports.splice(index, 1);
  }

  closeAll(): void {
    opened.reports = [];
  }

  #add(file: string, report: TraineeReport): void {
    // The same report opened twice replaces the earlier copy.
    const same = opened.reports.findIndex((r) => r.report.trainee === report.trainee && r.report.createdAt === report.createdAt);
    if (same >= 0) opened.reports[same] = { file, report };
    else opened.reports.push({ file, report });
  }
}
