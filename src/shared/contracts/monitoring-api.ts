// HTTP contract of the monitoring service. Times are ISO-8601 with the offset of the zone asked for.
import { z } from 'zod';
import { isTimeZone } from '../time/local-time';

export const timeZoneSchema = z.string().refine(isTimeZone, { message: 'must be an IANA time zone' });

export const hourlyQuerySchema = z.object({
  date: z.iso.date(),
  tz: timeZoneSchema.optional(),
});

export const dailyQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
  tz: timeZoneSchema.optional(),
});

export interface HourEntry {
  start: string;
  /** Energy in the hour, kWh, never rounded. */
  kwh: number;
  /** Stored readings timestamped in the hour: distinct timestamps, quarantined ones included. */
  readings: number;
}

export interface HourlyResponse {
  device_id: string;
  date: string;
  tz: string;
  max_hourly_kwh: number | null;
  hours: HourEntry[];
}

export interface DayEntry {
  date: string;
  start: string;
  kwh: number;
  readings: number;
}

export interface DailyResponse {
  device_id: string;
  month: string;
  tz: string;
  max_hourly_kwh: number | null;
  days: DayEntry[];
}

export interface Alert {
  id: number;
  device_id: string;
  /** The owner when the alert was raised. */
  user_id: string | null;
  /** Start of the local hour, in the site zone. */
  hour_start: string;
  tz: string;
  /** Energy of the hour when the alert was raised, kWh. */
  kwh: number;
  max_hourly_kwh: number;
  raised_at: string;
  acknowledged_at: string | null;
}

export const alertsQuerySchema = z.object({
  device_id: z.string().min(1).optional(),
  since: z
    .union([z.iso.datetime({ offset: true }), z.string().regex(/^\d+$/)])
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)))
    .optional(),
  acknowledged: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export interface QualityResponse {
  device_id: string;
  resets: number;
  glitches: number;
  quarantined: number;
  duplicates: number;
  corrections: number;
}

export interface ApiError {
  error: string;
  /** Field or parameter name → what is wrong with it. */
  fields?: Record<string, string>;
}
