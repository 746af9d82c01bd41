// The simulator and monitoring together on the real broker: the bundled sample file, replayed at full speed
// for two devices with different register offsets, gives hourly totals equal to the register differences.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HourlyResponse } from '../shared/contracts/monitoring-api';
import { createReplay, SAMPLE_CSV } from '../../simulator';
import { startHarness, type Harness } from '../services/testing/monitoring-harness';
import { useTempDirs } from '../services/testing/temp-dir';

const tempDir = useTempDirs();
let h: Harness;
afterEach(async () => {
  await h.dispose();
});

const TEN_MIN = 600_000;
/** Two days of the sample: 288 readings, starting at local midnight in Bucharest. */
const LINES = 289;
const START = Date.UTC(2026, 5, 14, 21, 0);

describe('a simulator replay consumed by monitoring', () => {
  it('gives hourly totals equal to the differences of the replayed register', async () => {
    h = await startHarness(tempDir(), 'Europe/Bucharest');
    const register = readFileSync(SAMPLE_CSV, 'utf8').trim().split('\n').slice(0, LINES).map(Number);
    const file = `${tempDir()}/two-days.csv`;
    writeFileSync(file, `${register.join('\n')}\n`);

    const replay = createReplay({
      file,
      devices: ['kitchen', 'garage'],
      start: START,
      speed: 'max',
      deviceOffset: { kind: 'random' },
      queue: h.queues.consumptions,
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
    });
    const summary = await replay.start();
    expect(summary).toMatchObject({ outcome: 'completed' });
    await h.waitForReadings(2 * LINES);
    const firstValue = (device: string) =>
      h.service.store.db
        .prepare(
          'SELECT value FROM readings r JOIN devices d ON d.key = r.device_key WHERE d.id = ? ORDER BY ts LIMIT 1',
        )
        .pluck()
        .get(device);
    expect(firstValue('kitchen')).not.toBe(firstValue('garage'));

    for (const device of ['kitchen', 'garage']) {
      for (const [day, date] of ['2026-06-15', '2026-06-16'].entries()) {
        const { body } = await h.get<HourlyResponse>(`/api/devices/${device}/hourly?date=${date}`);
        expect(body.hours).toHaveLength(24);
        body.hours.forEach((hour, i) => {
          const first = (day * 24 + i) * 6;
          expect(hour.kwh).toBeCloseTo(register[first + 6]! - register[first]!, 9);
          expect(Date.parse(hour.start)).toBe(START + first * TEN_MIN);
        });
      }
    }
  });
});
