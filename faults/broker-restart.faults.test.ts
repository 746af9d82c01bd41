// Broker restart: `rabbitmqctl stop_app` and then `start_app` while sensor.csv replays, on a RabbitMQ node of
// the suite's own. Nothing is lost (the replay resends what was not confirmed, the host redelivers what it had
// not acked), nothing is counted twice, and live-feed clients, kept or reconnected, end with the right hours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmqpReadingPublisher, createReplay } from '../simulator';
import { deadLetterQueueOf } from '../src/services/bus/message-bus';
import type { HourlyResponse } from '../src/shared/contracts/monitoring-api';
import { formatLocal, localDateOf } from '../src/shared/time/local-time';
import { uniqueQueue, waitFor } from '../src/services/testing/wait';
import { deleteQueues, queueCounts } from './support/amqp-queues';
import { bucketsOf, hourlyOf } from './support/expected-energy';
import { startHeadless, type HeadlessProcess } from './support/headless-process';
import { callOk, login, openLiveFeed, type LiveClient } from './support/host-client';
import { startBroker, type Broker } from './support/private-broker';
import { scaled } from './support/scale';
import { SENSOR_CSV, SENSOR_MISSING, SENSOR_STEP_MS, sensorValues } from './support/sensor-data';
import { storedReadings } from './support/store-snapshot';

const TZ = 'UTC';
const START = Date.UTC(2024, 0, 1);
const DEVICES = Array.from({ length: 20 }, (_, i) => `restart-meter-${String(i).padStart(2, '0')}`);
/** Devices the live-feed clients follow. */
const WATCHED = DEVICES.slice(0, 3);
/** Outages, evenly spread over the replay. */
const OUTAGES = scaled(1, 3);
/** Wall time the replay is paced to last, so that every outage falls inside it. */
const REPLAY_MS = scaled(15_000, 40_000);
const ADMIN_PASSWORD = 'broker restart admin password';

interface Health {
  bus: { connected: boolean };
}

let broker: Broker | undefined;
let host: HeadlessProcess | undefined;
const clients: LiveClient[] = [];
const workDir = mkdtempSync(join(tmpdir(), 'wattdesk-faults-restart-'));
const queues = {
  consumptions: uniqueQueue('restart-c'),
  devices: uniqueQueue('restart-d'),
  users: uniqueQueue('restart-u'),
};

beforeAll(async () => {
  if (SENSOR_MISSING === null) broker = await startBroker();
}, 120_000);
afterAll(async () => {
  clients.forEach((c) => c.close());
  await host?.kill();
  // A private node takes its queues with it; the shared broker is left running, without ours.
  await broker?.dispose();
  if (broker && !broker.isPrivate) {
    const all = Object.values(queues);
    await deleteQueues(broker.url, ...all, ...all.map(deadLetterQueueOf));
  }
  rmSync(workDir, { recursive: true, force: true });
}, 120_000);

