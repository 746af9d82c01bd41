// Spreads the energy of one interval over 15-minute buckets aligned to UTC.
// Every IANA offset is a multiple of 15 minutes, so any local hour or day is an exact sum of buckets.

export const BUCKET_MS = 15 * 60 * 1000;

/** Start (epoch ms) of the UTC quarter-hour that contains `t`. */
export function bucketStart(t: number): number {
  return Math.floor(t / BUCKET_MS) * BUCKET_MS;
}

export interface BucketShare {
  /** Bucket start, epoch ms. */
  start: number;
  /** Energy in kWh. */
  kwh: number;
}

/**
 * Energy of the interval (from, to], in kWh, split in proportion to time across quarter-hours.
 * Only the buckets that overlap [clipFrom, clipTo) are returned.
 *
 * Each bucket's share is `kwh × overlap / duration`, computed the same way whether or not the interval is
 * clipped, so summing shares in reading order gives bit-identical totals however the work is divided.
 */
export function spreadInterval(
  from: number,
  to: number,
  kwh: number,
  clipFrom = -Infinity,
  clipTo = Infinity,
): BucketShare[] {
  const duration = to - from;
  if (!(duration > 0) || kwh === 0) return [];
  const shares: BucketShare[] = [];
  for (let start = bucketStart(Math.max(from, clipFrom)); start < to && start < clipTo; start += BUCKET_MS) {
    const overlap = Math.min(to, start + BUCKET_MS) - Math.max(from, start);
    if (overlap > 0) shares.push({ start, kwh: kwh * (overlap / duration) });
  }
  return shares;
}
