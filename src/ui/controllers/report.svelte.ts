import { reportFileName, type TraineeReport } from '../../core/report/report.ts';
import { app, updateSetting } from '../app.svelte.ts';
import { downloadText } from '../files.ts';
import { services } from '../services.ts';
import { drills, loadDrills } from '../writing/drillData.svelte.ts';

/** The coach report screen: the report of this device, named as the trainee types it. */
export class ReportController {
  report = $state<TraineeReport | undefined>();

  async build(now = Date.now()): Promise<void> {
    // The drills' titles come with the drill sets; a report without them still lists the decks.
    await loadDrills().catch((e: unknown) => console.error(e));
    const service = await services().report();
    this.report = await service.collect({
      trainee: app.settings.traineeName,
      decks: app.decks,
      drillSets: drills.sets,
      selected: app.settings.selectedDecks,
      now,
    });
  }

  /** Stores the name and builds the report again under it (the stored value: trimmed, at most 80 characters). */
  async setName(name: string): Promise<void> {
    await updateSetting('traineeName', name);
    await this.build();
  }

  /**
   * Downloads the report under the name in the field right now: pressing the button straight after
   * typing must not give an unnamed report because the field's change event has not run yet.
   */
  async download(nameInField: string): Promise<string> {
    if (nameInField.trim() !== app.settings.traineeName || !this.report) await this.setName(nameInField);
    const report = this.report!;
    const file = reportFileName(report);
    downloadText(file, JSON.stringify(report, null, 2));
    return file;
  }
}
