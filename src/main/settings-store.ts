// The settings file: read with defaults, field by field, upgraded from older versions, written atomically.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { settingsSchema, type Settings } from '../shared/contracts/settings';
import type { Config } from '../services/config/config';

/** Version of the file this build writes. Raise it with an upgrade step when a field changes meaning. */
export const SETTINGS_VERSION = 1;

type Fields = Record<string, unknown>;

/**
 * Upgrade steps, one per version: step i turns the fields of version i into those of version i + 1.
 * Version 0 is a file without a `version` (hand-written, or from before it had one): same field names.
 */
export const SETTINGS_UPGRADES: ReadonlyArray<(fields: Fields) => Fields> = [(fields) => fields];

/** Defaults: embedded services, and the broker and zone the environment gives (loadConfig). */
export function defaultSettings(config: Pick<Config, 'amqpUrl' | 'tz'>): Settings {
  return {
    services: { mode: 'embedded' },
    amqp_url: config.amqpUrl,
    site_tz: config.tz,
    notifications: true,
    close_to_tray: true,
    start_at_login: false,
  };
}

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the file, each naming the field; those fields have their defaults. */
  problems: string[];
  /** The file should be written back: missing, older, or repaired. Never for a newer version's file. */
  rewrite: boolean;
}

/** Settings from a parsed file: upgraded to this version, then each field checked, defaults for the rest. */
export function migrateSettings(
  raw: unknown,
  defaults: Settings,
  upgrades: ReadonlyArray<(fields: Fields) => Fields> = SETTINGS_UPGRADES,
): LoadedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { settings: defaults, problems: ['the file does not hold a JSON object'], rewrite: true };
  const { version: rawVersion, ...rest } = raw as Fields;
  const problems: string[] = [];
  let version: number;
  if (rawVersion === undefined) version = 0;
  else if (typeof rawVersion === 'number' && Number.isInteger(rawVersion) && rawVersion >= 0)
    version = rawVersion;
  else {
    problems.push(`version: ${JSON.stringify(rawVersion)} is not a version; read as the current one`);
    version = upgrades.length;
  }
  const newer = version > upgrades.length;
  if (newer) problems.push(`version: ${version} is from a newer WattDesk; reading the fields this one knows`);
  let fields: Fields = rest;
  for (let v = version; v < upgrades.length; v++) fields = upgrades[v]!(fields);

  const settings = { ...defaults } as Record<keyof Settings, unknown>;
  for (const [key, schema] of Object.entries(settingsSchema.shape) as Array<
    [keyof Settings, (typeof settingsSchema.shape)[keyof Settings]]
  >) {
    if (fields[key] === undefined) continue;
    const parsed = schema.safeParse(fields[key]);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; using the default`);
  }
  const missing = Object.keys(settingsSchema.shape).some((k) => fields[k] === undefined);
  return {
    settings: settings as Settings,
    problems,
    rewrite: !newer && (version !== upgrades.length || problems.length > 0 || missing),
  };
}

/** Reads the file; a missing one gives the defaults, an unreadable one is kept aside as `<file>.corrupt`. */
export function loadSettingsFile(file: string, defaults: Settings): LoadedSettings {
  if (!existsSync(file)) return { settings: defaults, problems: [], rewrite: true };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    renameSync(file, `${file}.corrupt`);
    return {
      settings: defaults,
      problems: [`the file is not JSON (${(err as Error).message}); kept as ${file}.corrupt`],
      rewrite: true,
    };
  }
  return migrateSettings(raw, defaults);
}

/** Writes the whole file or nothing: to a temporary file, then renamed over the old one. */
export function saveSettingsFile(file: string, settings: Settings): void {
  const valid = settingsSchema.parse(settings);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: SETTINGS_VERSION, ...valid }, null, 2)}\n`, {
    mode: 0o600,
    flush: true,
  });
  renameSync(temporary, file);
}

/** Services, broker and zone are read once at start: changing them takes a restart. */
export function needsRestart(before: Settings, after: Settings): boolean {
  return (
    JSON.stringify(before.services) !== JSON.stringify(after.services) ||
    before.amqp_url !== after.amqp_url ||
    before.site_tz !== after.site_tz
  );
}
