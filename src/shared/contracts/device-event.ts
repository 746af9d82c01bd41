// Queue `devices`: what the devices service publishes on every change, in version order per device.
import { z } from 'zod';
import { deviceIdSchema } from './consumption';

export const deviceSchema = z.strictObject({
  id: deviceIdSchema,
  user_id: z.string().min(1).max(128).nullable(),
  description: z.string().max(500),
  address: z.string().max(500),
  /** Limit on energy per local hour, kWh. */
  max_hourly_kwh: z.number().positive().max(1e9),
});
export type Device = z.infer<typeof deviceSchema>;

const versionSchema = z.int().nonnegative();

export const deviceUpsertedSchema = z.strictObject({
  type: z.literal('device.upserted'),
  device: deviceSchema,
  version: versionSchema,
});

export const deviceDeletedSchema = z.strictObject({
  type: z.literal('device.deleted'),
  device_id: deviceIdSchema,
  version: versionSchema,
});

export const deviceEventSchema = z.discriminatedUnion('type', [deviceUpsertedSchema, deviceDeletedSchema]);
export type DeviceEvent = z.infer<typeof deviceEventSchema>;
