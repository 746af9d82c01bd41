// The desktop app end to end, in a real Electron: launch, sign in, see the device list, and receive an
// over-limit alert through the preload bridge. Runs where an Electron binary exists; elsewhere it is
// reported as skipped, with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { localHourStart } from '../../src/shared/time/local-time';
import { deadLetterQueueOf } from '../../src/services/bus/message-bus';
import { deleteQueues, TEST_AMQP_URL } from '../../src/services/testing/rabbitmq';
import { uniqueQueue } from '../../src/services/testing/wait';
import { APP_ROOT as ROOT, ensureBuilt } from '../../src/main/testing/built-app';
import { publishReading } from '../support/readings';
import { displayAvailable, findElectronBinary, startDisplay } from './electron-binary';

const SITE_TZ = 'Europe/Helsinki';
const ADMIN_PASSWORD = 'correct horse battery';
const LIMIT_KWH = 0.5;

const binary = findElectronBinary();
const skipReason =
  'missing' in binary
    ? `no Electron binary: ${binary.missing}`
    : displayAvailable()
      ? null
      : 'no display: set DISPLAY or install Xvfb';
if (skipReason) console.warn(`The desktop end-to-end test is skipped. ${skipReason}`);

const queues = {
  consumptions: uniqueQueue('desk-c'),
  devices: uniqueQueue('desk-d'),
  users: uniqueQueue('desk-u'),
};
const dirs: string[] = [];
let app: ElectronApplication | undefined;
let stopDisplay = () => {};

afterAll(async () => {
  await app?.close();
  stopDisplay();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  if (!skipReason)
    await deleteQueues(...Object.values(queues), ...Object.values(queues).map(deadLetterQueueOf));
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wattdesk-desktop-'));
  dirs.push(dir);
  return dir;
}

async function launch(): Promise<Page> {
  ensureBuilt();
  const display = startDisplay();
  stopDisplay = display.stop;
  const home = tempDir();
  app = await electron.launch({
    executablePath: 'path' in binary ? binary.path : '',
    // Chromium refuses to run as root with its sandbox (CI containers).
    args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: {
      ...process.env,
      ...(display.display ? { DISPLAY: display.display } : {}),
      // userData (settings, the kept session) goes under the temporary home.
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      APPDATA: join(home, 'AppData'),
      WATTDESK_DATA_DIR: tempDir(),
      WATTDESK_AMQP_URL: TEST_AMQP_URL,
      WATTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      WATTDESK_USERS_PORT: '0',
      WATTDESK_DEVICES_PORT: '0',
      WATTDESK_MONITORING_PORT: '0',
      WATTDESK_QUEUE_CONSUMPTIONS: queues.consumptions,
      WATTDESK_QUEUE_DEVICES: queues.devices,
      WATTDESK_QUEUE_USERS: queues.users,
      WATTDESK_TZ: SITE_TZ,
    },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  page.setDefaultTimeout(20_000);
  return page;
}

describe(skipReason ? `the desktop app (skipped: ${skipReason})` : 'the desktop app', () => {
  it.skipIf(skipReason !== null)(
    'launches securely, signs in, lists the devices and receives an over-limit alert',
    async () => {
      const page = await launch();

      // Our page, isolated: the bridge and nothing else.
      expect(page.url()).toMatch(/^app:\/\/wattdesk\//);
      expect(await page.evaluate('typeof require + " " + typeof process')).toBe('undefined undefined');
      expect(await page.evaluate('Object.keys(window.wattdesk).sort().join()')).toBe('invoke,on');
      // contextBridge hands the page a frozen copy: the preload's own objects stay in its isolated world.
      expect(await page.evaluate('Object.isFrozen(window.wattdesk)')).toBe(true);

      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();

      // A device of the admin's own, created through the bridge, shows in the list after a reload.
      const deviceId = await page.evaluate<string>(`(async () => {
        const me = await window.wattdesk.invoke('session-get');
        const device = await window.wattdesk.invoke('device-create', {
          description: 'Heat pump', address: 'Str. Lunga 1', max_hourly_kwh: ${LIMIT_KWH}, user_id: me.id,
        });
        return device.id;
      })()`);
      await page.reload();
      await page.getByRole('link', { name: 'Heat pump' }).first().waitFor();

      // Monitoring knows the limit once the device event went through the bus.
      await expect
        .poll(() =>
          page.evaluate(`window.wattdesk.invoke('hourly-get', { device_id: '${deviceId}', date: '2026-01-01' })
            .then((r) => r.max_hourly_kwh, () => null)`),
        )
        .toBe(LIMIT_KWH);

      await page.evaluate(`(() => {
        window.__alerts = [];
        window.wattdesk.on('alert-raised', (alert) => window.__alerts.push(alert));
      })()`);
      const hour = localHourStart(Date.now(), SITE_TZ) - 3_600_000;
      await publishReading(queues.consumptions, {
        timestamp: hour,
        device_id: deviceId,
        measurement_value: 10,
      });
      await publishReading(queues.consumptions, {
        timestamp: hour + 30 * 60_000,
        device_id: deviceId,
        measurement_value: 10 + LIMIT_KWH + 0.25,
      });
      await expect.poll(() => page.evaluate('window.__alerts.length'), { timeout: 10_000 }).toBe(1);
      expect(await page.evaluate('window.__alerts[0]')).toMatchObject({
        device_id: deviceId,
        max_hourly_kwh: LIMIT_KWH,
        acknowledged_at: null,
      });
    },
    180_000,
  );
});
