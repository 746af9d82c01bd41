import { z } from 'zod';

/** Readings before this instant (2000-01-01T00:00:00Z) are not plausible meter data. */
export const EARLIEST_TIMESTAMP_MS = Date.UTC(2000, 0, 1);
/** Readings at or after this instant (2100-01-01T00:00:00Z) are not plausible meter data. */
export const LATEST_TIMESTAMP_MS = Date.UTC(2100, 0, 1);

/** Epoch milliseconds, or an ISO-8601 string with an offset; normalised to epoch ms. */
export const timestampSchema = z
  .union([z.int(), z.iso.datetime({ offset: true, local: false })])
  .transform((v) => (typeof v === 'number' ? v : Date.parse(v)))
  .refine((ms) => ms >= EARLIEST_TIMESTAMP_MS && ms < LATEST_TIMESTAMP_MS, {
    message: 'must be between 2000-01-01 and 2100-01-01',
  });
