// The built main process (out/main/index.js) under a stand-in Electron, with the real services and broker:
// the composition root wires windows, IPC, tray and notifications, and stops everything on quit. The real
// Electron runs in e2e/electron where a binary exists; this runs everywhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isolatedHost } from '../services/testing/isolated-host';
import { publishRaw } from '../services/testing/rabbitmq';
import { waitFor } from '../services/testing/wait';
import { APP_ROOT, ensureBuilt } from './testing/built-app';
import { stage } from './testing/electron-stand-in';

vi.mock('electron', async () => (await import('./testing/electron-stand-in')).electronStandIn);

const dirs = [mkdtempSync(join(tmpdir(), 'wattdesk-main-')), mkdtempSync(join(tmpdir(), 'wattdesk-main-'))];
const PASSWORD = 'correct horse battery';
const host = isolatedHost('main', { dataDir: dirs[1]!, tz: 'Europe/Bucharest', adminPassword: PASSWORD });
const { queues } = host;
const OURS = { senderFrame: { url: 'app://wattdesk/devices' } };

beforeAll(async () => {
  ensureBuilt();
  stage.appPath = APP_ROOT;
  stage.userData = dirs[0]!;
  const env: Record<string, string> = { ...host.env, WATTDESK_LOG_LEVEL: 'silent' };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  await import(pathToFileURL(join(APP_ROOT, 'out/main/index.js')).href);
  await waitFor(() => stage.trays.length > 0 && stage.windows.length > 0, {
    what: 'the main process to start',
  });
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  await host.deleteQueues();
});

async function call<T>(
  channel: string,
  args?: unknown,
): Promise<{ ok: boolean; value?: T; failure?: unknown }> {
  const handler = stage.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(OURS, args)) as { ok: boolean; value?: T };
}

describe('the built main process', () => {
  it('opens a secure main window on the UI, serves the UI with its CSP, and refuses foreign pages', async () => {
    const [main] = stage.windows;
    expect(main!.url).toBe('app://wattdesk/');
    expect(main!.options.webPreferences).toMatchObject({
      preload: join(APP_ROOT, 'out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    const page = await stage.protocolHandler!(new Request('app://wattdesk/devices/d1?date=2026-01-31'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    expect(
      await stage.handlers.get('session-get')!({ senderFrame: { url: 'https://example.com/' } }),
    ).toEqual({
      ok: false,
      failure: { status: 403, error: 'not allowed from this page' },
    });
    expect(await new Promise((grant) => stage.permissionRequest!(null, 'media', grant))).toBe(false);
    expect(stage.trays[0]!.tooltip).toContain('Signed out');
  });

  it('signs in over IPC, and notifies an over-limit alert that opens the device’s day', async () => {
    expect(await call('settings-get')).toMatchObject({ ok: true, value: { services: { mode: 'embedded' } } });
    const login = await call<{ id: string }>('session-login', { username: 'admin', password: PASSWORD });
    expect(login).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    const device = await call<{ id: string }>('device-create', {
      description: 'Heat pump',
      address: 'Str. Lunga 1',
      max_hourly_kwh: 0.5,
      user_id: login.value!.id,
    });
    const id = device.value!.id;
    await waitFor(
      async () =>
        (await call<{ max_hourly_kwh: number }>('hourly-get', { device_id: id, date: '2026-01-01' })).value,
      { what: 'monitoring to learn the device' },
    );
    await waitFor(() => stage.trays[0]!.tooltip.includes('No unacknowledged alerts'), { what: 'the feed' });

    const hour = Date.parse('2026-01-31T12:00:00+02:00');
    await publishRaw(queues.consumptions, [
      JSON.stringify({ timestamp: hour, device_id: id, measurement_value: 10 }),
      JSON.stringify({ timestamp: hour + 30 * 60_000, device_id: id, measurement_value: 11 }),
    ]);
    const notification = await waitFor(() => stage.notifications[0], { what: 'a notification' });
    expect(notification.options).toEqual({
      title: 'Over limit: Heat pump',
      body: 'Heat pump — 12:00–13:00: 1 kWh of 0.5 kWh',
    });
    await waitFor(() => stage.trays[0]!.tooltip.includes('1 unacknowledged alert'), { what: 'the count' });
    expect(stage.trays[0]!.image.path).toMatch(/tray[/\\]alert\.png$/);
    expect(stage.badge).toBe(1);
    expect(stage.windows[0]!.sent.map(([channel]) => channel)).toContain('alert-raised');

    notification.emit('click');
    expect(stage.windows[0]!.sent.at(-1)).toEqual(['navigate', { path: `/devices/${id}?date=2026-01-31` }]);
  });

  it('opens the simulator from the tray, hides to the tray on close, and stops everything on quit', async () => {
    const item = (label: RegExp) => stage.trays[0]!.menu.find((i) => i.label && label.test(i.label))!;
    expect(stage.trays[0]!.menu.map((i) => i.label ?? '—')).toEqual([
      'Open',
      'Simulator',
      'Pause notifications for 1 hour',
      '—',
      'Quit',
    ]);
    item(/^Simulator$/).click!();
    expect(stage.windows[1]!.url).toBe('app://wattdesk/simulator');
    item(/^Pause/).click!();
    expect(stage.trays[0]!.tooltip).toContain('Notifications paused until');

    const close = { defaultPrevented: false, preventDefault: () => (close.defaultPrevented = true) };
    stage.windows[0]!.emit('close', close);
    expect(close.defaultPrevented).toBe(true);

    item(/^Quit$/).click!();
    await waitFor(() => stage.exitCode !== null, { what: 'the app to exit', timeoutMs: 30_000 });
    expect(stage.exitCode).toBe(0);
    expect(stage.trayDestroyed).toBe(true);
    expect(stage.handlers.size).toBe(0);
    expect(stage.windows.every((w) => w.destroyed)).toBe(true);
  });
});
