// The one place that reads process.env: documented defaults, validated at start-up, handed down typed.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../../shared/time/local-time';

const port = z.coerce.number().int().min(0).max(65_535);
const queueName = z.string().min(1).max(200);

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
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
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
  };
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
