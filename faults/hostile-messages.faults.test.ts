// Hostile messages: 10,000 malformed or hostile bodies mixed into valid readings on the `consumptions` queue.
// The service keeps running, every hostile one lands in the dead-letter queue with a reason naming what was
// wrong, none of them pollutes a prototype, and the totals of the valid readings are exact.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEAD_LETTER_QUEUE_HEADER,
  DEAD_LETTER_REASON_HEADER,
  deadLetterQueueOf,
} from '../src/services/bus/message-bus';
import { startHarness, type Harness } from '../src/services/testing/monitoring-harness';
import { TEST_AMQP_URL } from '../src/services/testing/rabbitmq';
import { useTempDirs } from '../src/services/testing/temp-dir';
import { waitFor } from '../src/services/testing/wait';
import type { GoodReading } from '../src/shared/energy/classify';
import { publishConfirmed, queueDepth, takeAll, type OutgoingMessage } from './support/amqp-queues';
import { bucketsOf, hourlyOf } from './support/expected-energy';
import { HOSTILE_KINDS, hostileMessages } from './support/hostile-messages';
import { faultSeed, scaled } from './support/scale';
import { seededRandom } from './support/seeded-random';
import { readSnapshot } from './support/store-snapshot';

const HOSTILE = 10_000;
const HUGE = scaled(3, 30);
const VALID_DEVICES = scaled(5, 20);
const VALID_READINGS = scaled(1_000, 4_000);
const CASE_HEADER = 'x-fault-case';
const START = Date.UTC(2024, 0, 1);
const STEP_MS = 10 * 60_000;

interface Health {
  bus: { connected: boolean };
  consumers: { consumptions: { applied: number; deadLettered: number; blockedBy: string | null } };
  dead_letters: Record<string, number>;
}

const tempDir = useTempDirs();
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('hostile messages among valid readings', () => {
  it(
    'dead-letters every one with its reason, keeps running, and keeps the valid totals exact',
    async () => {
      const dataDir = tempDir();
      h = await startHarness(dataDir, 'UTC');
      const seed = faultSeed();
      const r = seededRandom(seed);
      console.log(
        `hostile messages: ${HOSTILE} (${HUGE} of 10 MB) among ${VALID_DEVICES * VALID_READINGS} valid, seed ${seed}`,
      );

      // Given valid readings (a register growing by 0 to 0.5 kWh every 10 minutes) for a few devices
      const valid = new Map<string, GoodReading[]>();
      for (let d = 0; d < VALID_DEVICES; d++) {
        let value = r.int(0, 10_000);
        valid.set(
          `valid-meter-${String(d).padStart(2, '0')}`,
          Array.from({ length: VALID_READINGS }, (_, i) => ({
            ts: START + i * STEP_MS,
            value: (value += r.int(0, 500) / 1000),
          })),
        );
      }
      // and hostile ones, shuffled in at random places (each device's readings stay in time order)
      const hostile = hostileMessages(HOSTILE, HUGE, r);
      const streams = [...valid].map(([id, readings]) => ({ id, readings, next: 0 }));
      const outgoing: OutgoingMessage[] = [];
      let nextHostile = 0;
      const validCount = VALID_DEVICES * VALID_READINGS;
      while (outgoing.length < validCount + hostile.length) {
        const open = streams.filter((s) => s.next < s.readings.length);
        const takeHostile =
          nextHostile < hostile.length &&
          (open.length === 0 || r.next() < hostile.length / (hostile.length + validCount));
        if (takeHostile) {
          outgoing.push({ body: hostile[nextHostile]!.body, headers: { [CASE_HEADER]: nextHostile } });
          nextHostile++;
        } else {
          const s = r.pick(open);
          const { ts, value } = s.readings[s.next++]!;
          outgoing.push({
            body: JSON.stringify({ timestamp: ts, device_id: s.id, measurement_value: value }),
          });
        }
      }

      // When they are published together
      await publishConfirmed(TEST_AMQP_URL, h.queues.consumptions, outgoing);

      // Then every hostile message is in the dead-letter queue once, with the reason its kind calls for
      const dead = await takeAll(
        TEST_AMQP_URL,
        deadLetterQueueOf(h.queues.consumptions),
        hostile.length,
        120_000,
      );
      expect(dead).toHaveLength(hostile.length);
      const seen = new Set<number>();
      for (const message of dead) {
        const index = Number(message.headers[CASE_HEADER]);
        const expected = hostile[index];
        expect(
          expected,
          `dead letter without a case header: ${message.body.subarray(0, 80).toString()}`,
        ).toBeDefined();
        expect(seen.has(index), `case ${index} dead-lettered twice`).toBe(false);
        seen.add(index);
        expect(message.body.equals(expected!.body), `case ${index} (${expected!.kind}) body kept`).toBe(true);
        expect(
          String(message.headers[DEAD_LETTER_REASON_HEADER]),
          `case ${index}: ${expected!.kind}`,
        ).toMatch(expected!.reason);
        expect(message.headers[DEAD_LETTER_QUEUE_HEADER]).toBe(h.queues.consumptions);
      }
      expect(new Set(hostile.map((m) => m.kind)).size).toBe(HOSTILE_KINDS);

      // and the valid readings are all stored, their hourly totals exactly what the energy rules give
      await h.waitForReadings(validCount, 60_000);
      const health = await waitFor(
        async () => {
          const { body } = await h!.get<Health>('/api/health');
          return body.consumers.consumptions.applied === validCount && body;
        },
        { what: 'every valid reading applied' },
      );
      expect(health.bus.connected).toBe(true);
      expect(health.consumers.consumptions.blockedBy).toBeNull();
      expect(health.consumers.consumptions.deadLettered).toBe(hostile.length);
      expect(health.dead_letters[h.queues.consumptions]).toBe(hostile.length);
      const stored = readSnapshot(join(dataDir, 'monitoring.db'), 'UTC');
      expect(stored.readings).toBe(validCount);
      expect(stored.hourly).toEqual(
        [...valid].flatMap(([id, readings]) => hourlyOf(id, bucketsOf(readings), 'UTC')),
      );
      expect(await queueDepth(TEST_AMQP_URL, h.queues.consumptions)).toBe(0);
      // No `__proto__` or `constructor.prototype` body reached an object's prototype.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    scaled(180_000, 600_000),
  );
});
