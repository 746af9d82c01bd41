// Test support: `npm run serve` as a real process on ephemeral ports, with its own data folder and queues,
// and the built UI (built first when out/renderer is missing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedHost } from '../../src/services/testing/isolated-host';
import { waitFor } from '../../src/services/testing/wait';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningHost {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  queues: { consumptions: string; devices: string; users: string };
  /** Everything the host printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Builds the renderer with electron-vite unless a build is there already. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(ROOT, 'out/renderer/index.html'))) return;
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const built = spawnSync(process.execPath, [bin, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
}

export async function startHeadlessHost({ tz }: { tz: string }): Promise<RunningHost> {
  ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-e2e-'));
  const host = isolatedHost('e2e', { dataDir, tz });
  const { queues } = host;
  // No WATTDESK_ADMIN_PASSWORD: the host generates one and the UI starts at its first-run screen.
  const { WATTDESK_ADMIN_PASSWORD: _unused, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/headless/index.ts'], {
    cwd: ROOT,
    env: { ...inherited, ...host.env, WATTDESK_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const url = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`npm run serve exited early:\n${output}`);
      return /WattDesk is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    },
    { timeoutMs: 45_000, what: 'the "WattDesk is running at" line' },
  );

  return {
    url,
    queues,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await host.deleteQueues().catch(() => undefined);
    },
  };
}
