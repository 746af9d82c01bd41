// Against the real broker, cutting its connections: runs with the other *.outage tests, one file at a time.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consumptionMessageSchema } from '../../src/shared/contracts/consumption';
// Test support only: the simulator library itself never imports services (see STYLE.md).
import { closeAllConnections, deleteQueues, TEST_AMQP_URL } from '../../src/services/testing/rabbitmq';
import { uniqueQueue, waitFor } from '../../src/services/testing/wait';
import { AmqpReadingPublisher } from './amqp-publisher';
import { createReplay } from './replay';
import type { ReplayProgress } from './replay-types';
import { collectReadings } from './testing/collect-queue';
import { retryOnClose } from './testing/retry-on-close';

const T0 = Date.UTC(2024, 0, 1);
const TEN_MINUTES = 600_000;
// Large enough that the replay, at about 10k readings/s, outlasts two rabbitmqctl runs of ~0.5 s each.
const TOTAL = 60_000;

let dir: string;
const queue = uniqueQueue('simulator-outage');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wattdesk-outage-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await retryOnClose(() => deleteQueues(queue));
});

it('a broker outage during a replay skips no reading, and every message is the consumptions contract', async () => {
  const file = join(dir, 'outage.csv');
  await writeFile(file, Array.from({ length: TOTAL }, (_, i) => (i * 0.1).toFixed(4)).join('\n') + '\n');
  const publisher = new AmqpReadingPublisher({ url: TEST_AMQP_URL, queue });
  let latest: ReplayProgress | undefined;
  const sentAtOutage: number[] = [];
  publisher.on('disconnected', () => sentAtOutage.push(latest?.sent ?? 0));
  const replay = createReplay({
    file,
    devices: ['outage-meter'],
    start: T0,
    speed: 'max',
    publisher,
    progressEveryMs: 20,
  });
  replay.on('progress', (p) => (latest = p));

  // Given a replay at full speed, when the broker drops every connection twice while it runs,
  const done = replay.start();
  await waitFor(() => (latest?.sent ?? 0) >= 3_000, { what: '3,000 readings confirmed' });
  await closeAllConnections();
  await waitFor(() => publisher.connected && (latest?.sent ?? 0) >= (sentAtOutage[0] ?? 0) + 3_000, {
    what: 'reconnection and 3,000 more readings',
  });
  await closeAllConnections();
  const summary = await done;
  await publisher.close();

  // then both outages hit the replay mid-way, it completes, and every reading's timestamp is in the queue.
  expect(summary).toMatchObject({ outcome: 'completed', sent: TOTAL, badLines: 0 });
  expect(sentAtOutage.length).toBeGreaterThanOrEqual(2);
  expect(sentAtOutage.slice(0, 2).every((n) => n < TOTAL)).toBe(true);
  const bodies = await collectReadings(queue, TOTAL);
  const timestamps = new Set(bodies.map((b) => consumptionMessageSchema.parse(JSON.parse(b)).timestamp));
  const missing = Array.from({ length: TOTAL }, (_, i) => T0 + i * TEN_MINUTES).filter(
    (t) => !timestamps.has(t),
  );
  expect(missing).toEqual([]);
  expect(Object.keys(JSON.parse(bodies[0] ?? '{}') as object).sort()).toEqual([
    'device_id',
    'measurement_value',
    'timestamp',
  ]);
});
