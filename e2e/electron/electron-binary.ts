// Test support: the Electron binary, if this machine has one (Electron 45 fetches it on first use, so a
// machine installed without internet has none), and an X display for it on Linux.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The binary's path, or why there is none. */
export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      missing: `${pathFile} is missing: the Electron binary was never fetched (no internet at install?)`,
    };
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

/** Whether a window can be shown: always on macOS and Windows; on Linux with $DISPLAY, or Xvfb to start. */
export function displayAvailable(): boolean {
  if (process.platform !== 'linux' || process.env.DISPLAY) return true;
  return spawnSync('which', ['Xvfb']).status === 0;
}

/** The display to use: $DISPLAY, or a virtual one started now (stop it after). */
export function startDisplay(): { display: string | undefined; stop(): void } {
  if (process.platform !== 'linux' || process.env.DISPLAY)
    return { display: process.env.DISPLAY, stop: () => {} };
  const display = `:${90 + Math.floor(Math.random() * 800)}`;
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  return { display, stop: () => xvfb.kill() };
}
