import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ HOME: '/home/ana', XDG_DATA_HOME: undefined });
    expect(config).toMatchObject({
      amqpUrl: null,
      monitoringPort: 9001,
      port: 3000,
      queues: { consumptions: 'consumptions', devices: 'devices' },
      maxPowerKw: 1000,
    });
    if (process.platform === 'linux') expect(config.dataDir).toBe('/home/ana/.local/share/wattdesk');
    expect(config.tz).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      WATTDESK_AMQP_URL: 'amqp://u:p@broker:5672/vh',
      WATTDESK_DATA_DIR: '/srv/wattdesk',
      WATTDESK_MONITORING_PORT: '9100',
      WATTDESK_QUEUE_CONSUMPTIONS: 'c2',
      WATTDESK_QUEUE_DEVICES: 'd2',
      WATTDESK_TZ: 'Asia/Kolkata',
      WATTDESK_MAX_POWER_KW: '50',
    });
    expect(config).toMatchObject({
      amqpUrl: 'amqp://u:p@broker:5672/vh',
      dataDir: '/srv/wattdesk',
      monitoringPort: 9100,
      queues: { consumptions: 'c2', devices: 'd2' },
      tz: 'Asia/Kolkata',
      maxPowerKw: 50,
    });
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ WATTDESK_TZ: 'Nowhere/Town' })).toThrow(ConfigError);
    expect(() => loadConfig({ WATTDESK_MONITORING_PORT: 'ninety' })).toThrow(/WATTDESK_MONITORING_PORT/);
    expect(() => loadConfig({ WATTDESK_AMQP_URL: 'http://x' })).toThrow(/WATTDESK_AMQP_URL/);
  });

  it('defaults the users and devices services to their ports on this machine', () => {
    const config = loadConfig({ WATTDESK_MONITORING_PORT: '9100' });
    expect(config).toMatchObject({
      usersPort: 8080,
      devicesPort: 8081,
      usersUrl: 'http://127.0.0.1:8080',
      devicesUrl: 'http://127.0.0.1:8081',
      monitoringUrl: 'http://127.0.0.1:9100',
      usersQueue: 'users',
      adminPassword: null,
      serviceAccount: null,
    });
  });

  it('reads the users and devices variables', () => {
    const config = loadConfig({
      WATTDESK_USERS_PORT: '18080',
      WATTDESK_DEVICES_PORT: '18081',
      WATTDESK_USERS_URL: 'http://users.lan:8080/',
      WATTDESK_DEVICES_URL: 'https://devices.lan',
      WATTDESK_MONITORING_URL: 'http://monitoring.lan:9001',
      WATTDESK_ADMIN_PASSWORD: 'correct horse',
      WATTDESK_QUEUE_USERS: 'u2',
      WATTDESK_SERVICE_USERNAME: 'monitoring',
      WATTDESK_SERVICE_PASSWORD: 'battery staple',
    });
    expect(config).toMatchObject({
      usersPort: 18080,
      devicesPort: 18081,
      usersUrl: 'http://users.lan:8080',
      devicesUrl: 'https://devices.lan',
      monitoringUrl: 'http://monitoring.lan:9001',
      adminPassword: 'correct horse',
      usersQueue: 'u2',
      serviceAccount: { username: 'monitoring', password: 'battery staple' },
    });
  });

  it('refuses a short admin password, a half-set service account and a non-HTTP service URL', () => {
    expect(() => loadConfig({ WATTDESK_ADMIN_PASSWORD: 'short' })).toThrow(/WATTDESK_ADMIN_PASSWORD/);
    expect(() => loadConfig({ WATTDESK_SERVICE_USERNAME: 'monitoring' })).toThrow(
      /WATTDESK_SERVICE_PASSWORD/,
    );
    expect(() => loadConfig({ WATTDESK_USERS_URL: 'ftp://users.lan' })).toThrow(/WATTDESK_USERS_URL/);
  });
});
