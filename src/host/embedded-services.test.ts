// The embedded services together, on one bus: device changes made while the broker is unreachable reach
// monitoring once it is back, applied once each and in version order, leaving it with the right devices.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../shared/contracts/devices-api';
import { loadConfig } from '../services/config/config';
import { startTcpProxy, type TcpProxy } from '../services/devices/testing/tcp-proxy';
import { quietLog } from '../services/testing/monitoring-harness';
import { isolatedHost, type IsolatedHost } from '../services/testing/isolated-host';
import { publishRaw, TEST_AMQP_URL } from '../services/testing/rabbitmq';
import { useTempDirs } from '../services/testing/temp-dir';
import { waitFor } from '../services/testing/wait';
import { startEmbeddedServices, type EmbeddedServices } from './embedded-services';

const tempDir = useTempDirs();
const ADMIN_PASSWORD = 'a long admin password';
let isolated: IsolatedHost | undefined;
let host: EmbeddedServices | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.start();
  await host?.close();
  await isolated?.deleteQueues();
});

async function call<T>(url: string, method: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

describe('the embedded services', () => {
  it('brings monitoring to the right set of devices after changes made during a broker outage', async () => {
    proxy = await startTcpProxy(TEST_AMQP_URL);
    isolated = isolatedHost('host', { dataDir: tempDir(), adminPassword: ADMIN_PASSWORD });
    const config = loadConfig({ ...isolated.env, WATTDESK_AMQP_URL: proxy.url });
    host = await startEmbeddedServices(config, quietLog, { ephemeralPorts: true });
    const users = `http://127.0.0.1:${host.users.port}`;
    const devices = `http://127.0.0.1:${host.devices.port}/api/devices`;
    const { access_token: admin } = await call<{ access_token: string }>(
      `${users}/api/auth/login`,
      'POST',
      null,
      {
        username: 'admin',
        password: ADMIN_PASSWORD,
      },
    );
    const client = await call<{ id: string }>(`${users}/api/users`, 'POST', admin, {
      username: 'ana',
      display_name: 'Ana',
      role: 'client',
      password: 'password of ana',
    });
    await waitFor(() => host!.bus.status().connected, { what: 'the bus' });

    // Given a broker the services cannot reach
    await proxy.stop();
    await waitFor(() => !host!.bus.status().connected, { what: 'the outage to be noticed' });

    // When devices are created, changed, assigned and deleted
    const made: DeviceView[] = [];
    for (const name of ['boiler', 'heat pump', 'oven']) {
      made.push(
        await call<DeviceView>(devices, 'POST', admin, {
          description: name,
          address: 'Str. 1',
          max_hourly_kwh: 2,
        }),
      );
    }
    const [boiler, heatPump, oven] = made as [DeviceView, DeviceView, DeviceView];
    await call(`${devices}/${boiler.id}`, 'PATCH', admin, { user_id: client.id });
    await call(`${devices}/${boiler.id}`, 'PATCH', admin, { max_hourly_kwh: 3.5 });
    await call(`${devices}/${heatPump.id}`, 'PATCH', admin, { user_id: client.id });
    await call(`${devices}/${oven.id}`, 'DELETE', admin);

    // Then, with the broker back, monitoring holds exactly what the devices service holds
    await proxy.start();
    const store = host.monitoring.store;
    await waitFor(
      () => store.devices.get(boiler.id)?.version === 3 && store.devices.get(oven.id)?.deleted === 1,
      {
        timeoutMs: 30_000,
        what: 'every device event',
      },
    );
    expect(store.devices.get(boiler.id)).toMatchObject({
      user_id: client.id,
      max_hourly_kwh: 3.5,
      version: 3,
      deleted: 0,
    });
    expect(store.devices.get(heatPump.id)).toMatchObject({
      user_id: client.id,
      max_hourly_kwh: 2,
      version: 2,
      deleted: 0,
    });
    expect(store.devices.get(oven.id)).toMatchObject({ deleted: 1, version: 2 });

    // And a redelivered, older event changes nothing: it is ignored by its version.
    await publishRaw(isolated.queues.devices, [
      JSON.stringify({
        type: 'device.upserted',
        device: { id: boiler.id, user_id: null, description: 'boiler', address: 'Str. 1', max_hourly_kwh: 2 },
        version: 1,
      }),
      JSON.stringify({ type: 'device.deleted', device_id: heatPump.id, version: 2 }),
    ]);
    await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${host!.monitoring.port}/api/health`);
        const health = (await res.json()) as { consumers: { devices: { applied: number } } };
        return health.consumers.devices.applied >= 7 + 2;
      },
      { what: 'the stale events to be consumed' },
    );
    expect(store.devices.get(boiler.id)).toMatchObject({ user_id: client.id, version: 3 });
    expect(store.devices.get(heatPump.id)).toMatchObject({ deleted: 0, version: 2 });
  });
});
