// The desktop's Api client against the real embedded services: session kept and renewed, errors as values
// the UI can show, host requests to the host, and the live feed through a drop.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiEventName, type ApiEvents } from '../shared/contracts/api';
import type { AuthUser } from '../shared/contracts/auth';
import { loadConfig } from '../services/config/config';
import { startTcpProxy, type TcpProxy } from '../services/devices/testing/tcp-proxy';
import { quietLog } from '../services/testing/monitoring-harness';
import { isolatedHost, type IsolatedHost } from '../services/testing/isolated-host';
import { useTempDirs } from '../services/testing/temp-dir';
import { waitFor } from '../services/testing/wait';
import { startEmbeddedServices, type EmbeddedServices } from './embedded-services';
import {
  HttpApiClient,
  type ApiHost,
  type HttpApiClientOptions,
  type RefreshTokenStore,
} from './http-api-client';

const tempDir = useTempDirs();
let host: IsolatedHost;
let services: EmbeddedServices;
const clients: HttpApiClient[] = [];
const proxies: TcpProxy[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const p of proxies.splice(0)) await p.stop();
  await services.close();
  await host.deleteQueues();
});

async function startServices(): Promise<void> {
  host = isolatedHost('api', { dataDir: tempDir() });
  const config = loadConfig(host.env);
  services = await startEmbeddedServices(config, quietLog, { ephemeralPorts: true });
}

const local = (port: number) => `http://127.0.0.1:${port}`;

function memoryStore(): RefreshTokenStore & { token: string | null } {
  return {
    token: null,
    async load() {
      return this.token;
    },
    async save(token) {
      this.token = token;
    },
  };
}

/** A host that answers status-get and records who asked. */
function recordingHost(): ApiHost & { askedBy: Array<AuthUser | null> } {
  const askedBy: Array<AuthUser | null> = [];
  return {
    askedBy,
    async invoke(name, _args, user) {
      askedBy.push(user);
      if (name !== 'status-get') throw new ApiError(404, `no ${name} here`);
      return { bus: { kind: 'in-process', connected: true }, services: 'embedded', site_tz: 'UTC' } as never;
    },
  };
}

function client(overrides: Partial<HttpApiClientOptions> = {}): HttpApiClient {
  const c = new HttpApiClient({
    urls: {
      users: local(services.users.port),
      devices: local(services.devices.port),
      monitoring: local(services.monitoring.port),
    },
    host: recordingHost(),
    refreshTokens: memoryStore(),
    log: quietLog,
    reconnectDelay: () => 50,
    ...overrides,
  });
  clients.push(c);
  return c;
}

const admin = () => ({ username: 'admin', password: services.users.generatedAdmin!.password });

/** Every payload of an event, as it arrives. */
function record<K extends ApiEventName>(c: HttpApiClient, event: K): Array<ApiEvents[K]> {
  const seen: Array<ApiEvents[K]> = [];
  c.on(event, (payload) => seen.push(payload));
  return seen;
}

/** fetch that counts refreshes and can refuse chosen requests once with a 401. */
function countingFetch(refuseOnce?: (url: string) => boolean): typeof fetch & { refreshes: number } {
  let refused = false;
  const wrapped = Object.assign(
    async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/api/auth/refresh')) wrapped.refreshes++;
      if (!refused && refuseOnce?.(url)) {
        refused = true;
        return new Response(JSON.stringify({ error: 'token expired' }), { status: 401 });
      }
      return fetch(input, init);
    },
    { refreshes: 0 },
  );
  return wrapped as typeof fetch & { refreshes: number };
}

function failure(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (err: unknown) => {
      if (!(err instanceof ApiError)) throw err;
      return err;
    },
  );
}

