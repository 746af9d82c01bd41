// The schema of every request's arguments, checked in main before anything runs: the renderer is not
// trusted to send what its types say. The services check again; this edge refuses early and uniformly.
import { z } from 'zod';
import type { ApiFailure, ApiRequestName, ApiRequests } from '../shared/contracts/api';
import { loginRequestSchema } from '../shared/contracts/auth';
import { deviceIdSchema } from '../shared/contracts/consumption';
import {
  createDeviceRequestSchema,
  deviceIdParamSchema,
  updateDeviceRequestSchema,
} from '../shared/contracts/devices-api';
import { timeZoneSchema } from '../shared/contracts/monitoring-api';
import { settingsSchema } from '../shared/contracts/settings';
import { simulatorStartRequestSchema } from '../shared/contracts/simulator-api';
import {
  createUserRequestSchema,
  passwordSchema,
  updateUserRequestSchema,
  userIdSchema,
} from '../shared/contracts/users-api';

/** A request without arguments: `invoke(name)` sends undefined. */
const none = z.undefined();

export const requestArguments: { [K in ApiRequestName]: z.ZodType<ApiRequests[K]['args']> } = {
  'session-get': none,
  'session-login': loginRequestSchema,
  'session-logout': none,
  'first-run-get': none,
  'first-run-complete': none,
  'status-get': none,

  'users-list': none,
  'user-create': createUserRequestSchema,
  'user-update': z.strictObject({ id: userIdSchema, changes: updateUserRequestSchema }),
  'user-delete': z.strictObject({ id: userIdSchema }),
  'user-password-set': z.strictObject({ id: userIdSchema, password: passwordSchema }),

  'devices-list': none,
  'device-create': createDeviceRequestSchema,
  'device-update': z.strictObject({ id: deviceIdParamSchema, changes: updateDeviceRequestSchema }),
  'device-delete': z.strictObject({ id: deviceIdParamSchema }),

  'hourly-get': z.strictObject({
    device_id: deviceIdSchema,
    date: z.iso.date(),
    tz: timeZoneSchema.optional(),
  }),
  'daily-get': z.strictObject({
    device_id: deviceIdSchema,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
    tz: timeZoneSchema.optional(),
  }),
  'quality-get': z.strictObject({ device_id: deviceIdSchema }),
  'alerts-list': z.strictObject({
    device_id: deviceIdSchema.optional(),
    since: z.union([z.iso.datetime({ offset: true }), z.string().regex(/^\d+$/)]).optional(),
    acknowledged: z.boolean().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'alert-ack': z.strictObject({ id: z.number().int().positive() }),
  'live-subscribe': z.strictObject({ device_ids: z.array(deviceIdSchema).max(10_000) }),

  'simulator-get': none,
  'simulator-start': simulatorStartRequestSchema,
  'simulator-pause': none,
  'simulator-resume': none,
  'simulator-stop': none,

  'settings-get': none,
  'settings-set': settingsSchema,
};

export type ArgumentsCheck<K extends ApiRequestName> =
  | { ok: true; args: ApiRequests[K]['args'] }
  | { ok: false; failure: ApiFailure };

/** The arguments as the schema parses them, or a 400 naming each field that is wrong. */
export function checkArguments<K extends ApiRequestName>(name: K, raw: unknown): ArgumentsCheck<K> {
  const parsed = (requestArguments[name] as z.ZodType<ApiRequests[K]['args']>).safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'arguments'] ??= issue.message;
  return { ok: false, failure: { status: 400, error: `invalid arguments for ${name}`, fields } };
}
