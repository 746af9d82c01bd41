// Connections killed from the broker's side mid-stream. Runs in the serial pass of `npm test`
// (*.outage.test.ts), because it cuts every client of the broker, other tests' too.
import { afterEach, describe, expect, it } from 'vitest';
import type { Consumption } from '../../shared/contracts/consumption';
import { bucketTable, readingCount, startHarness, type Harness } from '../testing/monitoring-harness';
import { closeAllConnections } from '../testing/rabbitmq';
import { useTempDirs } from '../testing/temp-dir';
import { waitFor, withTimeout } from '../testing/wait';

const tempDir = useTempDirs();
const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.dispose()));
});

describe('the monitoring service when the broker drops every connection', () => {
  it('reconnects, resumes, and ends with exact totals', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const series: Consumption[] = [];
    for (let i = 0; i < 3_000; i++) {
      for (const d of ['x', 'y']) {
        series.push({
          timestamp: t0 + i * 10 * 60_000,
          device_id: d,
          measurement_value: i * (d === 'x' ? 0.2 : 0.3),
        });
      }
    }
    const clean = await startHarness(tempDir());
    harnesses.push(clean);
    await clean.publishReadings(series);
    await clean.waitForReadings(series.length);

    const h = await startHarness(tempDir());
    harnesses.push(h);
    const half = series.length / 2;
    await h.publishReadings(series.slice(0, half));
    await waitFor(() => readingCount(h.service) > 500, { what: 'the stream to be under way' });
    const lost = new Promise<void>((resolve) => {
      h.bus.on('status', (status: { connected: boolean }) => {
        if (!status.connected) resolve();
      });
    });
    await closeAllConnections();
    await withTimeout(lost, 15_000, 'the loss to be noticed');
    // The producer's own connection was cut as well; it publishes again on a new one.
    await h.publishReadings(series.slice(half));
    await waitFor(() => h.bus.status().connected, { what: 'the reconnection', timeoutMs: 30_000 });
    await h.waitForReadings(series.length, 60_000);

    expect(bucketTable(h.service)).toEqual(bucketTable(clean.service));
  });
});
