// Test support: the app as `electron-vite build` leaves it in out/, built first when it is not there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_RESOURCES } from '../resource-paths';

export const APP_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function ensureBuilt(): void {
  const parts = [BUILT_RESOURCES, 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  if (parts.every((p) => existsSync(join(APP_ROOT, p)))) return;
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const built = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: APP_ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
}
