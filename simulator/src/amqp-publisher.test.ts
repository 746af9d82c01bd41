// Against the real broker: a broker that cannot be reached yet, and one that refuses readings.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
// Test support only: the simulator library itself never imports services (see STYLE.md).
import { deleteQueues, TEST_AMQP_URL } from '../../src/services/testing/rabbitmq';
import { uniqueQueue, waitFor } from '../../src/services/testing/wait';
import { AmqpReadingPublisher } from './amqp-publisher';
import { createReplay } from './replay';
import { collectReadings } from './testing/collect-queue';
import { retryOnClose } from './testing/retry-on-close';

const T0 = Date.UTC(2024, 0, 1);

let dir: string;
const queue = uniqueQueue('simulator-late-broker');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wattdesk-late-broker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await retryOnClose(() => deleteQueues(queue));
});

it('a replay started while the broker is unreachable waits, retries, and delivers everything once it is back', async () => {
  const file = join(dir, 'late.csv');
  await writeFile(file, Array.from({ length: 50 }, (_, i) => String(i)).join('\n') + '\n');
  const proxy = await brokerProxy();
  try {
    const publisher = new AmqpReadingPublisher({
      url: proxy.url,
      queue,
      minBackoffMs: 20,
      maxBackoffMs: 100,
    });
    let retries = 0;
    publisher.on('retrying', () => (retries += 1));

    // Given a replay that starts while the broker cannot be reached,
    const done = createReplay({ file, devices: ['late-meter'], start: T0, speed: 'max', publisher }).start();
    await waitFor(() => retries >= 3, { what: 'three failed connection attempts' });
    // when the broker becomes reachable,
    await proxy.open();
    const summary = await done;
    await publisher.close();

    // then every reading is delivered.
    expect(summary).toMatchObject({ outcome: 'completed', sent: 50 });
    const bodies = await collectReadings(queue, 50);
    expect(new Set(bodies.map((b) => (JSON.parse(b) as { timestamp: number }).timestamp)).size).toBe(50);
  } finally {
    await proxy.close();
  }
});

it('a reading the broker refuses (nack) is sent again until it is accepted', async () => {
  const full = uniqueQueue('simulator-nack');
  const policy = `wattdesk-${full}`;
  // A queue that holds two messages and nacks publishes beyond that, until drained.
  await rabbitmqctl(
    'set_policy',
    '--apply-to',
    'queues',
    policy,
    `^${full.replaceAll('.', '\\.')}$`,
    '{"max-length":2,"overflow":"reject-publish"}',
  );
  const publisher = new AmqpReadingPublisher({ url: TEST_AMQP_URL, queue: full, minBackoffMs: 20 });
  try {
    let confirmed = 0;
    for (let i = 0; i < 5; i++)
      publisher
        .publish({ timestamp: T0 + i * 600_000, device_id: 'nack-meter', measurement_value: i })
        .then(() => (confirmed += 1))
        .catch(() => undefined); // only when the test fails early and closes the publisher
    // Given a queue that is full and refuses the other readings,
    await waitFor(async () => (await messagesIn(full)) === 2, { what: 'a full queue' });
    expect(confirmed).toBeLessThan(5);
    // when it is drained (for as long as the publisher still has readings to get in),
    const bodies = await collectReadings(full, 5, { alsoUntil: () => confirmed === 5 });
    // then every refused reading was sent again until it was accepted.
    await waitFor(() => confirmed === 5, { what: 'all five readings confirmed' });
    expect(new Set(bodies.map((b) => (JSON.parse(b) as { timestamp: number }).timestamp)).size).toBe(5);
  } finally {
    await publisher.close();
    await rabbitmqctl('clear_policy', policy);
    await retryOnClose(() => deleteQueues(full));
  }
});

function messagesIn(q: string): Promise<number> {
  return retryOnClose(async () => {
    const connection = await amqp.connect(TEST_AMQP_URL);
    connection.on('error', () => undefined);
    try {
      return (await (await connection.createChannel()).assertQueue(q, { durable: true })).messageCount;
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
}

function rabbitmqctl(...args: string[]): Promise<unknown> {
  return promisify(execFile)('rabbitmqctl', args);
}

/** A local TCP port that refuses connections until `open()`, then forwards them to the test broker. */
async function brokerProxy(): Promise<{ url: string; open(): Promise<void>; close(): Promise<void> }> {
  const broker = new URL(TEST_AMQP_URL);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const url = new URL(TEST_AMQP_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    open: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = tcpConnect(Number(broker.port || 5672), broker.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('error', () => undefined);
            s.on('close', () => sockets.delete(s));
          }
          client.pipe(upstream).pipe(client);
        }).listen(port, '127.0.0.1', resolve);
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