describe('the HTTP Api client', () => {
  it('signs in, keeps the session for the next start, and signs out', async () => {
    await startServices();
    const store = memoryStore();
    const first = client({ refreshTokens: store });
    expect(await first.invoke('session-get', undefined)).toBeNull();
    expect((await failure(first.invoke('devices-list', undefined))).status).toBe(401);

    const user = await first.invoke('session-login', admin());
    expect(user).toEqual({ id: expect.any(String), username: 'admin', role: 'admin' });
    expect(await first.invoke('devices-list', undefined)).toEqual([]);
    expect(store.token).toEqual(expect.any(String));
    first.close();

    const next = client({ refreshTokens: store });
    expect(await next.invoke('session-get', undefined)).toEqual(user);
    expect(await next.invoke('devices-list', undefined)).toEqual([]);

    await next.invoke('session-logout', undefined);
    expect(store.token).toBeNull();
    expect(await next.invoke('session-get', undefined)).toBeNull();
    expect((await failure(next.invoke('devices-list', undefined))).status).toBe(401);
  });

  it('answers bad credentials and bad arguments with the status and fields the services gave', async () => {
    await startServices();
    const c = client();
    const refused = await failure(
      c.invoke('session-login', { username: 'admin', password: 'wrong-password' }),
    );
    expect(refused.status).toBe(401);

    await c.invoke('session-login', admin());
    const invalid = await failure(
      c.invoke('device-create', { description: 'Boiler', address: 'a', max_hourly_kwh: -1 }),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.fields ?? {})).toEqual(['max_hourly_kwh']);
  });

  it('renews the access token once for many calls that find it due', async () => {
    await startServices();
    let skew = 0;
    const counting = countingFetch();
    const store = memoryStore();
    const c = client({ fetch: counting, now: () => Date.now() + skew, refreshTokens: store });
    await c.invoke('session-login', admin());
    const before = store.token;

    skew = 15 * 60_000;
    const lists = await Promise.all(Array.from({ length: 5 }, () => c.invoke('devices-list', undefined)));
    expect(lists).toEqual([[], [], [], [], []]);
    expect(counting.refreshes).toBe(1);
    expect(store.token).not.toBe(before);
    // The renewed refresh token is the live one: a fresh client restores the session with it.
    c.close();
    expect(await client({ refreshTokens: store }).invoke('session-get', undefined)).toMatchObject({
      username: 'admin',
    });
  });

  it('renews the access token after a 401 and repeats the call', async () => {
    await startServices();
    const counting = countingFetch((url) => url.endsWith('/api/devices'));
    const c = client({ fetch: counting });
    await c.invoke('session-login', admin());
    expect(await c.invoke('devices-list', undefined)).toEqual([]);
    expect(counting.refreshes).toBe(1);
  });

  it('tells the UI the session ended when its refresh token was spent elsewhere', async () => {
    await startServices();
    let skew = 0;
    const store = memoryStore();
    const c = client({ refreshTokens: store, now: () => Date.now() + skew });
    const ended = record(c, 'session-ended');
    await c.invoke('session-login', admin());
    // Someone replays the refresh token: it rotates there, so this client's copy is spent.
    const stolen = await fetch(`${local(services.users.port)}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: store.token }),
    });
    expect(stolen.status).toBe(200);

    skew = 15 * 60_000;
    expect((await failure(c.invoke('devices-list', undefined))).status).toBe(401);
    expect(ended).toEqual([{ reason: expect.stringContaining('session') }]);
    expect(store.token).toBeNull();
    expect(await c.invoke('session-get', undefined)).toBeNull();
  });

  it('passes host requests to the host with the signed-in user', async () => {
    await startServices();
    const host = recordingHost();
    const c = client({ host });
    expect(await c.invoke('status-get', undefined)).toMatchObject({ services: 'embedded' });
    const user = await c.invoke('session-login', admin());
    await c.invoke('status-get', undefined);
    expect(host.askedBy).toEqual([null, user]);
    expect((await failure(c.invoke('settings-get', undefined))).status).toBe(404);
  });

  it('brings alerts of every device and hourly totals of followed ones, across a dropped connection', async () => {
    await startServices();
    const proxy = await startTcpProxy(local(services.monitoring.port));
    proxies.push(proxy);
    const c = client({
      followAllDevices: true,
      urls: {
        users: local(services.users.port),
        devices: local(services.devices.port),
        monitoring: proxy.url.replace(/\/$/, ''),
      },
    });
    const states = record(c, 'feed-state');
    const alerts = record(c, 'alert-raised');
    const hourly = record(c, 'hourly-changed');
    await c.invoke('session-login', admin());
    await waitFor(() => states.some((s) => s.state === 'connected'), { what: 'the live feed' });

    // A client's device: the admin hears of its alerts only by following it.
    const owner = await c.invoke('user-create', {
      username: 'dana',
      display_name: 'Dana',
      role: 'client',
      password: 'dana-password',
    });
    const device = await c.invoke('device-create', {
      description: 'Heat pump',
      address: 'Str. Lunga 1',
      max_hourly_kwh: 1,
      user_id: owner.id,
    });
    await waitFor(() => services.monitoring.store.devices.get(device.id)?.user_id === owner.id, {
      what: 'monitoring to learn the device',
    });
    const t0 = Date.UTC(2026, 0, 1, 10);
    const publish = (minute: number, kwh: number) =>
      services.bus.publish(
        host.queues.consumptions,
        Buffer.from(
          JSON.stringify({ timestamp: t0 + minute * 60_000, device_id: device.id, measurement_value: kwh }),
        ),
      );
    await publish(0, 0);
    await publish(30, 2);
    const alert = await waitFor(() => alerts[0], { what: 'an alert' });
    expect(alert).toMatchObject({ device_id: device.id, kwh: 2, max_hourly_kwh: 1 });
    expect(alert).not.toHaveProperty('type');
    expect(hourly).toEqual([]);

    await proxy.stop();
    await waitFor(() => states.at(-1)?.state === 'reconnecting', { what: 'the drop to be noticed' });
    await proxy.start();
    const reconnected = states.length;
    await waitFor(() => states.slice(reconnected).some((s) => s.state === 'connected'), {
      what: 'the live feed back',
    });

    await c.invoke('live-subscribe', { device_ids: [device.id] });
    await publish(45, 2.5);
    const total = await waitFor(() => hourly.find((h) => h.kwh === 2.5), { what: 'the new hourly total' });
    expect(total).toEqual({ device_id: device.id, start: '2026-01-01T10:00:00+00:00', kwh: 2.5 });
  });
});
