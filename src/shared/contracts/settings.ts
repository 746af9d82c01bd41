// The desktop app's settings: how it runs its services, persisted in its user data folder and edited on the
// Settings screen. Only the desktop host has them; in a browser there are none.
import { z } from 'zod';
import { timeZoneSchema } from './monitoring-api';

/** Base URL of a service, e.g. http://10.0.0.5:8080; a trailing slash is dropped. */
const serviceUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((u) => u.replace(/\/+$/, ''));

export const servicesSettingSchema = z.discriminatedUnion('mode', [
  /** Users, devices and monitoring run inside the app, on their configured ports. */
  z.strictObject({ mode: z.literal('embedded') }),
  /** The app is a client of services running elsewhere. */
  z.strictObject({
    mode: z.literal('remote'),
    users_url: serviceUrlSchema,
    devices_url: serviceUrlSchema,
    monitoring_url: serviceUrlSchema,
  }),
]);
export type ServicesSetting = z.infer<typeof servicesSettingSchema>;

export const settingsSchema = z.strictObject({
  services: servicesSettingSchema,
  /** RabbitMQ to use; null: try the local broker, and fall back to the in-process bus. */
  amqp_url: z.url({ protocol: /^amqps?$/, error: 'must be an amqp:// or amqps:// URL' }).nullable(),
  /** The site time zone (IANA): alert hours and day boundaries. */
  site_tz: timeZoneSchema,
  /** Native notifications of over-limit alerts. */
  notifications: z.boolean(),
  /** Closing the window keeps the app running in the tray. */
  close_to_tray: z.boolean(),
  start_at_login: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
