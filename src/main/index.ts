// Electron main process: the composition root of the desktop app. Read config and settings, build the parts,
// start them; on quit, stop them in reverse order. Each part lives in a file of its own.
import { join } from 'node:path';
import { app, dialog, ipcMain, safeStorage } from 'electron';
import { IPC_EVENT_CHANNELS, IPC_REQUEST_CHANNELS } from '../shared/contracts/ipc';
import { HttpApiClient } from '../host/http-api-client';
import { loadConfig } from '../services/config/config';
import { createLogger } from '../services/log/logger';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { startBackend } from './backend';
import { startDesktopAlerts } from './desktop-alerts';
import { desktopHost } from './desktop-host';
import { IpcHandlers } from './ipc';
import { holdSingleInstance, quitAfterShutdown, ShutdownStack } from './lifecycle';
import { isOwnPage } from './pages';
import { keychainOnly, refreshTokenFile } from './refresh-token-file';
import { resourcePaths } from './resource-paths';
import { secureContents } from './security';
import { contentSecurityPolicy } from './security-policy';
import { DesktopSettings } from './settings';
import { defaultSettings } from './settings-store';
import { DesktopWindows } from './windows';

const config = loadConfig();
const log = createLogger(config.logLevel, 'wattdesk');
// Set by `electron-vite dev` for this process: the renderer's dev server. Absent in a built app.
const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
const stack = new ShutdownStack(log);
let windows: DesktopWindows | null = null;

registerAppScheme();
if (holdSingleInstance(app, () => windows?.showMain())) {
  quitAfterShutdown(app, stack);
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(err));
}

async function start(): Promise<void> {
  const paths = resourcePaths(app.getAppPath(), app.isPackaged, process.resourcesPath);
  const settings = DesktopSettings.inUserData(defaultSettings(config), log);
  secureContents(devServerUrl, log);
  serveRenderer(paths.renderer, contentSecurityPolicy(devServerUrl));

  const backend = await startBackend(settings.get(), config, paths, log);
  stack.add('services', () => backend.close());
  const client = new HttpApiClient({
    urls: backend.urls,
    host: desktopHost({ ...backend, settings }),
    refreshTokens: refreshTokenFile(
      join(app.getPath('userData'), 'session.bin'),
      keychainOnly(safeStorage),
      log,
    ),
    followAllDevices: true,
    log,
  });
  stack.add('api client', () => client.close());

  let trayShown = false;
  const win = new DesktopWindows({
    preload: paths.preload,
    icon: paths.appIcon,
    devServerUrl,
    closeToTray: () => settings.get().close_to_tray,
    trayShown: () => trayShown,
    quitting: () => stack.stopping,
  });
  windows = win;
  stack.add('windows', () => win.closeAll());

  const ipc = new IpcHandlers(ipcMain, (url) => isOwnPage(url, devServerUrl), log);
  for (const name of IPC_REQUEST_CHANNELS) ipc.handle(name, (args) => client.invoke(name, args as never));
  for (const event of IPC_EVENT_CHANNELS) client.on(event, (payload) => win.broadcast(event, payload));
  backend.simulator.on('state', (state) => win.broadcast('simulator-progress', state));
  stack.add('ipc', () => ipc.dispose());

  const alerts = startDesktopAlerts({
    client,
    settings,
    windows: win,
    trayIcons: paths.trayIcons,
    quit: () => app.quit(),
    log,
  });
  trayShown = true;
  stack.add('tray and notifications', () => alerts.stop());

  app.on('window-all-closed', () => {
    if (!settings.get().close_to_tray) app.quit();
  });
  app.on('activate', () => win.showMain());
  // Restore the kept session, so that alerts notify with no window open.
  client.invoke('session-get', undefined).catch((err: unknown) => log.warn({ err }, 'session not restored'));
  if (!process.argv.includes('--hidden')) win.showMain();
  log.info({ services: settings.get().services.mode, bus: backend.status().bus.kind }, 'WattDesk started');
}

function fail(err: unknown): void {
  log.fatal({ err }, 'WattDesk could not start');
  dialog.showErrorBox('WattDesk could not start', err instanceof Error ? err.message : String(err));
  void stack.run().finally(() => app.exit(1));
}
