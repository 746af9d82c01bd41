// The simulate command as a person runs it: a real process, a real broker, a real Ctrl-C.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
// Test support only: the simulator library itself never imports services (see STYLE.md).
import { deleteQueues, TEST_AMQP_URL } from '../src/services/testing/rabbitmq';
import { uniqueQueue, waitFor } from '../src/services/testing/wait';
import { retryOnClose } from './src/testing/retry-on-close';

const ROOT = resolve(__dirname, '..');
const queue = uniqueQueue('simulator-cli');

afterAll(async () => {
  await retryOnClose(() => deleteQueues(queue));
});

/** Runs `simulate` with `args` (without a terminal), collecting its output. */
function simulate(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', ...args], { cwd: ROOT });
  const run = { stdout: '', stderr: '', code: null as number | null, child };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done((run.code = code))));
  return { run, exited };
}

function messagesIn(q: string): Promise<number> {
  return retryOnClose(async () => {
    const connection = await amqp.connect(TEST_AMQP_URL);
    connection.on('error', () => undefined);
    try {
      const channel = await connection.createChannel();
      return (await channel.assertQueue(q, { durable: true })).messageCount;
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
}

describe('npm run simulate', () => {
  it('Ctrl-C stops cleanly and prints the command that resumes from the next line', async () => {
    // Given a replay at speed 60 (one reading every 10 s of wall time) whose first reading has arrived,
    const { run, exited } = simulate([
      '--file',
      'simulator/data/sample.csv',
      '--device',
      'cli-meter',
      '--speed',
      '60',
      '--queue',
      queue,
      '--start',
      '2024-01-01T00:00:00Z',
    ]);
    await waitFor(async () => (await messagesIn(queue)) >= 1, {
      timeoutMs: 8_000,
      what: 'the first reading',
    });

    // when it gets SIGINT,
    run.child.kill('SIGINT');

    // then it exits 130 after a summary and a resume command with the same start.
    expect(await exited).toBe(130);
    expect(run.stdout).toContain('Replay stopped: 1 message confirmed (1 reading)');
    expect(run.stdout).toContain(
      `npm run simulate -- --file simulator/data/sample.csv --device cli-meter --speed 60 --queue ${queue} ` +
        '--start 2024-01-01T00:00:00.000Z --from-line 2',
    );
  });

  it('refuses a bad flag with exit code 2 and a message naming it', async () => {
    const { run, exited } = simulate([
      '--file',
      'simulator/data/sample.csv',
      '--device',
      'm',
      '--speed',
      'fast',
    ]);
    expect(await exited).toBe(2);
    expect(run.stderr).toContain('--speed must be a positive number or max, got "fast"');
  });

  it('refuses a course-format file without --device, before connecting to anything', async () => {
    const { run, exited } = simulate(['--file', 'simulator/data/sample.csv']);
    expect(await exited).toBe(2);
    expect(run.stderr).toContain('--device is required');
  });
});
