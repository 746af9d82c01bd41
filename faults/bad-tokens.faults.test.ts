// Bad tokens: expired, forged (payload altered), wrong-key, unsigned, wrong-audience and malformed access
// tokens are refused on every HTTP route of the three services and on the live feed; a valid token of another
// user reads and changes nothing of someone else's. Checked against the headless host as a process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadLetterQueueOf } from '../src/services/bus/message-bus';
import { uniqueQueue, waitFor } from '../src/services/testing/wait';
import { createAccessTokenIssuer } from '../src/services/users/access-tokens';
import { loadOrCreateSigningKeys } from '../src/services/users/signing-keys';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type AuthUser } from '../src/shared/contracts/auth';
import type { DeviceView } from '../src/shared/contracts/devices-api';
import { CLOSE_UNAUTHENTICATED } from '../src/shared/contracts/live-feed';
import type { Alert } from '../src/shared/contracts/monitoring-api';
import { deleteQueues, publishConfirmed } from './support/amqp-queues';
import { startHeadless, type HeadlessProcess } from './support/headless-process';
import { call, callOk, login, openLiveFeed, type LiveClient } from './support/host-client';

const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const ADMIN_PASSWORD = 'bad tokens admin password';
const CLIENT_PASSWORD = 'a client password';
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-faults-tokens-'));
const queues = {
  consumptions: uniqueQueue('tokens-c'),
  devices: uniqueQueue('tokens-d'),
  users: uniqueQueue('tokens-u'),
};
let host: HeadlessProcess;
const sockets: LiveClient[] = [];

interface Actor {
  user: AuthUser;
  token: string;
}
let admin: Actor;
let ana: Actor;
let bob: Actor;
let device: DeviceView;
let anasAlert: Alert;

