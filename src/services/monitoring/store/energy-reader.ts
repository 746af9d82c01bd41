// Reads energy back out: sums of quarter-hour buckets, reading counts, data-quality counts.
import { ReadingKind } from '../../../shared/energy/classify';
import type { Db } from '../../sqlite/open-database';

export interface Interval {
  start: number;
  end: number;
}

export interface QualityCounts {
  resets: number;
  glitches: number;
  quarantined: number;
  duplicates: number;
  corrections: number;
}

export class EnergyReader {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      buckets: db.prepare<[number, number, number], { bucket_start: number; kwh: number }>(
        `SELECT bucket_start, kwh FROM buckets
         WHERE device_key = ? AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start`,
      ),
      readingTimes: db
        .prepare<
          [number, number, number],
          number
        >('SELECT ts FROM readings WHERE device_key = ? AND ts >= ? AND ts < ? ORDER BY ts')
        .pluck(),
      kinds: db.prepare<[number], { kind: number; n: number }>(
        `SELECT kind, count(*) AS n FROM readings WHERE device_key = ? AND kind IN (${ReadingKind.Reset},
         ${ReadingKind.Glitch}, ${ReadingKind.Quarantined}) GROUP BY kind`,
      ),
      counters: db.prepare<[number], { duplicates: number; corrections: number }>(
        'SELECT duplicates, corrections FROM devices WHERE key = ?',
      ),
    };
  }

  /** Energy of [from, to), kWh: bucket shares summed in time order, so equal data gives equal sums. */
  sum(deviceKey: number, from: number, to: number): number {
    let total = 0;
    for (const b of this.stmt.buckets.all(deviceKey, from, to)) total += b.kwh;
    return total;
  }

  /**
   * Energy and reading count of each of a run of consecutive intervals, in one pass over each table.
   * A reading counts in the interval its timestamp falls in; energy by the quarter-hours of the interval.
   */
  totals(deviceKey: number, intervals: Interval[]): Array<{ kwh: number; readings: number }> {
    const out = intervals.map(() => ({ kwh: 0, readings: 0 }));
    if (intervals.length === 0) return out;
    const from = intervals[0]!.start;
    const to = intervals[intervals.length - 1]!.end;
    let i = 0;
    for (const b of this.stmt.buckets.all(deviceKey, from, to)) {
      while (b.bucket_start >= intervals[i]!.end) i++;
      out[i]!.kwh += b.kwh;
    }
    i = 0;
    for (const ts of this.stmt.readingTimes.all(deviceKey, from, to)) {
      while (ts >= intervals[i]!.end) i++;
      out[i]!.readings++;
    }
    return out;
  }

  quality(deviceKey: number): QualityCounts {
    const counts = new Map(this.stmt.kinds.all(deviceKey).map((r) => [r.kind, r.n]));
    const counters = this.stmt.counters.get(deviceKey) ?? { duplicates: 0, corrections: 0 };
    return {
      resets: counts.get(ReadingKind.Reset) ?? 0,
      glitches: counts.get(ReadingKind.Glitch) ?? 0,
      quarantined: counts.get(ReadingKind.Quarantined) ?? 0,
      ...counters,
    };
  }
}
