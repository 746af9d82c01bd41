// A RabbitMQ node of the fault suite's own (its name, ports and data in a temp dir), so that stopping the
// broker or cutting its connections never touches the shared broker other tests are using.
// Where a private node cannot be started (no rabbitmq-server, not root), the shared broker stands in and
// the suite says so: the fault pass runs alone, after every other test.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './headless-process';

const run = promisify(execFile);
const SHARED_URL = 'amqp://guest:guest@127.0.0.1:5672';
const START_TIMEOUT_MS = 90_000;
const CTL_TIMEOUT_MS = 60_000;

export interface Broker {
  url: string;
  /** The node rabbitmqctl talks to; undefined: the local default node. */
  node: string | undefined;
  isPrivate: boolean;
  /** `rabbitmqctl stop_app`: every connection drops and the port closes; queues and messages stay on disk. */
  stopApp(): Promise<void>;
  startApp(): Promise<void>;
  /** Stops a private node and deletes its data; makes sure the shared broker is running. */
  dispose(): Promise<void>;
}

async function ctl(node: string | undefined, ...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', [...(node ? ['-n', node] : []), ...args], {
    timeout: CTL_TIMEOUT_MS,
  });
  return stdout;
}

/** Starts a private node; falls back to the shared broker (with a warning) when that is impossible here. */
export async function startBroker(): Promise<Broker> {
  try {
    return await startPrivateNode();
  } catch (err) {
    console.warn(
      `fault suite: no private RabbitMQ node (${err instanceof Error ? err.message : String(err)}); ` +
        'using the shared broker at 127.0.0.1:5672',
    );
    return {
      url: SHARED_URL,
      node: undefined,
      isPrivate: false,
      stopApp: async () => void (await ctl(undefined, 'stop_app')),
      startApp: async () => {
        await ctl(undefined, 'start_app');
        await ctl(undefined, 'await_startup');
      },
      // Whatever happened, the shared broker is left running.
      dispose: async () => {
        await ctl(undefined, 'start_app');
        await ctl(undefined, 'await_startup');
      },
    };
  }
}

async function startPrivateNode(): Promise<Broker> {
  if (process.getuid?.() !== 0) throw new Error('starting a node needs root (the server runs as rabbitmq)');
  const dir = mkdtempSync(join(tmpdir(), 'wattdesk-faults-broker-'));
  // The server runs as the rabbitmq user.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const node = `wattdesk-faults-${process.pid}-${port}@localhost`;
  const plugins = join(dir, 'enabled_plugins');
  const config = join(dir, 'rabbitmq.conf');
  writeFileSync(plugins, '[].\n', { mode: 0o644 });
  writeFileSync(config, `listeners.tcp.default = 127.0.0.1:${port}\n`, { mode: 0o644 });
  const env = {
    ...process.env,
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(await freePort()),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: plugins,
    RABBITMQ_CONFIG_FILE: config,
  };
  const pidFile = join(dir, 'mnesia', `${node}.pid`);
  const dispose = async () => {
    await ctl(node, 'stop').catch(() => killByPidFile(pidFile));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run('rabbitmq-server', ['-detached'], { env, cwd: dir, timeout: CTL_TIMEOUT_MS });
    await awaitStartup(node);
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    node,
    isPrivate: true,
    stopApp: async () => void (await ctl(node, 'stop_app')),
    startApp: async () => {
      await ctl(node, 'start_app');
      await ctl(node, 'await_startup');
    },
    dispose,
  };
}

/** `await_startup` fails at once until the node has registered: ask again until it answers or time is up. */
async function awaitStartup(node: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      await ctl(node, 'await_startup');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function killByPidFile(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
  } catch {
    // Already gone.
  }
}
