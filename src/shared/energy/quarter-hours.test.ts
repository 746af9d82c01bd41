import { describe, expect, it } from 'vitest';
import { BUCKET_MS, bucketStart, spreadInterval } from './quarter-hours';

const T0 = Date.UTC(2026, 0, 1, 10, 0);
const MIN = 60_000;

describe('spreadInterval', () => {
  it('puts an interval inside one quarter-hour into that bucket', () => {
    expect(spreadInterval(T0, T0 + 10 * MIN, 0.3)).toEqual([{ start: T0, kwh: 0.3 }]);
  });

  it('splits an interval across buckets in proportion to time', () => {
    // 10:10 → 10:20: five minutes in the 10:00 bucket, five in the 10:15 bucket.
    const shares = spreadInterval(T0 + 10 * MIN, T0 + 20 * MIN, 1);
    expect(shares).toEqual([
      { start: T0, kwh: 0.5 },
      { start: T0 + BUCKET_MS, kwh: 0.5 },
    ]);
  });

  it('spreads a long interval evenly over every bucket it covers', () => {
    const shares = spreadInterval(T0, T0 + 60 * MIN, 2);
    expect(shares.map((s) => s.start)).toEqual([0, 1, 2, 3].map((i) => T0 + i * BUCKET_MS));
    for (const s of shares) expect(s.kwh).toBe(0.5);
  });

  it('gives the same share per bucket whether or not the interval is clipped', () => {
    const from = T0 + 7 * MIN;
    const to = T0 + 97 * MIN;
    const full = spreadInterval(from, to, 1.7);
    const clipped = spreadInterval(from, to, 1.7, T0 + 30 * MIN, T0 + 75 * MIN);
    expect(clipped).toEqual(full.filter((s) => s.start >= T0 + 30 * MIN && s.start < T0 + 75 * MIN));
    expect(clipped).toHaveLength(3);
  });

  it('carries nothing for an empty interval or zero energy', () => {
    expect(spreadInterval(T0, T0, 1)).toEqual([]);
    expect(spreadInterval(T0, T0 + MIN, 0)).toEqual([]);
  });

  it('aligns buckets to UTC quarter-hours', () => {
    expect(bucketStart(T0 + 14 * MIN + 59_999)).toBe(T0);
    expect(bucketStart(T0 + 15 * MIN)).toBe(T0 + BUCKET_MS);
  });
});
