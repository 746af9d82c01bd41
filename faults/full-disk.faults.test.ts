// Full disk: the disk under the monitoring database fills up while readings arrive. The consumer stops acking
// (the readings wait in the queue or unacked, none is dead-lettered), health names the error, and once space
// returns every reading is stored exactly once.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../src/services/testing/monitoring-harness';
import { TEST_AMQP_URL } from '../src/services/testing/rabbitmq';
import { waitFor } from '../src/services/testing/wait';
import type { GoodReading } from '../src/shared/energy/classify';
import { publishConfirmed, queueCounts } from './support/amqp-queues';
import { bucketsOf, hourlyOf } from './support/expected-energy';
import { scaled } from './support/scale';
import { scarceDisk, type ScarceDisk } from './support/scarce-disk';
import { readSnapshot } from './support/store-snapshot';

/** The tmpfs: room for the database and its WAL once the filler is gone. */
const DISK_BYTES = 32 * 1024 * 1024;
const DEVICES = 4;
/** Readings per device published while the disk is full, in each of the cycles. */
const PER_CYCLE = 5_000;
const CYCLES = scaled(1, 3);
/** How long the blocked consumer is watched for anything acked or lost, ms. */
const WATCH_MS = scaled(2_000, 5_000);
const START = Date.UTC(2024, 0, 1);
const STEP_MS = 10 * 60_000;

interface Health {
  consumers: { consumptions: { applied: number; deadLettered: number; blockedBy: string | null } };
  dead_letters: Record<string, number>;
}

let disk: ScarceDisk | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  await disk?.dispose();
  h = disk = undefined;
});

/** Readings i (from `from`, before `to`) of every device: a register growing 0.1 to 0.4 kWh each 10 minutes. */
function readings(from: number, to: number): Array<GoodReading & { device: string }> {
  const out: Array<GoodReading & { device: string }> = [];
  for (let i = from; i < to; i++)
    for (let d = 0; d < DEVICES; d++)
      out.push({ device: `disk-meter-${d}`, ts: START + i * STEP_MS, value: i * 0.25 + (i % 4) * 0.05 + d });
  return out;
}

const bodies = (list: ReturnType<typeof readings>) =>
  list.map((r) => JSON.stringify({ timestamp: r.ts, device_id: r.device, measurement_value: r.value }));

describe('a full disk under the monitoring database', () => {
  it(
    'holds readings back unacked while it is full and stores every one once space returns',
    async () => {
      disk = await scarceDisk(DISK_BYTES);
      h = await startHarness(disk.dir, 'UTC');
      const queue = h.queues.consumptions;
      const stored = () =>
        h!.service.store.db.prepare('SELECT count(*) FROM readings').pluck().get() as number;
      const health = async () => (await h!.get<Health>('/api/health')).body;
      console.log(`full disk: by ${disk.how}, ${CYCLES} cycle(s) of ${DEVICES * PER_CYCLE} readings`);

      // Given a service that has stored a few readings
      let published = 0;
      published += await publishConfirmed(TEST_AMQP_URL, queue, bodies(readings(0, 10)));
      await h.waitForReadings(published);

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        // When its disk is full and readings keep coming
        const before = stored();
        disk.fill(h.service.store.db);
        const from = 10 + cycle * PER_CYCLE;
        published += await publishConfirmed(TEST_AMQP_URL, queue, bodies(readings(from, from + PER_CYCLE)));

        // Then it reports the storage error and acks nothing: every reading is stored or still at the broker
        const blocked = await waitFor(async () => (await health()).consumers.consumptions.blockedBy, {
          timeoutMs: 30_000,
          what: 'the consumer to report the full disk',
        });
        expect(blocked).toMatch(/full/i);
        const watchUntil = Date.now() + WATCH_MS;
        while (Date.now() < watchUntil) {
          const counts = await queueCounts(queue);
          const now = stored();
          expect(now + counts.ready + counts.unacked, 'stored + still at the broker').toBe(published);
          expect(now - before, 'stored while the disk was full').toBeLessThan(DEVICES * PER_CYCLE);
          expect((await health()).consumers.consumptions.blockedBy).toBe(blocked);
        }

        // When space returns, it carries on by itself
        disk.free(h.service.store.db);
        await h.waitForReadings(published, 120_000);
        await waitFor(async () => (await health()).consumers.consumptions.blockedBy === null, {
          what: 'the consumer to report it is no longer blocked',
        });
      }

      // And every reading is there once, with the totals the energy rules give, and none dead-lettered
      const final = await health();
      expect(final.consumers.consumptions.deadLettered).toBe(0);
      expect(final.dead_letters[queue] ?? 0).toBe(0);
      expect(await queueCounts(queue)).toEqual({ ready: 0, unacked: 0 });
      const all = readings(0, 10 + CYCLES * PER_CYCLE);
      const expected = Array.from({ length: DEVICES }, (_, d) =>
        hourlyOf(`disk-meter-${d}`, bucketsOf(all.filter((r) => r.device === `disk-meter-${d}`)), 'UTC'),
      ).flat();
      const snapshot = readSnapshot(join(disk.dir, 'monitoring.db'), 'UTC');
      expect(snapshot.readings).toBe(published);
      expect(snapshot.hourly).toEqual(expected);
    },
    scaled(120_000, 300_000),
  );
});
