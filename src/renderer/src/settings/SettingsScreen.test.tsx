// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contracts/settings';
import { ApiProvider } from '../api/api-context';
import { FakeApi } from '../testing/fake-api';
import { SettingsScreen } from './SettingsScreen';

afterEach(cleanup);

const SETTINGS: Settings = {
  services: { mode: 'embedded' },
  amqp_url: null,
  site_tz: 'Europe/Bucharest',
  notifications: true,
  close_to_tray: true,
  start_at_login: false,
};

function renderSettings(api: FakeApi) {
  render(
    <ApiProvider api={api}>
      <SettingsScreen />
    </ApiProvider>,
  );
}

describe('the settings screen', () => {
  it('saves what was changed, as the desktop reads it', async () => {
    const api = new FakeApi({ 'settings-get': () => SETTINGS, 'settings-set': (s) => s });
    renderSettings(api);
    await userEvent.click(await screen.findByLabelText('Notify me when a device goes over its limit'));
    await userEvent.type(screen.getByLabelText('RabbitMQ URL'), 'amqp://broker:5672');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    expect(api.callsOf('settings-set')).toEqual([
      { ...SETTINGS, notifications: false, amqp_url: 'amqp://broker:5672' },
    ]);
  });

  it('asks for the three service URLs of remote services, and checks them before saving', async () => {
    const api = new FakeApi({ 'settings-get': () => SETTINGS, 'settings-set': (s) => s });
    renderSettings(api);
    await userEvent.click(await screen.findByLabelText('Use services on a server'));
    await userEvent.type(screen.getByLabelText('Users service URL'), 'https://users.example.com/');
    await userEvent.type(screen.getByLabelText('Devices service URL'), 'devices.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText(/^Devices service URL must be/)).toBeTruthy();
    expect(screen.getByText(/^Monitoring service URL must be/)).toBeTruthy();
    expect(api.callsOf('settings-set')).toEqual([]);

    await userEvent.clear(screen.getByLabelText('Devices service URL'));
    await userEvent.type(screen.getByLabelText('Devices service URL'), 'https://devices.example.com');
    await userEvent.type(screen.getByLabelText('Monitoring service URL'), 'https://monitoring.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByRole('status');
    expect(api.callsOf('settings-set')).toEqual([
      {
        ...SETTINGS,
        services: {
          mode: 'remote',
          users_url: 'https://users.example.com',
          devices_url: 'https://devices.example.com',
          monitoring_url: 'https://monitoring.example.com',
        },
      },
    ]);
  });
});
