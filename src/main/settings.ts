// The desktop settings in userData/settings.json: loaded at start, saved on change, start at login applied,
// and a restart offered when the services, broker or zone changed (they are read once, at start).
import { join } from 'node:path';
import { app, dialog } from 'electron';
import type { Settings } from '../shared/contracts/settings';
import type { Logger } from '../services/log/logger';
import { loadSettingsFile, needsRestart, saveSettingsFile } from './settings-store';

export const SETTINGS_FILE = 'settings.json';

export class DesktopSettings {
  private current: Settings;
  /** What the running services were started with. */
  private readonly started: Settings;

  constructor(
    private readonly file: string,
    defaults: Settings,
    private readonly log: Logger,
  ) {
    const loaded = loadSettingsFile(file, defaults);
    for (const problem of loaded.problems) log.warn({ file, problem }, 'settings: fell back to a default');
    if (loaded.rewrite) saveSettingsFile(file, loaded.settings);
    this.current = loaded.settings;
    this.started = loaded.settings;
  }

  static inUserData(defaults: Settings, log: Logger): DesktopSettings {
    return new DesktopSettings(join(app.getPath('userData'), SETTINGS_FILE), defaults, log);
  }

  get(): Settings {
    return this.current;
  }

  /** Saves the settings (already validated at the IPC edge) and applies what applies at once. */
  set(next: Settings): Settings {
    saveSettingsFile(this.file, next);
    const before = this.current;
    this.current = next;
    if (before.start_at_login !== next.start_at_login) this.applyLoginItem();
    if (needsRestart(this.started, next) && !needsRestart(this.started, before)) void this.offerRestart();
    return next;
  }

  /** Start at login, hidden in the tray. Electron supports it on macOS and Windows only. */
  applyLoginItem(): void {
    if (process.platform !== 'darwin' && process.platform !== 'win32') return;
    app.setLoginItemSettings({ openAtLogin: this.current.start_at_login, args: ['--hidden'] });
  }

  private async offerRestart(): Promise<void> {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      message: 'Restart WattDesk to use the new settings?',
      detail: 'The services, the message broker and the site time zone are set up when WattDesk starts.',
    });
    if (response !== 0) return;
    this.log.info('restarting for new settings');
    app.relaunch();
    app.quit();
  }
}
