// The monitoring service end to end on the real broker and a real SQLite file.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consumption } from '../../shared/contracts/consumption';
import type { DeviceEvent } from '../../shared/contracts/device-event';
import type { Alert, HourlyResponse } from '../../shared/contracts/monitoring-api';
import { DEAD_LETTER_REASON_HEADER, deadLetterQueueOf } from '../bus/message-bus';
import { bucketTable, readingCount, startHarness, type Harness } from '../testing/monitoring-harness';
import { drainQueue } from '../testing/rabbitmq';
import { useTempDirs } from '../testing/temp-dir';
import { waitFor } from '../testing/wait';

const tempDir = useTempDirs();
const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.dispose()));
});

async function harness(tz = 'UTC'): Promise<Harness> {
  const h = await startHarness(tempDir(), tz);
  harnesses.push(h);
  return h;
}

const MIN = 60_000;
const H = 60 * MIN;
const SENSOR_CSV = fileURLToPath(new URL('../../../../shared/data/sensor.csv', import.meta.url));

function upserted(id: string, user_id: string | null, max_hourly_kwh: number, version: number): DeviceEvent {
  return {
    type: 'device.upserted',
    device: { id, user_id, description: id, address: 'here', max_hourly_kwh },
    version,
  };
}

describe('the monitoring service', () => {
  it.skipIf(!existsSync(SENSOR_CSV))(
    'turns the real sensor.csv, replayed at 10-minute steps, into hours equal to the register differences',
    async () => {
      const register = readFileSync(SENSOR_CSV, 'utf8').trim().split('\n').map(Number);
      expect(register).toHaveLength(3998);
      const h = await harness('Europe/Bucharest');
      // Local midnight, 9 days before the spring-forward day, so the replay crosses a 23-hour day.
      const t0 = Date.UTC(2026, 2, 19, 22, 0);
      await h.publishReadings(
        register.map((value, i) => ({
          timestamp: t0 + i * 10 * MIN,
          device_id: 'sensor',
          measurement_value: value,
        })),
      );
      await h.waitForReadings(register.length);

      let checked = 0;
      for (let day = 0; day < 27; day++) {
        const date = new Date(t0 + day * 24 * H + 12 * H).toLocaleDateString('sv-SE', {
          timeZone: 'Europe/Bucharest',
        });
        const { body } = await h.get<HourlyResponse>(`/api/devices/sensor/hourly?date=${date}`);
        for (const hour of body.hours) {
          const i = (Date.parse(hour.start) - t0) / (10 * MIN);
          if (i + 6 >= register.length) continue;
          expect(hour.kwh).toBeCloseTo(register[i + 6]! - register[i]!, 6);
          expect(hour.readings).toBe(6);
          checked++;
        }
        if (date === '2026-03-29') expect(body.hours).toHaveLength(23);
      }
      expect(checked).toBeGreaterThan(640);
    },
  );

  it('dead-letters malformed messages with a reason and counts the valid ones around them', async () => {
    const h = await harness();
    const t0 = Date.UTC(2026, 0, 1);
    const valid = (i: number) =>
      JSON.stringify({ timestamp: t0 + i * H, device_id: 'm1', measurement_value: i });
    const bad = [
      'not json',
      JSON.stringify({ timestamp: t0, device_id: 'm1' }),
      JSON.stringify({ timestamp: 'yesterday', device_id: 'm1', measurement_value: 1 }),
      JSON.stringify({ timestamp: t0, device_id: 'm1', measurement_value: 1, extra: true }),
    ];
    await h.publishRaw('consumptions', [
      valid(0),
      bad[0]!,
      valid(1),
      bad[1]!,
      bad[2]!,
      valid(2),
      bad[3]!,
      valid(3),
    ]);
    await h.waitForReadings(4);
    const dead = await waitFor(async () => {
      const got = await drainQueue(deadLetterQueueOf(h.queues.consumptions));
      return got.length ? got : undefined;
    });
    const all = [...dead];
    while (all.length < 4) all.push(...(await drainQueue(deadLetterQueueOf(h.queues.consumptions))));
    expect(all.map((d) => d.body).sort()).toEqual([...bad].sort());
    const reasons = Object.fromEntries(
      all.map((d) => [d.body, String(d.headers[DEAD_LETTER_REASON_HEADER])]),
    );
    expect(reasons['not json']).toMatch(/^not JSON/);
    expect(reasons[bad[1]!]).toMatch(/measurement_value/);
    expect(reasons[bad[2]!]).toMatch(/timestamp/);
    expect(reasons[bad[3]!]).toMatch(/extra/);
    expect(h.service.store.energy.sum(h.service.store.devices.get('m1')!.key, t0, t0 + 4 * H)).toBe(3);
    expect(h.service.store.deadLetters()).toEqual({ [h.queues.consumptions]: 4 });
  });

  it('gives the same totals as one clean pass for duplicates, out-of-order arrival and redelivery', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const series: Consumption[] = [];
    for (let i = 0; i < 400; i++) {
      for (const d of ['a', 'b', 'c']) {
        series.push({
          timestamp: t0 + i * 7 * MIN,
          device_id: d,
          measurement_value: i * 0.37 + (d === 'b' ? 1 : 0),
        });
      }
    }
    const clean = await harness();
    await clean.publishReadings(series);
    await clean.waitForReadings(series.length);

    const messy = await harness();
    const deliveries = [...series].reverse();
    for (let i = 0; i < series.length; i += 5) deliveries.splice(i * 2, 0, series[i]!);
    await messy.publishReadings(deliveries.slice(0, 800));
    // Stopping mid-stream leaves deliveries unacked; the broker redelivers them after the restart.
    await messy.waitForReadings(100);
    await messy.restart();
    await messy.publishReadings(deliveries.slice(800));
    await messy.waitForReadings(series.length);
    await messy.waitForApplied(deliveries.length - 800);

    expect(bucketTable(messy.service)).toEqual(bucketTable(clean.service));
    expect(readingCount(messy.service)).toBe(series.length);
  });

  it('applies device events in version order, raising alerts only for assigned devices, once per hour', async () => {
    const h = await harness();
    const events = [
      upserted('owned', 'u1', 1, 2),
      upserted('owned', null, 1, 1),
      upserted('free', null, 1, 1),
    ];
    await h.publishRaw(
      'devices',
      events.map((e) => JSON.stringify(e)),
    );
    await waitFor(() => h.service.store.devices.get('free')?.version === 1);
    expect(h.service.store.devices.get('owned')).toMatchObject({ user_id: 'u1', version: 2 });

    const t0 = Date.UTC(2026, 0, 1);
    const readings = ['owned', 'free'].flatMap((id) =>
      [0, 1, 2, 3].map((i) => ({ timestamp: t0 + i * 20 * MIN, device_id: id, measurement_value: i * 0.5 })),
    );
    await h.publishReadings(readings);
    await h.waitForReadings(8);
    const alerts = (await h.get<{ alerts: Alert[] }>('/api/alerts')).body.alerts;
    expect(alerts).toEqual([
      expect.objectContaining({
        device_id: 'owned',
        user_id: 'u1',
        hour_start: '2026-01-01T00:00:00+00:00',
        kwh: 1.5,
        max_hourly_kwh: 1,
      }),
    ]);

    // After a restart, the same readings again and more energy in that hour raise nothing new.
    await h.restart();
    await h.publishReadings([
      ...readings,
      { timestamp: t0 + 50 * MIN, device_id: 'owned', measurement_value: 3 },
    ]);
    await h.waitForApplied(readings.length + 1);
    expect(readingCount(h.service)).toBe(9);
    expect((await h.get<{ alerts: Alert[] }>('/api/alerts')).body.alerts).toHaveLength(1);

    await h.publishRaw('devices', [
      JSON.stringify({ type: 'device.deleted', device_id: 'owned', version: 3 }),
    ]);
    await waitFor(() => h.service.store.devices.get('owned')?.deleted === 1);
    expect(h.service.store.devices.get('owned')?.user_id).toBeNull();
  });

  it('answers the query API in any time zone, with 400 naming a bad parameter and 404 for an unknown device', async () => {
    const h = await harness('Europe/Bucharest');
    const t0 = Date.UTC(2026, 9, 24, 21, 0); // 2026-10-25 00:00 in Bucharest, a 25-hour day
    const readings = Array.from({ length: 49 }, (_, i) => ({
      timestamp: t0 + i * 30 * MIN,
      device_id: 'dst',
      measurement_value: i * 0.25,
    }));
    await h.publishReadings(readings);
    await h.waitForReadings(49);

    const fallBack = (await h.get<HourlyResponse>('/api/devices/dst/hourly?date=2026-10-25')).body;
    expect(fallBack.hours).toHaveLength(25);
    expect(fallBack.hours.slice(3, 5).map((x) => x.start)).toEqual([
      '2026-10-25T03:00:00+03:00',
      '2026-10-25T03:00:00+02:00',
    ]);
    expect(fallBack.hours.slice(0, 24).every((x) => x.kwh === 0.5 && x.readings === 2)).toBe(true);

    const kolkata = (await h.get<HourlyResponse>('/api/devices/dst/hourly?date=2026-10-25&tz=Asia/Kolkata'))
      .body;
    expect(kolkata.hours).toHaveLength(24);
    expect(kolkata.hours[3]).toEqual({ start: '2026-10-25T03:00:00+05:30', kwh: 0.5, readings: 2 });

    const daily = await h.get<{ days: Array<{ date: string; kwh: number; readings: number }> }>(
      '/api/devices/dst/daily?month=2026-10',
    );
    expect(daily.body.days).toHaveLength(31);
    expect(daily.body.days[24]).toMatchObject({ date: '2026-10-25', kwh: 12, readings: 49 });

    expect(await h.get('/api/devices/dst/hourly?date=2026-13-01')).toMatchObject({
      status: 400,
      body: { fields: { date: expect.any(String) } },
    });
    expect(await h.get('/api/devices/dst/hourly?date=2026-10-25&tz=Mars/Base')).toMatchObject({
      status: 400,
      body: { fields: { tz: expect.any(String) } },
    });
    expect(await h.get('/api/devices/dst/daily?month=2026-1')).toMatchObject({
      status: 400,
      body: { fields: { month: expect.any(String) } },
    });
    expect((await h.get('/api/devices/nobody/hourly?date=2026-10-25')).status).toBe(404);
    expect((await h.get('/api/devices/nobody/quality')).status).toBe(404);
    expect((await h.get('/api/devices/dst/quality')).body).toEqual({
      device_id: 'dst',
      resets: 0,
      glitches: 0,
      quarantined: 0,
      duplicates: 0,
      corrections: 0,
    });
  });

  it('acknowledges an alert once and answers 404 for an unknown one', async () => {
    const h = await harness();
    await h.publishRaw('devices', [JSON.stringify(upserted('m', 'u', 0.1, 1))]);
    await waitFor(() => h.service.store.devices.get('m')?.version === 1);
    const t0 = Date.UTC(2026, 0, 1);
    await h.publishReadings(
      [0, 1].map((i) => ({ timestamp: t0 + i * 10 * MIN, device_id: 'm', measurement_value: i })),
    );
    const alert = await waitFor(
      async () => (await h.get<{ alerts: Alert[] }>('/api/alerts?device_id=m')).body.alerts[0],
    );
    const first = (await h.post<Alert>(`/api/alerts/${alert.id}/ack`)).body;
    expect(first.acknowledged_at).not.toBeNull();
    const second = (await h.post<Alert>(`/api/alerts/${alert.id}/ack`)).body;
    expect(second.acknowledged_at).toBe(first.acknowledged_at);
    expect((await h.post('/api/alerts/999999/ack')).status).toBe(404);
    expect(await h.post('/api/alerts/abc/ack')).toMatchObject({
      status: 400,
      body: { fields: { id: expect.any(String) } },
    });
    expect((await h.get<{ alerts: Alert[] }>('/api/alerts?acknowledged=false')).body.alerts).toEqual([]);
  });
});
