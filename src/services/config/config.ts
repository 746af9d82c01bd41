// The one place that reads process.env: documented defaults, validated at start-up, handed down typed.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../../shared/time/local-time';

const port = z.coerce.number().int().min(0).max(65_535);
const queueName = z.string().min(1).max(200);
/** Base URL of a service, e.g. http://10.0.0.5:8080; a trailing slash is dropped. */
const serviceUrl = z
  .url({ protocol: /^https?$/ })
  .transform((u) => u.replace(/\/+$/, ''))
  .optional();

/** The broker tried when WATTDESK_AMQP_URL is unset; if it does not answer, the in-process bus is used. */
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

const envSchema = z.object({
  WATTDESK_AMQP_URL: z.url({ protocol: /^amqps?$/ }).optional(),
  WATTDESK_DATA_DIR: z.string().min(1).optional(),
  WATTDESK_MONITORING_PORT: port.default(9001),
  WATTDESK_PORT: port.default(3000),
  WATTDESK_QUEUE_CONSUMPTIONS: queueName.default('consumptions'),
  WATTDESK_QUEUE_DEVICES: queueName.default('devices'),
  WATTDESK_TZ: z.string().refine(isTimeZone, { message: 'must be an IANA time zone' }).optional(),
  WATTDESK_MAX_POWER_KW: z.coerce.number().positive().default(1000),
  WATTDESK_USERS_PORT: port.default(8080),
  WATTDESK_DEVICES_PORT: port.default(8081),
  /** Unset: the service on this machine, http://127.0.0.1:<its port>. */
  WATTDESK_USERS_URL: serviceUrl,
  WATTDESK_DEVICES_URL: serviceUrl,
  WATTDESK_MONITORING_URL: serviceUrl,
  /** Password of the `admin` account created on first start; unset: generated and logged once. */
  WATTDESK_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(1024).optional(),
  /** Queue of user events (user.deleted), durable. */
  WATTDESK_QUEUE_USERS: queueName.default('users'),
  /**
   * A standalone service that needs a service token (monitoring, for the device snapshot) signs in
   * with a `service` account an admin created: no shared signing secret. Both set, or neither.
   */
  WATTDESK_SERVICE_USERNAME: z.string().min(1).max(64).optional(),
  WATTDESK_SERVICE_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(1024).optional(),
  WATTDESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  /** An explicit broker URL, or null to try DEFAULT_AMQP_URL and fall back to the in-process bus. */
  amqpUrl: string | null;
  dataDir: string;
  monitoringPort: number;
  /** Port of the headless host (`npm run serve`): UI and APIs on one origin. */
  port: number;
  queues: { consumptions: string; devices: string };
  /** The site time zone, used for alert hours and as the default of queries. */
  tz: string;
  /** Plausibility cap: a reading implying a higher average power, kW, is quarantined. */
  maxPowerKw: number;
  logLevel: z.infer<typeof envSchema>['WATTDESK_LOG_LEVEL'];
  /** Queue of user events (user.deleted); beside `queues` so that existing partial configs stay valid. */
  usersQueue: string;
  usersPort: number;
  devicesPort: number;
  /** Base URLs (no trailing slash) by which services reach each other. */
  usersUrl: string;
  devicesUrl: string;
  monitoringUrl: string;
  /** For the first admin only; null: generate one. */
  adminPassword: string | null;
  /** The `service` account a standalone service signs in with, or null (embedded, or not needed). */
  serviceAccount: { username: string; password: string } | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema
    .refine(
      (e) => (e.WATTDESK_SERVICE_USERNAME === undefined) === (e.WATTDESK_SERVICE_PASSWORD === undefined),
      {
        message: 'set both or neither of WATTDESK_SERVICE_USERNAME and WATTDESK_SERVICE_PASSWORD',
        path: ['WATTDESK_SERVICE_PASSWORD'],
      },
    )
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    amqpUrl: e.WATTDESK_AMQP_URL ?? null,
    dataDir: e.WATTDESK_DATA_DIR ?? defaultDataDir(env),
    monitoringPort: e.WATTDESK_MONITORING_PORT,
    port: e.WATTDESK_PORT,
    queues: { consumptions: e.WATTDESK_QUEUE_CONSUMPTIONS, devices: e.WATTDESK_QUEUE_DEVICES },
    tz: e.WATTDESK_TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    maxPowerKw: e.WATTDESK_MAX_POWER_KW,
    logLevel: e.WATTDESK_LOG_LEVEL,
    usersQueue: e.WATTDESK_QUEUE_USERS,
    usersPort: e.WATTDESK_USERS_PORT,
    devicesPort: e.WATTDESK_DEVICES_PORT,
    usersUrl: e.WATTDESK_USERS_URL ?? localUrl(e.WATTDESK_USERS_PORT),
    devicesUrl: e.WATTDESK_DEVICES_URL ?? localUrl(e.WATTDESK_DEVICES_PORT),
    monitoringUrl: e.WATTDESK_MONITORING_URL ?? localUrl(e.WATTDESK_MONITORING_PORT),
    adminPassword: e.WATTDESK_ADMIN_PASSWORD ?? null,
    serviceAccount:
      e.WATTDESK_SERVICE_USERNAME && e.WATTDESK_SERVICE_PASSWORD
        ? { username: e.WATTDESK_SERVICE_USERNAME, password: e.WATTDESK_SERVICE_PASSWORD }
        : null,
  };
}

function localUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** The per-user data folder of each platform. */
function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? homedir();
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'WattDesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'WattDesk');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'wattdesk');
  }
}
