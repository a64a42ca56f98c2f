import type { TraineeReport } from '../core/report/report.ts';

/**
 * Reports the coach opened, kept in memory only: they survive moving between screens but not a
 * reload, so trainees' data does not linger on a shared computer.
 */
export const coach = $state<{ reports: { file: string; report: TraineeReport }[] }>({ reports: [] });

export function addReport(file: string, report: TraineeReport): void {
  // The same report opened twice replaces the earlier copy.
  const same = coach.reports.findIndex((r) => r.report.trainee === report.trainee && r.report.createdAt === report.createdAt);
  if (same >= 0) coach.reports[same] = { file, report };
  else coach.reports.push({ file, report });
}

export function closeReport(index: number): void {
  coach.reports.splice(index, 1);
}

export function closeAll(): void {
  coach.reports = [];
}
