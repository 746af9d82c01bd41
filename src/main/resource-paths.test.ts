// The built desktop bundle finds what it reads from disk where main looks for it: each service's migrations,
// the sample CSV, the tray icons, the UI and the preload. Uses out/ as `electron-vite build` left it (CI
// builds first), building when it is missing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../services/sqlite/open-database';
import { BUILT_RESOURCES, PACKAGED_RESOURCES, resourcePaths } from './resource-paths';
import { APP_ROOT as ROOT, ensureBuilt } from './testing/built-app';

beforeAll(ensureBuilt, 180_000);

describe('the resources of the built app', () => {
  const paths = resourcePaths(ROOT, false, '/nowhere');

  it('hold each service’s migrations, the same as the sources', () => {
    for (const [service, source] of [
      ['users', 'src/services/users/migrations'],
      ['devices', 'src/services/devices/migrations'],
      ['monitoring', 'src/services/monitoring/migrations'],
    ] as const) {
      const built = readMigrations(paths.migrations[service]);
      expect(built.length, service).toBeGreaterThan(0);
      expect(built, service).toEqual(readMigrations(join(ROOT, source)));
    }
  });

  it('hold the sample CSV, the icons, the UI and the preload', () => {
    expect(statSync(paths.sampleCsv).size).toBe(statSync(join(ROOT, 'simulator/data/sample.csv')).size);
    for (const icon of ['ok', 'alert', 'disconnected'])
      expect(existsSync(join(paths.trayIcons, `${icon}.png`)), icon).toBe(true);
    expect(existsSync(paths.appIcon)).toBe(true);
    expect(readFileSync(join(paths.renderer, 'index.html'), 'utf8')).toContain('<div id="root">');
    expect(readFileSync(paths.preload, 'utf8')).toContain('exposeInMainWorld');
  });

  it('are where the packaged app looks for them: electron-builder ships the same folder', () => {
    const packaged = resourcePaths('/opt/WattDesk/resources/app.asar', true, '/opt/WattDesk/resources');
    expect(packaged.migrations.users).toBe(
      join('/opt/WattDesk/resources', PACKAGED_RESOURCES, 'migrations/users'),
    );
    expect(packaged.renderer).toBe('/opt/WattDesk/resources/app.asar/out/renderer');
    const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain(`from: ${BUILT_RESOURCES}`);
    expect(builder).toContain(`to: ${PACKAGED_RESOURCES}`);
  });
});
