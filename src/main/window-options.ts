// The windows' options, as data: Electron's security checklist in webPreferences, sizes and titles.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Isolated, sandboxed, no Node in the page: the UI reaches the host only through the preload's `api`. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'WattDesk',
    show: false,
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preload),
  };
}

export function simulatorWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 700,
    minWidth: 720,
    minHeight: 560,
    title: 'WattDesk simulator',
    show: false,
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preload),
  };
}

/** What closing the main window does: hide it to the tray (a setting), or close it, always when quitting. */
export function closeAction(o: {
  closeToTray: boolean;
  quitting: boolean;
  trayShown: boolean;
}): 'hide' | 'close' {
  return o.closeToTray && o.trayShown && !o.quitting ? 'hide' : 'close';
}
