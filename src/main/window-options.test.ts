import { describe, expect, it } from 'vitest';
import {
  closeAction,
  mainWindowOptions,
  secureWebPreferences,
  simulatorWindowOptions,
} from './window-options';

describe('window options', () => {
  it('isolate and sandbox every window, with no Node in the page and only our preload', () => {
    for (const options of [
      mainWindowOptions('/app/preload.cjs'),
      simulatorWindowOptions('/app/preload.cjs'),
    ]) {
      expect(options.webPreferences).toMatchObject({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
      expect(options.show).toBe(false);
    }
    expect(Object.keys(secureWebPreferences('p'))).not.toContain('enableRemoteModule');
  });

  it('keep the main window at a size the screens are laid out for', () => {
    expect(mainWindowOptions('p')).toMatchObject({ minWidth: 1024, minHeight: 700, title: 'WattDesk' });
    expect(mainWindowOptions('p', '/icon.png').icon).toBe('/icon.png');
  });

  it('hide the main window to the tray on close when the setting says so, and never while quitting', () => {
    expect(closeAction({ closeToTray: true, trayShown: true, quitting: false })).toBe('hide');
    expect(closeAction({ closeToTray: false, trayShown: true, quitting: false })).toBe('close');
    expect(closeAction({ closeToTray: true, trayShown: true, quitting: true })).toBe('close');
    // Without a tray there would be no way back to a hidden window.
    expect(closeAction({ closeToTray: true, trayShown: false, quitting: false })).toBe('close');
  });
});
