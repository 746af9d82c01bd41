// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { ApiProvider } from '../api/api-context';
import { LiveProvider, useLive } from '../live/LiveProvider';
import { FakeApi } from '../testing/fake-api';
import { Toasts } from './Toasts';

afterEach(cleanup);

const heatPump = {
  id: 'd1',
  user_id: 'u1',
  description: 'Heat pump',
  address: '',
  max_hourly_kwh: 0.5,
  version: 1,
};

function alert(id: number): Alert {
  return {
    id,
    device_id: 'd1',
    user_id: 'u1',
    hour_start: '2026-01-15T14:00:00+02:00',
    tz: 'Europe/Helsinki',
    kwh: 0.72,
    max_hourly_kwh: 0.5,
    raised_at: '2026-01-15T12:40:00Z',
    acknowledged_at: null,
  };
}

function OpenCount() {
  return <p data-testid="open-count">{useLive().openAlerts.length}</p>;
}

function renderLive(api: FakeApi) {
  render(
    <ApiProvider api={api}>
      <LiveProvider>
        <OpenCount />
        <Toasts />
      </LiveProvider>
    </ApiProvider>,
  );
}

function fakeApi(open: Alert[] = []) {
  return new FakeApi({
    'devices-list': () => [heatPump],
    'live-subscribe': () => undefined,
    'alerts-list': () => ({ alerts: open }),
    'alert-ack': ({ id }) => ({ ...alert(id), acknowledged_at: '2026-01-15T12:45:00Z' }),
  });
}

describe('alerts as they arrive', () => {
  it('follows every device of the user on the live feed', async () => {
    const api = fakeApi();
    renderLive(api);
    await waitFor(() => expect(api.callsOf('live-subscribe')).toEqual([{ device_ids: ['d1'] }]));
  });

  it('shows a toast in the live region the moment an alert is pushed, and counts it', async () => {
    const api = fakeApi([alert(1)]);
    renderLive(api);
    await screen.findByText('1'); // the open alert loaded at start
    act(() => api.emit('alert-raised', alert(2)));

    const region = screen.getByRole('status', { name: 'Alerts as they arrive' });
    expect(region.getAttribute('aria-live')).toBe('polite');
    const toast = within(region).getByTestId('alert-toast');
    expect(toast.textContent).toContain('Over the limit: Heat pump');
    expect(toast.textContent).toContain(
      '0.72 kWh between 14:00–15:00 on Thu 15 Jan, over its limit of 0.50 kWh',
    );
    expect(within(toast).getByRole('link', { name: 'View the hour' }).getAttribute('href')).toBe(
      '/devices/d1?date=2026-01-15',
    );
    expect(screen.getByTestId('open-count').textContent).toBe('2');
  });

  it('acknowledging from the toast removes it and lowers the count', async () => {
    const api = fakeApi();
    renderLive(api);
    await screen.findByText('0');
    act(() => api.emit('alert-raised', alert(3)));
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(api.callsOf('alert-ack')).toEqual([{ id: 3 }]);
    expect(screen.queryByTestId('alert-toast')).toBeNull();
    expect(screen.getByTestId('open-count').textContent).toBe('0');
  });

  it('dismissing a toast keeps the alert to acknowledge later', async () => {
    const api = fakeApi();
    renderLive(api);
    await screen.findByText('0');
    act(() => api.emit('alert-raised', alert(4)));
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss the alert for Heat pump' }));
    expect(screen.queryByTestId('alert-toast')).toBeNull();
    expect(screen.getByTestId('open-count').textContent).toBe('1');
  });
});
