// Where the desktop app finds what it ships besides code: the services' SQL migrations, the sample CSV, the
// tray icons, the built UI and the preload. `electron-vite build` copies the files into out/main/resources
// (electron.vite.config.ts); a packaged app has them as plain files in its resources (electron-builder.yml).
import { join } from 'node:path';

/** Relative to the app's folder: where the build puts them. */
export const BUILT_RESOURCES = 'out/main/resources';
/** Relative to process.resourcesPath: where electron-builder's extraResources put them. */
export const PACKAGED_RESOURCES = 'wattdesk';

export interface ResourcePaths {
  migrations: { users: string; devices: string; monitoring: string };
  sampleCsv: string;
  /** Holds ok.png, alert.png and disconnected.png (and their @2x). */
  trayIcons: string;
  appIcon: string;
  /** The built UI: index.html and assets/. */
  renderer: string;
  preload: string;
}

/** `appPath` is app.getAppPath(): the project folder in development, app.asar when packaged. */
export function resourcePaths(appPath: string, isPackaged: boolean, resourcesPath: string): ResourcePaths {
  const resources = isPackaged ? join(resourcesPath, PACKAGED_RESOURCES) : join(appPath, BUILT_RESOURCES);
  return {
    migrations: {
      users: join(resources, 'migrations', 'users'),
      devices: join(resources, 'migrations', 'devices'),
      monitoring: join(resources, 'migrations', 'monitoring'),
    },
    sampleCsv: join(resources, 'data', 'sample.csv'),
    trayIcons: join(resources, 'tray'),
    appIcon: join(resources, 'icon.png'),
    renderer: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
  };
}
