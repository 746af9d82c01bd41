// One story, in a real browser against `npm run serve`: an admin sets up a client and a meter with a low
// limit, the client watches the meter's day, the simulator replays readings, and the reading that crosses
// the limit shows up as a toast within 2 seconds. The client cannot open another client's meter.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocal, localHourStart } from '../src/shared/time/local-time';
import { waitFor } from '../src/services/testing/wait';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { startHeadlessHost, type RunningHost } from './support/headless-host';
import { publishReading } from './support/readings';

/** The site zone; the browsers run in another one, so every day boundary must come from the site's. */
const SITE_TZ = 'Europe/Helsinki';
const BROWSER_TZ = 'America/New_York';
const ADMIN_PASSWORD = 'correct horse battery';
const LIMIT_KWH = 0.5;
/** The bundled sample's first four registers, kWh, one every 10 minutes. */
const SAMPLE = [0.0423, 0.0802, 0.1187, 0.1611];
const MINUTE = 60_000;

let host: RunningHost;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  host = await startHeadlessHost({ tz: SITE_TZ });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function newPage(size: { width: number; height: number }): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ viewport: size, timezoneId: BROWSER_TZ, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  collectPageErrors(page, pageErrors);
  return [context, page];
}

async function addUser(page: Page, user: { username: string; name: string; password: string }) {
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Username').fill(user.username);
  await dialog.getByLabel('Display name').fill(user.name);
  await dialog.getByLabel('Role').selectOption('client');
  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('row').filter({ hasText: user.username }).waitFor();
}

/** Creates a device from the admin screen and answers its id. */
async function addDevice(
  page: Page,
  device: { name: string; address: string; limit: string; owner: string },
): Promise<string> {
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByLabel('Name').fill(device.name);
  await dialog.getByLabel('Address').fill(device.address);
  await dialog.getByLabel('Hourly limit (kWh)').fill(device.limit);
  await dialog.getByLabel('Owner').selectOption({ label: device.owner });
  await dialog.getByRole('button', { name: 'Create device' }).click();
  const row = page.getByTestId('device-row').filter({ hasText: device.name });
  return (await row.locator('td.mono').textContent())!.trim();
}

