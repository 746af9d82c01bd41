// HTTP contract of the devices service. A device on the wire is the queue contract's device plus its version.
import { z } from 'zod';
import { deviceEventSchema, deviceSchema, type Device } from './device-event';

/** No lone UTF-16 surrogates: they cannot be stored as UTF-8, so they would not come back as sent. */
const wellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

const text = deviceSchema.shape.description.refine(wellFormed, 'must be well-formed Unicode');
/** Owners are accounts of the users service, whose ids are UUIDs; null means unassigned. */
const ownerSchema = z.uuid('must be a user id (UUID) or null').nullable();

export const deviceIdParamSchema = z.uuid('must be a device id (UUID)');

export const createDeviceRequestSchema = z.strictObject({
  /** Optional: a UUID chosen by the caller, e.g. the id a meter already reports under. Never reused. */
  id: deviceIdParamSchema.optional(),
  description: text,
  address: text,
  max_hourly_kwh: deviceSchema.shape.max_hourly_kwh,
  user_id: ownerSchema.optional(),
});
export type CreateDeviceRequest = z.infer<typeof createDeviceRequestSchema>;

/** Any subset of the fields; `user_id` assigns (a user id) or unassigns (null) the device. */
export const updateDeviceRequestSchema = z
  .strictObject({
    description: text.optional(),
    address: text.optional(),
    max_hourly_kwh: deviceSchema.shape.max_hourly_kwh.optional(),
    user_id: ownerSchema.optional(),
  })
  .refine(
    (d) => Object.keys(d).length > 0,
    'give at least one of description, address, max_hourly_kwh, user_id',
  );
export type UpdateDeviceRequest = z.infer<typeof updateDeviceRequestSchema>;

export const listDevicesQuerySchema = z.strictObject({
  user_id: z.uuid('must be a user id (UUID)').optional(),
});

/** A device with the version of its last change (the version of the last event published for it). */
export interface DeviceView extends Device {
  version: number;
}

/**
 * `GET /api/devices/snapshot`: the event that brings a consumer up to date on each device ever known,
 * live ones as device.upserted and deleted ones as device.deleted, each at its current version.
 * Apply them as queue events: keep per device whichever version is higher.
 */
export const deviceSnapshotSchema = z.strictObject({ events: z.array(deviceEventSchema) });
export type DeviceSnapshot = z.infer<typeof deviceSnapshotSchema>;
