// The Settings screen's form values and the desktop Settings they stand for: text fields as typed, checked
// with the shared schema before anything is sent.
import { settingsSchema, type Settings } from '../../../shared/contracts/settings';
import { sentence, type FieldErrors } from '../admin/form-errors';

/** The screen is a desktop one: the browser host has no settings. */
export const SETTINGS_ROUTE = '/settings';

export function settingsAvailable(): boolean {
  return typeof window !== 'undefined' && window.wattdesk !== undefined;
}

export interface SettingsFormValues {
  mode: 'embedded' | 'remote';
  users_url: string;
  devices_url: string;
  monitoring_url: string;
  /** Empty: the local broker, or the in-process bus without one. */
  amqp_url: string;
  site_tz: string;
  notifications: boolean;
  close_to_tray: boolean;
  start_at_login: boolean;
}

export const LABELS: Record<string, string> = {
  users_url: 'Users service URL',
  devices_url: 'Devices service URL',
  monitoring_url: 'Monitoring service URL',
  amqp_url: 'RabbitMQ URL',
  site_tz: 'Site time zone',
};

export function toFormValues(s: Settings): SettingsFormValues {
  const remote = s.services.mode === 'remote' ? s.services : null;
  return {
    mode: s.services.mode,
    users_url: remote?.users_url ?? '',
    devices_url: remote?.devices_url ?? '',
    monitoring_url: remote?.monitoring_url ?? '',
    amqp_url: s.amqp_url ?? '',
    site_tz: s.site_tz,
    notifications: s.notifications,
    close_to_tray: s.close_to_tray,
    start_at_login: s.start_at_login,
  };
}

export type FormCheck = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

/** The settings the values describe, or the first problem of each field as a sentence. */
export function fromFormValues(v: SettingsFormValues): FormCheck {
  const candidate = {
    services:
      v.mode === 'embedded'
        ? { mode: 'embedded' }
        : {
            mode: 'remote',
            users_url: v.users_url.trim(),
            devices_url: v.devices_url.trim(),
            monitoring_url: v.monitoring_url.trim(),
          },
    amqp_url: v.amqp_url.trim() === '' ? null : v.amqp_url.trim(),
    site_tz: v.site_tz,
    notifications: v.notifications,
    close_to_tray: v.close_to_tray,
    start_at_login: v.start_at_login,
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // services.users_url → users_url: the form shows the service URLs as fields of their own.
    const name = String(issue.path[0] === 'services' ? (issue.path[1] ?? '') : (issue.path[0] ?? ''));
    if (name in LABELS && !(name in errors)) errors[name] = sentence(LABELS[name]!, issue.message);
  }
  return { ok: false, errors };
}

/** The zones to choose from, with the current one first kept even when this runtime does not list it. */
export function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
