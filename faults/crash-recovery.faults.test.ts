// Crashes: the headless host is killed with SIGKILL at random points while sensor.csv replays for 20 devices,
// and restarted each time. It must end with exactly the hourly totals and alerts of a run never interrupted:
// a batch is acked only after its commit, so a kill loses nothing and a redelivery counts nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReplay } from '../simulator';
import { deadLetterQueueOf } from '../src/services/bus/message-bus';
import { uniqueQueue, waitFor } from '../src/services/testing/wait';
import { deleteQueues, publishConfirmed } from './support/amqp-queues';
import { deviceUpserted } from './support/device-events';
import { startHeadless, type HeadlessProcess, type HeadlessSettings } from './support/headless-process';
import { faultSeed, scaled } from './support/scale';
import { seededRandom } from './support/seeded-random';
import { SENSOR_CSV, SENSOR_MISSING, sensorValues, SENSOR_STEP_MS } from './support/sensor-data';
import { knownDevices, readSnapshot, storedReadings, type StoreSnapshot } from './support/store-snapshot';

const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const TZ = 'Europe/Bucharest';
/** Local midnight, 1 January 2024, in Bucharest. */
const START = Date.UTC(2023, 11, 31, 22);
const DEVICES = Array.from({ length: 20 }, (_, i) => `crash-meter-${String(i).padStart(2, '0')}`);
/** The first ten have owners (so get alerts), each with its own limit; the rest have none. */
const OWNED = 10;
const KILLS = 5;
/** Runs of five kills, each against the same clean run. */
const ROUNDS = scaled(1, 3);
const ADMIN_PASSWORD = 'crash test admin password';

const workDir = mkdtempSync(join(tmpdir(), 'wattdesk-faults-crash-'));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
});

/** Hourly limits from the data: device k's is the (10 + 8k)th percentile of the file's hourly energy. */
function limits(values: number[]): number[] {
  const hourly: number[] = [];
  for (let i = 6; i < values.length; i += 6) hourly.push(values[i]! - values[i - 6]!);
  hourly.sort((a, b) => a - b);
  return Array.from({ length: OWNED }, (_, k) => hourly[Math.floor(hourly.length * (0.1 + 0.08 * k))]!);
}

/**
 * Replays the file into a fresh host and waits until every reading is stored. `killAt`: stored-reading counts
 * at which the host is killed and started again on the same data. Returns what the store ends with.
 */
async function run(label: string, total: number, killAt: number[]): Promise<StoreSnapshot> {
  const dataDir = mkdtempSync(join(workDir, `${label}-`));
  const dbFile = join(dataDir, 'monitoring.db');
  const settings: HeadlessSettings = {
    dataDir,
    amqpUrl: AMQP_URL,
    queues: {
      consumptions: uniqueQueue(`${label}-c`),
      devices: uniqueQueue(`${label}-d`),
      users: uniqueQueue(`${label}-u`),
    },
    adminPassword: ADMIN_PASSWORD,
    tz: TZ,
  };
  const queues = Object.values(settings.queues);
  cleanups.push(() => deleteQueues(AMQP_URL, ...queues, ...queues.map(deadLetterQueueOf)));
  let host: HeadlessProcess | undefined;
  cleanups.push(async () => void (await host?.kill()));

  const limit = limits(sensorValues());
  await publishConfirmed(
    AMQP_URL,
    settings.queues.devices,
    limit.map((kwh, k) => deviceUpserted(DEVICES[k]!, `owner-${k % 3}`, kwh)),
  );
  host = await startHeadless(settings);
  await waitFor(() => knownDevices(dbFile) === OWNED, { timeoutMs: 30_000, what: 'the device events' });

  const replay = createReplay({
    file: SENSOR_CSV,
    devices: DEVICES,
    start: START,
    speed: 'max',
    deviceOffset: { kind: 'random' },
    amqpUrl: AMQP_URL,
    queue: settings.queues.consumptions,
  });
  const replayed = replay.start();
  for (const at of killAt) {
    await waitFor(() => (storedReadings(dbFile) ?? -1) >= at, {
      timeoutMs: 120_000,
      what: `${at} readings stored before a kill`,
    });
    await host.kill();
    host = await startHeadless(settings);
  }
  expect(await replayed).toMatchObject({ outcome: 'completed', sent: total });
  await waitFor(() => storedReadings(dbFile) === total, {
    timeoutMs: 300_000,
    intervalMs: 100,
    what: `all ${total} readings stored`,
  });
  expect(await host.stop()).toBe(0);
  return readSnapshot(dbFile, TZ);
}

describe.skipIf(SENSOR_MISSING !== null)('a host killed at random points while sensor.csv replays', () => {
  it(
    'ends with the hourly totals and alerts of a clean run, exactly',
    async () => {
      const values = sensorValues();
      const lines = values.length;
      const total = lines * DEVICES.length;
      const seed = faultSeed();
      const random = seededRandom(seed);
      const clean = await run('clean', total, []);
      expect(clean.readings).toBe(total);
      // Each device's hours add up to its register's growth over the replay: the clean run is itself right.
      for (const device of DEVICES) {
        const sum = clean.hourly.filter(([id]) => id === device).reduce((s, [, , kwh]) => s + kwh, 0);
        expect(sum).toBeCloseTo(values.at(-1)! - values[0]!, 6);
      }
      expect(clean.hourly.length).toBeGreaterThanOrEqual(
        (DEVICES.length * (lines - 1) * SENSOR_STEP_MS) / 3_600_000,
      );
      // Some hours over each owned device's limit, never every hour, and none for devices without an owner.
      expect(clean.alerts.length).toBeGreaterThan(0);
      expect(clean.alerts.length).toBeLessThan(clean.hourly.length);
      expect(new Set(clean.alerts.map(([id]) => id))).toEqual(new Set(DEVICES.slice(0, OWNED)));

      for (let round = 1; round <= ROUNDS; round++) {
        // Each kill 3 to 17 % of the run after the previous one: every restarted host gets work in flight.
        const killAt: number[] = [];
        for (let at = 0; killAt.length < KILLS; killAt.push(at))
          at += random.int(Math.ceil(total * 0.03), Math.floor(total * 0.17));
        console.log(
          `crash recovery: ${lines} lines × ${DEVICES.length} devices, seed ${seed}, round ${round}: ` +
            `SIGKILL at ${killAt.join(', ')} readings stored`,
        );
        const crashed = await run(`crashed-${round}`, total, killAt);
        expect(crashed.readings).toBe(total);
        expect(crashed.hourly).toEqual(clean.hourly);
        expect(crashed.alerts).toEqual(clean.alerts);
      }
    },
    scaled(180_000, 600_000),
  );
});
