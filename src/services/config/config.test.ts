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
});