beforeAll(async () => {
  host = await startHeadless({
    dataDir,
    amqpUrl: AMQP_URL,
    queues,
    adminPassword: ADMIN_PASSWORD,
    tz: 'UTC',
  });
  const signIn = async (username: string, password: string): Promise<Actor> => {
    const { access_token, user } = await login(host.urls.users, username, password);
    return { token: access_token, user: { id: user.id, username: user.username, role: user.role } };
  };
  admin = await signIn('admin', ADMIN_PASSWORD);
  for (const username of ['ana', 'bob'])
    await callOk(`${host.urls.users}/api/users`, 'POST', admin.token, {
      username,
      display_name: username,
      role: 'client',
      password: CLIENT_PASSWORD,
    });
  ana = await signIn('ana', CLIENT_PASSWORD);
  bob = await signIn('bob', CLIENT_PASSWORD);
  device = await callOk<DeviceView>(`${host.urls.devices}/api/devices`, 'POST', admin.token, {
    description: "ana's heat pump",
    address: 'ana street 1',
    max_hourly_kwh: 0.5,
    user_id: ana.user.id,
  });
  anasAlert = await overLimit(0);
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await host?.stop();
  await deleteQueues(AMQP_URL, ...Object.values(queues), ...Object.values(queues).map(deadLetterQueueOf));
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** 1 kWh in half an hour of `hour` on ana's device (limit 0.5 kWh): an alert; waits until it is stored. */
async function overLimit(hour: number): Promise<Alert> {
  const start = T0 + hour * HOUR;
  await publishConfirmed(AMQP_URL, queues.consumptions, [
    JSON.stringify({ timestamp: start, device_id: device.id, measurement_value: 10 * hour }),
    JSON.stringify({ timestamp: start + HOUR / 2, device_id: device.id, measurement_value: 10 * hour + 1 }),
  ]);
  return waitFor(
    async () => {
      const { body } = await call<{ alerts: Alert[] }>(
        `${host.urls.monitoring}/api/alerts`,
        'GET',
        admin.token,
      );
      return body.alerts?.find((a) => a.device_id === device.id && Date.parse(a.hour_start) === start);
    },
    { timeoutMs: 30_000, what: `the alert of hour ${hour}` },
  );
}

/** Every token that must be refused, each impersonating the admin. */
async function badTokens(): Promise<Record<string, string>> {
  const keys = await loadOrCreateSigningKeys(join(dataDir, 'users-signing-key.json'));
  const expired = (await createAccessTokenIssuer(keys, () => Date.now() - 2 * HOUR).issue(admin.user)).token;
  const [header, payload, signature] = ana.token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const asAdmin = { ...claims, sub: admin.user.id, role: 'admin', username: 'admin' };
  const forged = `${header}.${Buffer.from(JSON.stringify(asAdmin)).toString('base64url')}.${signature}`;
  const sign = (key: Parameters<SignJWT['sign']>[0], audience = TOKEN_AUDIENCE) =>
    new SignJWT({ role: 'admin', username: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid, typ: 'JWT' })
      .setSubject(admin.user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  const { privateKey: otherKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return {
    expired,
    forged,
    'wrong key': await sign(otherKey),
    'wrong audience': await sign(keys.privateKey, 'another-app'),
    unsigned: `${unsignedHeader}.${Buffer.from(JSON.stringify(asAdmin)).toString('base64url')}.`,
    malformed: 'not.a.token',
  };
}

interface Route {
  method: string;
  /** Full URL, built once the host and its ids exist. */
  url: () => string;
  body?: () => unknown;
  /** What a valid token of another client (bob) gets; undefined where nothing of ana's is involved. */
  otherUser?: number;
  /** Who may read it, for the control with a valid token; default the admin. */
  reader?: 'service';
}

/** A route's URL on one of the host's services, built when called (ids exist only once the host runs). */
const on = (service: keyof HeadlessProcess['urls'], path: () => string) => (): string =>
  `${host.urls[service]}${path()}`;
const users = (path: () => string) => on('users', path);
const devices = (path: () => string) => on('devices', path);
const monitoring = (path: () => string) => on('monitoring', path);
const ROUTES: Route[] = [
  { method: 'GET', url: users(() => '/api/me') },
  { method: 'GET', url: users(() => '/api/users'), otherUser: 403 },
  {
    method: 'POST',
    url: users(() => '/api/users'),
    body: () => ({ username: 'mallory', display_name: 'M', role: 'admin', password: 'mallory password' }),
    otherUser: 403,
  },
  { method: 'GET', url: users(() => `/api/users/${ana.user.id}`), otherUser: 403 },
  {
    method: 'PATCH',
    url: users(() => `/api/users/${ana.user.id}`),
    body: () => ({ role: 'admin' }),
    otherUser: 403,
  },
  {
    method: 'PUT',
    url: users(() => `/api/users/${ana.user.id}/password`),
    body: () => ({ password: 'taken over password' }),
    otherUser: 403,
  },
  { method: 'DELETE', url: users(() => `/api/users/${ana.user.id}`), otherUser: 403 },
  { method: 'GET', url: devices(() => `/api/devices?user_id=${ana.user.id}`), otherUser: 403 },
  { method: 'GET', url: devices(() => `/api/devices/${device.id}`), otherUser: 404 },
  {
    method: 'POST',
    url: devices(() => '/api/devices'),
    body: () => ({ description: 'x', address: 'y', max_hourly_kwh: 1, user_id: bob.user.id }),
    otherUser: 403,
  },
  {
    method: 'PATCH',
    url: devices(() => `/api/devices/${device.id}`),
    body: () => ({ user_id: bob.user.id }),
    otherUser: 403,
  },
  { method: 'DELETE', url: devices(() => `/api/devices/${device.id}`), otherUser: 403 },
  { method: 'GET', url: devices(() => '/api/devices/snapshot'), otherUser: 403, reader: 'service' },
  {
    method: 'GET',
    url: monitoring(() => `/api/devices/${device.id}/hourly?date=2024-01-01`),
    otherUser: 403,
  },
  { method: 'GET', url: monitoring(() => `/api/devices/${device.id}/daily?month=2024-01`), otherUser: 403 },
  { method: 'GET', url: monitoring(() => `/api/devices/${device.id}/quality`), otherUser: 403 },
  { method: 'GET', url: monitoring(() => `/api/alerts?device_id=${device.id}`), otherUser: 403 },
  { method: 'GET', url: monitoring(() => '/api/alerts') },
  { method: 'POST', url: monitoring(() => `/api/alerts/${anasAlert.id}/ack`), otherUser: 403 },
];

describe('bad tokens against the running host', () => {
  it('are refused with 401 on every HTTP route, with no effect', async () => {
    const tokens = await badTokens();
    for (const route of ROUTES) {
      const url = route.url();
      const body = route.body?.();
      expect(
        (await call(url, route.method, null, body)).status,
        `${route.method} ${url} without a token`,
      ).toBe(401);
      for (const [kind, token] of Object.entries(tokens)) {
        const answer = await call(url, route.method, token, body);
        expect(answer.status, `${route.method} ${url} with a ${kind} token`).toBe(401);
      }
    }
    // A refresh token is checked too: one never issued is refused.
    const refresh = await call(`${host.urls.users}/api/auth/refresh`, 'POST', null, {
      refresh_token: 'forged',
    });
    expect(refresh.status).toBe(401);
    // The same reads with a real token succeed: the refusals were the tokens'.
    const keys = await loadOrCreateSigningKeys(join(dataDir, 'users-signing-key.json'));
    const service = { id: 'service:fault-suite', username: 'fault-suite', role: 'service' } as const;
    const serviceToken = (await createAccessTokenIssuer(keys).issue(service)).token;
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      const token = route.reader === 'service' ? serviceToken : admin.token;
      expect((await call(route.url(), 'GET', token)).status, route.url()).toBe(200);
    }
    await expectNothingChanged();
  });

  it("give another client neither ana's device, her alerts, nor anyone's accounts", async () => {
    for (const route of ROUTES.filter((r) => r.otherUser !== undefined)) {
      const url = route.url();
      const answer = await call(url, route.method, bob.token, route.body?.());
      expect(answer.status, `${route.method} ${url} as bob`).toBe(route.otherUser);
    }
    expect(await callOk<{ id: string }>(`${host.urls.users}/api/me`, 'GET', bob.token)).toMatchObject({
      id: bob.user.id,
    });
    const bobs = await callOk<{ alerts: Alert[] }>(`${host.urls.monitoring}/api/alerts`, 'GET', bob.token);
    expect(bobs.alerts).toEqual([]);
    expect(await callOk<DeviceView[]>(`${host.urls.devices}/api/devices`, 'GET', bob.token)).toEqual([]);
    await expectNothingChanged();
  });

  it('close the live feed with 4401, and another client gets no alert of ana', async () => {
    for (const [kind, token] of Object.entries(await badTokens())) {
      const socket = await openLiveFeed(host.urls.monitoring, token, { expectRefusal: true });
      sockets.push(socket);
      expect(await socket.closed, kind).toBe(CLOSE_UNAUTHENTICATED);
      expect(
        socket.messages.some((m) => m.type === 'authenticated'),
        kind,
      ).toBe(false);
    }
    const anaFeed = await openLiveFeed(host.urls.monitoring, ana.token);
    const bobFeed = await openLiveFeed(host.urls.monitoring, bob.token);
    sockets.push(anaFeed, bobFeed);
    expect(await bobFeed.subscribe([device.id])).toEqual({
      type: 'subscribed',
      device_ids: [],
      refused: [device.id],
    });
    expect((await anaFeed.subscribe([device.id])).device_ids).toEqual([device.id]);

    const alert = await overLimit(1);
    await waitFor(() => anaFeed.messages.find((m) => m.type === 'alert' && m.id === alert.id), {
      what: "ana's live alert",
    });
    await waitFor(() => anaFeed.messages.find((m) => m.type === 'hourly'), { what: "ana's hourly push" });
    // Every push goes out in one pass over the sessions: had bob been sent one, it would be here by now.
    expect(bobFeed.messages.filter((m) => m.type === 'alert' || m.type === 'hourly')).toEqual([]);
  });
});

/** Accounts, ana's device and her alerts are as before: nothing a refused request asked for happened. */
async function expectNothingChanged(): Promise<void> {
  const accounts = await callOk<Array<{ username: string; role: string }>>(
    `${host.urls.users}/api/users`,
    'GET',
    admin.token,
  );
  expect(accounts.map((a) => `${a.username}:${a.role}`).sort()).toEqual([
    'admin:admin',
    'ana:client',
    'bob:client',
  ]);
  expect(
    await callOk<DeviceView>(`${host.urls.devices}/api/devices/${device.id}`, 'GET', admin.token),
  ).toEqual(device);
  const { alerts } = await callOk<{ alerts: Alert[] }>(
    `${host.urls.monitoring}/api/alerts`,
    'GET',
    admin.token,
  );
  expect(alerts.every((a) => a.acknowledged_at === null)).toBe(true);
  expect((await login(host.urls.users, 'ana', CLIENT_PASSWORD)).user.role).toBe('client');
}