describe('WattDesk in a browser', () => {
  it('takes a new install to an over-limit alert the client sees within 2 seconds', async () => {
    // 1. The admin's first run: the generated password once, then a new one.
    const [, admin] = await newPage({ width: 1440, height: 900 });
    await admin.goto(host.url);
    await admin.getByRole('heading', { name: 'Welcome to WattDesk' }).waitFor();
    expect(await admin.getByTestId('generated-password').textContent()).toMatch(/\S{12,}/);
    await screenshot(admin, '01-first-run');
    await admin.getByLabel('New password', { exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByLabel('Repeat the new password').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'Set password and continue' }).click();
    await admin.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();

    // The admin creates two clients and a meter for each; Alice's has a low limit.
    await admin.getByRole('link', { name: 'Users' }).click();
    await addUser(admin, { username: 'alice', name: 'Alice Meyer', password: 'alice-secret' });
    await addUser(admin, { username: 'bob', name: 'Bob Lind', password: 'bob-secret-1' });
    // The server's verdict on a field shows next to that field: usernames are unique whatever their case.
    await admin.getByRole('button', { name: 'Add user' }).click();
    const again = admin.getByRole('dialog', { name: 'Add a user' });
    await again.getByLabel('Username').fill('ALICE');
    await again.getByLabel('Display name').fill('Alice again');
    await again.getByLabel('Password', { exact: true }).fill('another-secret');
    await again.getByRole('button', { name: 'Create user' }).click();
    await again.getByText('Username is taken.').waitFor();
    expect(await again.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(admin, '02-users');
    await admin.getByRole('link', { name: 'Manage devices' }).click();
    const heatPump = await addDevice(admin, {
      name: 'Heat pump',
      address: 'Koivukuja 3, Espoo',
      limit: String(LIMIT_KWH),
      owner: 'Alice Meyer (alice)',
    });
    const sauna = await addDevice(admin, {
      name: 'Sauna',
      address: 'Rantatie 8, Porvoo',
      limit: '6',
      owner: 'Bob Lind (bob)',
    });
    await screenshot(admin, '03-manage-devices');

    // 2. The client signs in and opens the meter's day.
    const [, client] = await newPage({ width: 1024, height: 700 });
    await client.goto(host.url);
    await client.getByLabel('Username').fill('alice');
    await client.getByLabel('Password').fill('alice-secret');
    await screenshot(client, '04-sign-in');
    await client.getByRole('button', { name: 'Sign in' }).click();
    await client.getByRole('heading', { name: 'My devices', level: 1 }).waitFor();
    await expect.poll(() => client.getByTestId('feed-state').textContent()).toContain('connected');
    expect(await client.locator('.status-bar').textContent()).toContain('Bus: RabbitMQ');
    await client.getByRole('link', { name: 'Heat pump' }).click();
    await client.getByRole('heading', { name: 'Heat pump', level: 1 }).waitFor();

    // 3. The admin replays the sample into the meter from the start of this hour, a reading every 3⅓ s.
    const hour = localHourStart(Date.now(), SITE_TZ);
    await admin.getByRole('link', { name: 'Simulator' }).click();
    await admin.getByRole('checkbox', { name: /Heat pump/ }).check();
    await admin.getByLabel('Speed').selectOption('180');
    await admin.getByRole('radio', { name: /At a time/ }).check();
    await admin.getByLabel('Time of the first reading').fill(formatLocal(hour, SITE_TZ).slice(0, 16));
    await admin.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => admin.getByTestId('simulator-phase').textContent()).toBe('Running');
    await expect
      .poll(async () => Number(await admin.getByTestId('simulator-sent').textContent()), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    await screenshot(admin, '05-simulator');
    await admin.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => admin.getByTestId('simulator-phase').textContent()).toBe('Stopped');

    // 4. The day chart shows the replayed energy, live: below the limit so far.
    await expect
      .poll(async () => parseFloat((await client.getByTestId('day-total').textContent()) ?? ''))
      .toBeGreaterThan(SAMPLE[2]! - SAMPLE[0]! - 0.001); // as shown, to three decimals
    expect(await client.getByTestId('hours-over').textContent()).toBe('0');
    await client.getByRole('button', { name: 'Show as table' }).click();
    const hourRow = client.getByRole('row').filter({ hasText: formatLocal(hour, SITE_TZ).slice(11, 16) });
    expect(parseFloat((await hourRow.locator('td').first().textContent()) ?? '')).toBeGreaterThan(0);
    await client.getByRole('button', { name: 'Show as chart' }).click();
    expect(await client.getByTestId('day-chart').locator('svg path').count()).toBeGreaterThan(3);

    // The reading that crosses the limit, published the way a meter would; the toast is timed in the page.
    await client.evaluate(`(() => {
      window.__toastAt = null;
      new MutationObserver(() => {
        if (window.__toastAt === null && document.querySelector('[data-testid="alert-toast"]'))
          window.__toastAt = Date.now();
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const publishedAt = await publishReading(host.queues.consumptions, {
      timestamp: hour + 45 * MINUTE,
      device_id: heatPump,
      measurement_value: SAMPLE[3]! + LIMIT_KWH + 0.1,
    });
    const toast = client.getByTestId('alert-toast');
    await toast.waitFor({ timeout: 5_000 });
    const toastAt = await waitFor(() => client.evaluate<number | null>('window.__toastAt'), {
      what: 'the toast time',
    });
    const latencyMs = toastAt - publishedAt;
    console.log(`over-limit toast ${latencyMs} ms after the crossing reading was published`);
    expect(latencyMs).toBeLessThan(2_000);
    expect(await toast.textContent()).toContain('Heat pump');
    await expect.poll(() => client.getByTestId('hours-over').textContent()).toBe('1');
    expect(await client.getByRole('link', { name: /Alerts/ }).textContent()).toContain('1');
    await screenshot(client, '06-device-day-alert');

    await toast.getByRole('button', { name: /Dismiss/ }).click();
    await client.getByRole('button', { name: 'Month', exact: true }).click();
    await client.getByTestId('month-chart').waitFor();
    await screenshot(client, '07-device-month');

    // The alert on the alerts page, acknowledged: the header's count goes.
    await client.getByRole('link', { name: /Alerts/ }).click();
    const alertRow = client.getByTestId('alert-row').filter({ hasText: 'Heat pump' });
    await alertRow.waitFor();
    await screenshot(client, '08-alerts');
    await alertRow.getByRole('button', { name: /Acknowledge/ }).click();
    await client.getByText('Nothing is waiting for you').waitFor();
    expect(await client.locator('.count-badge').count()).toBe(0);

    await client.getByRole('link', { name: 'My devices' }).click();
    await client.getByRole('heading', { name: 'My devices', level: 1 }).waitFor();
    await client.getByText('Over the limit').first().waitFor();
    await screenshot(client, '09-my-devices');

    // 5. Bob's meter is not Alice's to see: not in the UI, and not from the API either.
    await client.goto(`${host.url}/devices/${sauna}`);
    await client.getByRole('heading', { name: 'Not one of your devices' }).waitFor();
    expect(await client.getByTestId('day-chart').count()).toBe(0);
    const login = await fetch(`${host.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'alice-secret' }),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const date = formatLocal(hour, SITE_TZ).slice(0, 10);
    const denied = await fetch(`${host.url}/api/devices/${sauna}/hourly?date=${date}`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(denied.status).toBe(403);

    expect(pageErrors).toEqual([]);
  }, 180_000);
});
