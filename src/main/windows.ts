// The windows: the main one (hidden to the tray on close, as the settings say) and, on demand, the
// simulator's. Both load routes of the one UI and share the preload bridge.
import { BrowserWindow } from 'electron';
import type { ApiEventName, ApiEvents } from '../shared/contracts/api';
import { MAIN_ROUTE, pageUrl, SIMULATOR_ROUTE } from './pages';
import { closeAction, mainWindowOptions, simulatorWindowOptions } from './window-options';

export interface WindowsDeps {
  preload: string;
  icon: string;
  devServerUrl: string | null;
  closeToTray(): boolean;
  trayShown(): boolean;
  quitting(): boolean;
}

export class DesktopWindows {
  private main: BrowserWindow | null = null;
  private simulator: BrowserWindow | null = null;

  constructor(private readonly d: WindowsDeps) {}

  /** Shows the main window, opening `route` in it when given (a notification's device chart). */
  showMain(route?: string): void {
    const existing = this.main;
    if (existing && !existing.isDestroyed()) {
      if (route) existing.webContents.send('navigate', { path: route } satisfies ApiEvents['navigate']);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = this.open(mainWindowOptions(this.d.preload, this.d.icon), route ?? MAIN_ROUTE);
    window.on('close', (event) => {
      const action = closeAction({
        closeToTray: this.d.closeToTray(),
        trayShown: this.d.trayShown(),
        quitting: this.d.quitting(),
      });
      if (action === 'hide') {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (this.main === window) this.main = null;
    });
    this.main = window;
  }

  showSimulator(): void {
    const existing = this.simulator;
    if (existing && !existing.isDestroyed()) {
      existing.show();
      existing.focus();
      return;
    }
    const window = this.open(simulatorWindowOptions(this.d.preload, this.d.icon), SIMULATOR_ROUTE);
    window.on('closed', () => {
      if (this.simulator === window) this.simulator = null;
    });
    this.simulator = window;
  }

  /** Sends a pushed event to every window. */
  broadcast<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    for (const window of [this.main, this.simulator])
      if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  }

  closeAll(): void {
    for (const window of [this.simulator, this.main]) if (window && !window.isDestroyed()) window.destroy();
    this.main = null;
    this.simulator = null;
  }

  private open(options: Electron.BrowserWindowConstructorOptions, route: string): BrowserWindow {
    const window = new BrowserWindow(options);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(pageUrl(route, this.d.devServerUrl));
    return window;
  }
}
