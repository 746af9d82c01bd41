// Runs the headless host (the entry of `npm run serve`) as a child process, as an operator would: its own
// data dir, queues and ports. The fault suite kills and restarts it; the benchmarks time and weigh it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Output kept for failure messages, characters. */
const OUTPUT_KEPT = 64 * 1024;
const HEALTH_POLL_MS = 10;

export interface HeadlessSettings {
  dataDir: string;
  amqpUrl: string;
  queues: { consumptions: string; devices: string; users: string };
  /** Password of the `admin` account created on first start. */
  adminPassword: string;
  /** Site time zone (IANA). */
  tz: string;
  /** Default `warn`: a million readings must not become a million log lines. */
  logLevel?: string;
  /**
   * Start through `npm run serve` (what a user types: start-up timing) rather than node directly (whose pid
   * is the host itself: memory, signals).
   */
  viaNpm?: boolean;
}

export interface HeadlessProcess {
  pid: number;
  urls: { users: string; devices: string; monitoring: string };
  /** Wall ms from spawning until every service answered /api/health. */
  startMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 64 KiB the process wrote, for failure messages. */
  output(): string;
  /** Resident memory now, bytes (VmRSS of /proc/<pid>/status: Linux only). */
  residentBytes(): number;
  /** SIGKILL, as a power cut would: nothing gets to finish. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the clean shutdown (SIGKILL after `timeoutMs`); resolves to the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Spawns the host and resolves once users, devices and monitoring all answer /api/health. */
export async function startHeadless(
  settings: HeadlessSettings,
  { timeoutMs = 60_000 } = {},
): Promise<HeadlessProcess> {
  const ports = { users: await freePort(), devices: await freePort(), monitoring: await freePort() };
  const urls = {
    users: `http://127.0.0.1:${ports.users}`,
    devices: `http://127.0.0.1:${ports.devices}`,
    monitoring: `http://127.0.0.1:${ports.monitoring}`,
  };
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('WATTDESK_')),
  );
  Object.assign(env, {
    // npm and its `tsx` must run on this Node (22), not whatever is first on PATH.
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    WATTDESK_DATA_DIR: settings.dataDir,
    WATTDESK_AMQP_URL: settings.amqpUrl,
    WATTDESK_USERS_PORT: String(ports.users),
    WATTDESK_DEVICES_PORT: String(ports.devices),
    WATTDESK_MONITORING_PORT: String(ports.monitoring),
    WATTDESK_PORT: String(await freePort()),
    WATTDESK_QUEUE_CONSUMPTIONS: settings.queues.consumptions,
    WATTDESK_QUEUE_DEVICES: settings.queues.devices,
    WATTDESK_QUEUE_USERS: settings.queues.users,
    WATTDESK_ADMIN_PASSWORD: settings.adminPassword,
    WATTDESK_TZ: settings.tz,
    WATTDESK_LOG_LEVEL: settings.logLevel ?? 'warn',
  });
  const t0 = performance.now();
  const child = settings.viaNpm
    ? spawn('npm', ['run', '--silent', 'serve'], { cwd: REPO_ROOT, env, detached: true })
    : spawn(process.execPath, ['--import', 'tsx', 'src/headless/index.ts'], { cwd: REPO_ROOT, env });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the headless host could not be spawned');
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-OUTPUT_KEPT));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let gone = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      gone = true;
      resolve({ code, signal });
    }),
  );
  const signal = (sig: NodeJS.Signals) => sendSignal(child, sig, settings.viaNpm === true);

  const deadline = performance.now() + timeoutMs;
  for (const url of Object.values(urls)) {
    while (!(await answers(`${url}/api/health`))) {
      if (gone) throw new Error(`the headless host exited during start-up:\n${output}`);
      if (performance.now() > deadline) {
        signal('SIGKILL');
        throw new Error(`the headless host did not answer ${url}/api/health in ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
  }
  const startMs = performance.now() - t0;

  return {
    pid,
    urls,
    startMs,
    exited,
    output: () => output,
    residentBytes: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
      return Number(kb) * 1024;
    },
    kill: async () => {
      if (!gone) signal('SIGKILL');
      await exited;
    },
    stop: async (stopTimeoutMs = 30_000) => {
      if (gone) return (await exited).code;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), stopTimeoutMs);
      try {
        const { code } = await exited;
        // npm may exit before the host it started has finished shutting down.
        if (settings.viaNpm) await groupGone(pid, stopTimeoutMs);
        return code;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Through npm the host is a grandchild: signal the whole process group. */
function sendSignal(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  try {
    if (group) process.kill(-child.pid!, sig);
    else child.kill(sig);
  } catch {
    // Already gone.
  }
}

/** Waits until no process of the group is left, killing it after `timeoutMs`. */
async function groupGone(groupId: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(-groupId, 0);
    } catch {
      return;
    }
    if (performance.now() > deadline) {
      process.kill(-groupId, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
