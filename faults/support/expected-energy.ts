// What the energy rules give for in-order readings of one device, computed the way the store computes it
// (each interval's shares added to its buckets in timestamp order, an hour summed from its buckets in order),
// so a store that lost or double-counted nothing matches it bit for bit.
import { classifyReading, type GoodReading } from '../../src/shared/energy/classify';
import { spreadInterval } from '../../src/shared/energy/quarter-hours';
import { localHourStart } from '../../src/shared/time/local-time';

/** Device id, local hour start (epoch ms), kWh: one row of a comparison. */
export type HourTotal = [deviceId: string, hourStart: number, kwh: number];

/** kWh per UTC quarter-hour (bucket start, epoch ms) of readings given in timestamp order. */
export function bucketsOf(readings: readonly GoodReading[], maxPowerKw = 1000): Map<number, number> {
  const buckets = new Map<number, number>();
  let previous: GoodReading | null = null;
  for (const r of readings) {
    const c = classifyReading(previous, r, maxPowerKw);
    if (c.fromTs !== null)
      for (const s of spreadInterval(c.fromTs, r.ts, c.kwh)) {
        const stored = buckets.get(s.start);
        buckets.set(s.start, stored === undefined ? s.kwh : stored + s.kwh);
      }
    previous = c.nextGood;
  }
  return buckets;
}

/** Hourly totals of a device's buckets, in the site zone `tz`, ordered by hour. */
export function hourlyOf(
  deviceId: string,
  buckets: Iterable<[bucketStart: number, kwh: number]>,
  tz: string,
): HourTotal[] {
  const hours = new Map<number, number>();
  for (const [start, kwh] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const hour = localHourStart(start, tz);
    hours.set(hour, (hours.get(hour) ?? 0) + kwh);
  }
  return [...hours].map(([hour, kwh]): HourTotal => [deviceId, hour, kwh]);
}
