import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../shared/contracts/settings';
import { useTempDirs } from '../services/testing/temp-dir';
import {
  defaultSettings,
  loadSettingsFile,
  migrateSettings,
  needsRestart,
  saveSettingsFile,
  SETTINGS_UPGRADES,
  SETTINGS_VERSION,
} from './settings-store';

const tempDir = useTempDirs();
const defaults = defaultSettings({ amqpUrl: null, tz: 'Europe/Bucharest' });
const remote: Settings = {
  ...defaults,
  services: {
    mode: 'remote',
    users_url: 'https://users.example.com',
    devices_url: 'https://devices.example.com',
    monitoring_url: 'https://monitoring.example.com',
  },
  amqp_url: 'amqps://wattdesk:secret@broker.example.com:5671',
  notifications: false,
};

describe('settings', () => {
  it('default to embedded services, the environment’s broker and zone, notifications on, close to tray', () => {
    expect(defaults).toEqual({
      services: { mode: 'embedded' },
      amqp_url: null,
      site_tz: 'Europe/Bucharest',
      notifications: true,
      close_to_tray: true,
      start_at_login: false,
    });
    expect(defaultSettings({ amqpUrl: 'amqp://broker:5672', tz: 'UTC' })).toMatchObject({
      amqp_url: 'amqp://broker:5672',
      site_tz: 'UTC',
    });
  });

  it('come back as saved, written whole with their version', () => {
    const file = join(tempDir(), 'settings.json');
    saveSettingsFile(file, remote);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: SETTINGS_VERSION, ...remote });
    expect(loadSettingsFile(file, defaults)).toEqual({ settings: remote, problems: [], rewrite: false });
    expect(readdirSync(join(file, '..'))).toEqual(['settings.json']);
    expect(SETTINGS_UPGRADES).toHaveLength(SETTINGS_VERSION);
  });

  it('are the defaults, to be written, when there is no file', () => {
    expect(loadSettingsFile(join(tempDir(), 'settings.json'), defaults)).toEqual({
      settings: defaults,
      problems: [],
      rewrite: true,
    });
  });

  it('keep every valid field of a damaged file and name the ones that fell back to defaults', () => {
    const loaded = migrateSettings(
      { version: 1, notifications: false, site_tz: 'Mars/Olympus', amqp_url: 'http://not-amqp', extra: 1 },
      defaults,
    );
    expect(loaded.settings).toEqual({ ...defaults, notifications: false });
    expect(loaded.problems).toEqual([
      expect.stringMatching(/^amqp_url: /),
      expect.stringMatching(/^site_tz: must be an IANA time zone/),
    ]);
    expect(loaded.rewrite).toBe(true);
  });

  it('set a file that is not JSON aside and start from the defaults', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(file, '{"version": 1, "notif');
    const loaded = loadSettingsFile(file, defaults);
    expect(loaded.settings).toEqual(defaults);
    expect(loaded.problems[0]).toContain('not JSON');
    expect(existsSync(`${file}.corrupt`)).toBe(true);
  });

  it('upgrade an older file one version at a time', () => {
    // A file without a version is version 0.
    expect(migrateSettings({ notifications: false }, defaults)).toMatchObject({
      settings: { ...defaults, notifications: false },
      rewrite: true,
    });
    // With the steps of a later build: version 1 had `notify` and `tz`, version 2 renamed them.
    const upgrades = [
      (f: Record<string, unknown>) => f,
      ({ notify, tz, ...rest }: Record<string, unknown>) => ({ ...rest, notifications: notify, site_tz: tz }),
    ];
    expect(migrateSettings({ version: 1, notify: false, tz: 'UTC' }, defaults, upgrades)).toEqual({
      settings: { ...defaults, notifications: false, site_tz: 'UTC' },
      problems: [],
      rewrite: true,
    });
  });

  it('read what they know of a newer version’s file without writing over it', () => {
    const loaded = migrateSettings({ ...remote, version: SETTINGS_VERSION + 1, theme: 'dark' }, defaults);
    expect(loaded.settings).toEqual(remote);
    expect(loaded.problems).toEqual([expect.stringContaining('newer WattDesk')]);
    expect(loaded.rewrite).toBe(false);
  });

  it('need a restart for services, broker or zone, and not for the rest', () => {
    expect(needsRestart(defaults, remote)).toBe(true);
    expect(needsRestart(defaults, { ...defaults, site_tz: 'UTC' })).toBe(true);
    expect(needsRestart(defaults, { ...defaults, amqp_url: 'amqp://b:5672' })).toBe(true);
    expect(needsRestart(defaults, { ...defaults, notifications: false, close_to_tray: false })).toBe(false);
  });
});