describe.skipIf(SENSOR_MISSING !== null)('a broker stopped and started during a replay', () => {
  it(
    'loses nothing, counts nothing twice, and live clients catch up',
    async () => {
      const b = broker!;
      const values = sensorValues();
      const total = values.length * DEVICES.length;
      const dbFile = join(workDir, 'monitoring.db');
      host = await startHeadless({
        dataDir: workDir,
        amqpUrl: b.url,
        queues,
        adminPassword: ADMIN_PASSWORD,
        tz: TZ,
      });
      const monitoring = host.urls.monitoring;
      const busConnected = async () =>
        (await callOk<Health>(`${monitoring}/api/health`, 'GET', null)).bus.connected;
      await waitFor(busConnected, { timeoutMs: 30_000, what: 'the host on the broker' });
      const { access_token: token } = await login(host.urls.users, 'admin', ADMIN_PASSWORD);
      const kept = await openLiveFeed(monitoring, token);
      const dropped = await openLiveFeed(monitoring, token);
      clients.push(kept, dropped);
      await kept.subscribe(WATCHED);
      await dropped.subscribe(WATCHED);

      // Given a replay paced to last REPLAY_MS, publishing with confirms and resending what was not confirmed
      const publisher = new AmqpReadingPublisher({
        url: b.url,
        queue: queues.consumptions,
        maxBackoffMs: 500,
      });
      const replayLosses: string[] = [];
      publisher.on('disconnected', ({ reason }) => replayLosses.push(reason));
      const replay = createReplay({
        file: SENSOR_CSV,
        devices: DEVICES,
        start: START,
        speed: (values.length * SENSOR_STEP_MS) / REPLAY_MS,
        publisher,
      });
      const replayed = replay.start();

      // When the broker application stops and starts again, while the replay runs
      let rejoined: LiveClient | undefined;
      for (let outage = 1; outage <= OUTAGES; outage++) {
        const at = Math.floor((total * outage) / (OUTAGES + 2));
        await waitFor(() => (storedReadings(dbFile) ?? -1) >= at, {
          timeoutMs: 120_000,
          what: `${at} readings stored`,
        });
        await b.stopApp();
        await waitFor(async () => !(await busConnected()), { timeoutMs: 30_000, what: 'the host to notice' });
        await waitFor(() => replayLosses.length >= outage, {
          timeoutMs: 30_000,
          what: 'the replay to notice',
        });
        // A browser that lost its connection meanwhile (the live feed does not depend on the broker).
        if (outage === 1) dropped.close();
        await b.startApp();
        await waitFor(busConnected, { timeoutMs: 60_000, what: 'the host to reconnect' });
        if (outage === 1) {
          rejoined = await openLiveFeed(monitoring, token);
          clients.push(rejoined);
          expect((await rejoined.subscribe(WATCHED)).device_ids.sort()).toEqual([...WATCHED].sort());
        }
      }
      const summary = await replayed;
      await publisher.close();

      // Then every reading is stored once, and the queue is empty with nothing held unacked
      expect(summary).toMatchObject({ outcome: 'completed', sent: total });
      expect(replayLosses.length).toBeGreaterThanOrEqual(OUTAGES);
      await waitFor(() => storedReadings(dbFile) === total, { timeoutMs: 120_000, what: 'every reading' });
      await waitFor(
        async () => {
          const counts = await queueCounts(queues.consumptions, b.node);
          return counts.ready === 0 && counts.unacked === 0;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: 'the queue to drain' },
      );

      // and each device's hours equal what the energy rules give for the file, exactly
      const expected = new Map(
        hourlyOf(
          '',
          bucketsOf(values.map((value, i) => ({ ts: START + i * SENSOR_STEP_MS, value }))),
          TZ,
        ).map(([, hour, kwh]) => [hour, kwh]),
      );
      const days = [...new Set([...expected.keys()].map((hour) => localDateOf(hour, TZ)))];
      for (const device of DEVICES) {
        const served = new Map<number, number>();
        for (const date of days) {
          const day = await callOk<HourlyResponse>(
            `${monitoring}/api/devices/${device}/hourly?date=${date}`,
            'GET',
            token,
          );
          for (const h of day.hours) served.set(Date.parse(h.start), h.kwh);
        }
        for (const [hour, kwh] of served) expect(kwh, `${device} ${hour}`).toBe(expected.get(hour) ?? 0);
        expect([...expected.keys()].filter((hour) => !served.has(hour))).toEqual([]);
      }

      // and live clients, the one that stayed and the one that came back, were pushed each hour's final total
      const [lastHour, lastKwh] = [...expected].at(-1)!;
      const lastPushed = (client: LiveClient, device: string, hour: number): number | undefined => {
        const m = client.messages.findLast(
          (m) => m.type === 'hourly' && m.device_id === device && m.start === formatLocal(hour, TZ),
        );
        return m?.type === 'hourly' ? m.kwh : undefined;
      };
      for (const client of [kept, rejoined!]) {
        await waitFor(() => WATCHED.every((d) => lastPushed(client, d, lastHour) === lastKwh), {
          what: 'the final hour pushed',
        });
        for (const device of WATCHED) {
          const pushed = [...expected].filter(([hour]) => lastPushed(client, device, hour) !== undefined);
          expect(pushed.length).toBeGreaterThan(expected.size / 3);
          for (const [hour, kwh] of pushed)
            expect(lastPushed(client, device, hour), `${device} ${hour}`).toBe(kwh);
        }
      }
      expect(await host.stop()).toBe(0);
    },
    scaled(240_000, 600_000),
  );
});
