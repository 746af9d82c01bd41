// The energy rules of docs/energy-rules.md, through the real store on a SQLite file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Consumption } from '../../../shared/contracts/consumption';
import { useTempDirs } from '../../testing/temp-dir';
import { openMonitoringStore, type MonitoringStore } from '../store/monitoring-store';

const tempDir = useTempDirs();
const H = 3_600_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 0, 0);

function open(maxPowerKw = 1000): MonitoringStore {
  return openMonitoringStore(join(tempDir(), 'monitoring.db'), { tz: 'UTC', maxPowerKw });
}

function reading(ts: number, value: number, device_id = 'm1'): Consumption {
  return { timestamp: ts, device_id, measurement_value: value };
}

function hourKwh(store: MonitoringStore, start: number, device = 'm1'): number {
  return store.energy.sum(store.devices.get(device)!.key, start, start + H);
}

function allBuckets(
  store: MonitoringStore,
): Array<{ device_key: number; bucket_start: number; kwh: number }> {
  return store.db.prepare('SELECT device_key, bucket_start, kwh FROM buckets ORDER BY 1, 2').all() as never;
}

describe('the reading ledger', () => {
  it('makes the first reading a baseline that carries no energy', () => {
    const store = open();
    store.ingestor.ingest([reading(T0, 500)]);
    expect(allBuckets(store)).toEqual([]);
  });

  it('gives an hour the register at its end minus the register at its start when readings are on the hour', () => {
    const store = open();
    store.ingestor.ingest([reading(T0, 10), reading(T0 + H, 11.25), reading(T0 + 2 * H, 11.5)]);
    expect(hourKwh(store, T0)).toBe(1.25);
    expect(hourKwh(store, T0 + H)).toBe(0.25);
  });

  it('spreads a reading across quarter-hours in proportion to time', () => {
    const store = open();
    // 00:10 → 00:40 carries 3 kWh: 5 minutes in 00:00, 15 in 00:15, 10 in 00:30.
    store.ingestor.ingest([reading(T0 + 10 * MIN, 0), reading(T0 + 40 * MIN, 3)]);
    expect(allBuckets(store).map((b) => [b.bucket_start - T0, b.kwh])).toEqual([
      [0, 0.5],
      [15 * MIN, 1.5],
      [30 * MIN, 1],
    ]);
  });

  it('counts a reset from zero, keeps the baseline over a glitch, and never counts a quarantined reading', () => {
    const store = open(10);
    store.ingestor.ingest([
      reading(T0, 100),
      reading(T0 + H, 102), // +2
      reading(T0 + 2 * H, 101), // glitch: no energy, baseline stays 102
      reading(T0 + 3 * H, 104), // +2 against 102, spread over hours 1 and 2
      reading(T0 + 4 * H, 200), // 96 kWh in an hour > 10 kW: quarantined
      reading(T0 + 5 * H, 105), // +1 against 104, spread over hours 3 and 4
      reading(T0 + 6 * H, 5), // reset: 5 from zero, in hour 5
    ]);
    expect([0, 1, 2, 3, 4, 5].map((h) => hourKwh(store, T0 + h * H))).toEqual([2, 1, 1, 0.5, 0.5, 5]);
    expect(store.energy.quality(store.devices.get('m1')!.key)).toEqual({
      resets: 1,
      glitches: 1,
      quarantined: 1,
      duplicates: 0,
      corrections: 0,
    });
  });

  it('changes nothing for a repeated reading, and counts it as a duplicate', () => {
    const store = open();
    store.ingestor.ingest([reading(T0, 1), reading(T0 + H, 2)]);
    const before = allBuckets(store);
    const result = store.ingestor.ingest([reading(T0 + H, 2), reading(T0, 1)]);
    expect(result.outcomes.duplicate).toBe(2);
    expect(allBuckets(store)).toEqual(before);
    expect(store.energy.quality(store.devices.get('m1')!.key).duplicates).toBe(2);
  });

  it('replaces a value by a correction at the same timestamp', () => {
    const store = open();
    store.ingestor.ingest([reading(T0, 1), reading(T0 + H, 2), reading(T0 + 2 * H, 4)]);
    store.ingestor.ingest([reading(T0 + H, 3)]);
    expect(hourKwh(store, T0)).toBe(2);
    expect(hourKwh(store, T0 + H)).toBe(1);
    expect(store.energy.quality(store.devices.get('m1')!.key).corrections).toBe(1);
  });

  it('splits an interval when a late reading falls between two stored ones', () => {
    const store = open();
    store.ingestor.ingest([reading(T0, 0), reading(T0 + 2 * H, 4)]);
    expect(hourKwh(store, T0)).toBe(2);
    const result = store.ingestor.ingest([reading(T0 + H, 3)]);
    expect(result.outcomes.late).toBe(1);
    expect(hourKwh(store, T0)).toBe(3);
    expect(hourKwh(store, T0 + H)).toBe(1);
  });

  it('lets a late reading before the first one become the baseline', () => {
    const store = open();
    store.ingestor.ingest([reading(T0 + H, 5), reading(T0 + 2 * H, 6)]);
    store.ingestor.ingest([reading(T0, 2)]);
    expect(hourKwh(store, T0)).toBe(3);
    expect(hourKwh(store, T0 + H)).toBe(1);
  });

  it('gives bit-identical buckets for any arrival order, duplicates and corrections included', () => {
    const series = noisySeries(600, 7);
    const clean = open(20);
    clean.ingestor.ingest(series);
    const expected = allBuckets(clean);

    const shuffled = open(20);
    const random = mulberry32(99);
    const deliveries = [...series, ...series.filter(() => random() < 0.2)];
    // A wrong value first, corrected later: the final set of readings is the same.
    deliveries.push({ ...series[300]!, measurement_value: series[300]!.measurement_value + 7 });
    shuffle(deliveries, random);
    deliveries.push(series[300]!);
    for (let i = 0; i < deliveries.length; i += 37) shuffled.ingestor.ingest(deliveries.slice(i, i + 37));

    expect(allBuckets(shuffled)).toEqual(expected);
    const quality = (s: MonitoringStore) => {
      const { resets, glitches, quarantined } = s.energy.quality(s.devices.get('m1')!.key);
      return { resets, glitches, quarantined };
    };
    expect(quality(shuffled)).toEqual(quality(clean));
    expect(quality(clean).glitches + quality(clean).resets + quality(clean).quarantined).toBeGreaterThan(3);
  });
});

/** A register with irregular steps, glitches, spikes and resets, at irregular times. */
function noisySeries(n: number, seed: number): Consumption[] {
  const random = mulberry32(seed);
  const out: Consumption[] = [];
  let ts = T0;
  let register = 50;
  for (let i = 0; i < n; i++) {
    ts += (3 + Math.floor(random() * 20)) * MIN;
    const dice = random();
    let value: number;
    if (dice < 0.02)
      value = register * 0.5; // glitch
    else if (dice < 0.03)
      value = register + 5_000; // implausible spike
    else if (dice < 0.035)
      value = register = random() * 2; // reset
    else value = register += random() * 0.6;
    out.push(reading(ts, value));
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
