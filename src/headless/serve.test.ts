// `npm run serve` as a process: it starts, answers health, and on SIGTERM finishes in-flight work so that
// every reading is either stored and acked, or still in the queue: nothing lost, nothing held twice.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import amqp from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedHost, type IsolatedHost } from '../services/testing/isolated-host';
import { publishRaw, TEST_AMQP_URL } from '../services/testing/rabbitmq';
import { useTempDirs } from '../services/testing/temp-dir';
import { waitFor } from '../services/testing/wait';

const tempDir = useTempDirs();
let host: IsolatedHost;
afterEach(async () => {
  await host.deleteQueues();
});

async function queueDepth(queue: string): Promise<number> {
  const connection = await amqp.connect(TEST_AMQP_URL);
  try {
    return (await (await connection.createChannel()).checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}

describe('npm run serve', () => {
  it('stops on SIGTERM with every reading either stored or still queued', async () => {
    const dataDir = tempDir();
    host = isolatedHost('serve', { dataDir });
    const { queues } = host;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/headless/index.ts'], {
      env: { ...process.env, ...host.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const port = await waitFor(() => /monitoring API at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1], {
      timeoutMs: 30_000,
      what: 'the start-up line',
    });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', bus: { kind: 'rabbitmq', connected: true } });

    const total = 20_000;
    const t0 = Date.UTC(2026, 0, 1);
    await publishRaw(
      queues.consumptions,
      Array.from({ length: total }, (_, i) =>
        JSON.stringify({ timestamp: t0 + i * 60_000, device_id: `m${i % 10}`, measurement_value: i }),
      ),
    );
    const db = new Database(join(dataDir, 'monitoring.db'), { readonly: true });
    const stored = () => db.prepare('SELECT count(*) FROM readings').pluck().get() as number;
    await waitFor(() => stored() > 0, { what: 'ingestion to start' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const left = await queueDepth(queues.consumptions);
    expect(stored() + left).toBe(total);
    db.close();
  });
});
