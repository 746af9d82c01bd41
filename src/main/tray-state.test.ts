import { describe, expect, it } from 'vitest';
import { trayView, type TrayInput } from './tray-state';

const NOW = Date.parse('2026-01-31T14:10:00Z');
const base: TrayInput = {
  signedIn: true,
  connected: true,
  unacknowledged: 0,
  notifications: true,
  pausedUntil: null,
  now: NOW,
  tz: 'Europe/Bucharest',
};

describe('the tray', () => {
  it('shows ok while signed in and connected with nothing to acknowledge', () => {
    const view = trayView(base);
    expect(view).toMatchObject({ icon: 'ok', badge: '' });
    expect(view.tooltip).toContain('No unacknowledged alerts');
  });

  it('shows alert and the count of unacknowledged alerts, capped at 99+', () => {
    expect(trayView({ ...base, unacknowledged: 1 })).toMatchObject({ icon: 'alert', badge: '1' });
    expect(trayView({ ...base, unacknowledged: 1 }).tooltip).toMatch(/^1 unacknowledged alert$/m);
    expect(trayView({ ...base, unacknowledged: 3 }).tooltip).toContain('3 unacknowledged alerts');
    expect(trayView({ ...base, unacknowledged: 250 })).toMatchObject({ icon: 'alert', badge: '99+' });
  });

  it('shows disconnected when the live feed is down or nobody is signed in, whatever the count', () => {
    const down = trayView({ ...base, connected: false, unacknowledged: 2 });
    expect(down).toMatchObject({ icon: 'disconnected', badge: '2' });
    expect(down.tooltip).toContain('reconnecting');
    const out = trayView({ ...base, signedIn: false, connected: false });
    expect(out.icon).toBe('disconnected');
    expect(out.tooltip).toContain('Signed out');
  });

  it('offers Open, Simulator, a one-hour pause and Quit; while paused, resuming and until when', () => {
    const labels = (input: TrayInput) =>
      trayView(input).menu.map((item) => ('separator' in item ? '—' : item.label));
    expect(labels(base)).toEqual(['Open', 'Simulator', 'Pause notifications for 1 hour', '—', 'Quit']);

    const paused = { ...base, pausedUntil: NOW + 3_600_000 };
    expect(labels(paused)).toEqual(['Open', 'Simulator', 'Resume notifications', '—', 'Quit']);
    expect(trayView(paused).tooltip).toContain('Notifications paused until 17:10');
    expect(labels({ ...base, pausedUntil: NOW - 1 })).toContain('Pause notifications for 1 hour');

    const off = { ...base, notifications: false };
    expect(labels(off)).toEqual(['Open', 'Simulator', '—', 'Quit']);
    expect(trayView(off).tooltip).toContain('Notifications are off');
  });
});
