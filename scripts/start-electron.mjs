// `npm start`: the desktop app in development. Without an Electron binary (no internet at install time),
// stop with a clear way forward instead of a download attempt that cannot succeed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed = () =>
  existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));

if (!installed()) {
  // Electron 45 fetches its binary on first use rather than at `npm install`.
  console.log('Fetching the Electron binary (once)…');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
}
if (!installed()) {
  console.error(
    [
      'The Electron binary could not be fetched (no internet?), so the desktop app cannot start here.',
      '  - Once online, `npm start` fetches it; or fetch it by hand: npx install-electron',
      '  - Without it, run the same app headless and open it in a browser: npm run serve',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'dev'], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
