import { dailyReminderFile } from '../../core/reminder/reminder.ts';
import { app, updateSetting } from '../app.svelte.ts';
import { downloadText } from '../files.ts';
import { t } from '../i18n.svelte.ts';

/** The daily reminder on Settings: the chosen time is a setting, the calendar file is made on the device. */
export class ReminderController {
  /** Set after a download, for the "open the file" hint. */
  downloaded = $state(false);

  get time(): string {
    return app.settings.reminderTime;
  }

  async setTime(value: string): Promise<void> {
    // An emptied or half-typed time field keeps the stored time (the schema refuses what is not HH:MM).
    if (value) await updateSetting('reminderTime', value);
  }

  /** `typed` is the field as it reads when the button is pressed (a change may not have been stored yet). */
  async download(typed: string): Promise<void> {
    await this.setTime(typed);
    const text = dailyReminderFile(app.settings.reminderTime, {
      title: t('settings.reminderTitle'),
      description: t('settings.reminderDescription'),
    });
    downloadText('vaktaal-reminder.ics', text, 'text/calendar;charset=utf-8');
    this.downloaded = true;
  }
}
