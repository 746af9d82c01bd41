// Who sees what, over HTTP and the live feed: a client only its own devices and alerts, an admin all,
// and no request without a valid token.
import { SignJWT, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AuthUser } from '../../../shared/contracts/auth';
import { CLOSE_UNAUTHENTICATED, type ServerMessage } from '../../../shared/contracts/live-feed';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { startHarness, type Harness } from '../../testing/monitoring-harness';
import { useTempDirs } from '../../testing/temp-dir';
import { TEST_ADMIN } from '../../testing/test-tokens';
import { waitFor } from '../../testing/wait';

const tempDir = useTempDirs();
let h: Harness;
const sockets: WebSocket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.terminate());
  await h.dispose();
});

const ana: AuthUser = { id: 'user-ana', username: 'ana', role: 'client' };
const bob: AuthUser = { id: 'user-bob', username: 'bob', role: 'client' };
const t0 = Date.UTC(2026, 0, 1);

async function owned(id: string, owner: AuthUser | null, version = 1): Promise<void> {
  await h.publishRaw('devices', [
    JSON.stringify({
      type: 'device.upserted',
      device: { id, user_id: owner?.id ?? null, description: id, address: 'a', max_hourly_kwh: 0.5 },
      version,
    }),
  ]);
  await waitFor(() => h.service.store.devices.get(id)?.version === version, {
    what: `device ${id} v${version}`,
  });
}

/** Two readings 30 minutes apart with 1 kWh between them: over the 0.5 kWh limit. */
async function overLimit(id: string, hour: number): Promise<void> {
  const start = t0 + hour * 3_600_000;
  const before = h.service.store.alerts.list({ deviceId: id }).length;
  await h.publishReadings([
    { timestamp: start, device_id: id, measurement_value: 10 * hour },
    { timestamp: start + 1_800_000, device_id: id, measurement_value: 10 * hour + 1 },
  ]);
  await waitFor(() => h.service.store.alerts.list({ deviceId: id }).length > before, {
    what: `an alert on ${id}`,
  });
}

async function socketAs(user: AuthUser): Promise<{ socket: WebSocket; messages: ServerMessage[] }> {
  const socket = new WebSocket(`ws://127.0.0.1:${h.service.port}/ws`);
  sockets.push(socket);
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'auth', token: await h.tokens.tokenFor(user) }));
  await waitFor(() => messages.find((m) => m.type === 'authenticated'));
  return { socket, messages };
}

describe('access to monitoring', () => {
  it('lets a client read only its own devices and alerts over HTTP, and an admin everything', async () => {
    h = await startHarness(tempDir());
    await owned('ana-meter', ana);
    await owned('bob-meter', bob);
    await overLimit('ana-meter', 0);
    await overLimit('bob-meter', 0);

    for (const path of ['hourly?date=2026-01-01', 'daily?month=2026-01', 'quality']) {
      expect((await h.get(`/api/devices/ana-meter/${path}`, ana)).status).toBe(200);
      expect((await h.get(`/api/devices/bob-meter/${path}`, ana)).status).toBe(403);
      expect((await h.get(`/api/devices/no-such-meter/${path}`, ana)).status).toBe(403);
      expect((await h.get(`/api/devices/bob-meter/${path}`, TEST_ADMIN)).status).toBe(200);
      expect((await h.get(`/api/devices/bob-meter/${path}`, null)).status).toBe(401);
    }
    const anaAlerts = (await h.get<{ alerts: Alert[] }>('/api/alerts', ana)).body.alerts;
    expect(anaAlerts.map((a) => a.device_id)).toEqual(['ana-meter']);
    expect((await h.get('/api/alerts?device_id=bob-meter', ana)).status).toBe(403);
    expect((await h.get<{ alerts: Alert[] }>('/api/alerts')).body.alerts).toHaveLength(2);

    const bobAlert = h.service.store.alerts.list({ deviceId: 'bob-meter' })[0]!;
    expect((await h.post(`/api/alerts/${bobAlert.id}/ack`, ana)).status).toBe(403);
    expect((await h.post(`/api/alerts/${anaAlerts[0]!.id}/ack`, ana)).status).toBe(200);
  });

  it('refuses tampered, expired, wrong-key and missing tokens on every route and the live feed', async () => {
    h = await startHarness(tempDir());
    await owned('ana-meter', ana);
    const good = await h.tokens.tokenFor(TEST_ADMIN);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: 'x' })).toString('base64url')}.${signature}`;
    const { privateKey } = await generateKeyPair('EdDSA');
    const sign = (exp: number, key = privateKey) =>
      new SignJWT({ role: 'admin', username: 'mallory' })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject('mallory')
        .setIssuer('wattdesk-users')
        .setAudience('wattdesk')
        .setExpirationTime(exp)
        .sign(key);
    const wrongKey = await sign(Math.floor(Date.now() / 1000) + 600);
    const bad = { tampered, wrongKey, garbage: 'not.a.token' };

    const routes: Array<[string, string]> = [
      ['GET', '/api/devices/ana-meter/hourly?date=2026-01-01'],
      ['GET', '/api/devices/ana-meter/daily?month=2026-01'],
      ['GET', '/api/devices/ana-meter/quality'],
      ['GET', '/api/alerts'],
      ['POST', '/api/alerts/1/ack'],
    ];
    for (const [method, path] of routes) {
      expect((await fetch(`${h.baseUrl}${path}`, { method })).status).toBe(401);
      for (const token of Object.values(bad)) {
        const res = await fetch(`${h.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    expect((await fetch(`${h.baseUrl}/api/health`)).status).toBe(200);

    for (const token of Object.values(bad)) {
      const socket = new WebSocket(`ws://127.0.0.1:${h.service.port}/ws`);
      sockets.push(socket);
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'auth', token }));
      expect(await closed).toBe(CLOSE_UNAUTHENTICATED);
    }
    const unsigned = new WebSocket(`ws://127.0.0.1:${h.service.port}/ws`);
    sockets.push(unsigned);
    const closed = new Promise<number>((resolve) => unsigned.once('close', (code) => resolve(code)));
    await new Promise((resolve) => unsigned.once('open', resolve));
    unsigned.send(JSON.stringify({ type: 'subscribe', device_ids: ['ana-meter'] }));
    expect(await closed).toBe(CLOSE_UNAUTHENTICATED);
  });

  it('refuses an expired token', async () => {
    h = await startHarness(tempDir());
    const expired = await h.tokens.expiredTokenFor(TEST_ADMIN);
    const res = await fetch(`${h.baseUrl}/api/alerts`, { headers: { authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'token expired' });
  });

  it('sends a client only its own devices over the live feed, and alerts to the owner of the moment', async () => {
    h = await startHarness(tempDir());
    await owned('meter', ana);
    const anaSocket = await socketAs(ana);
    const bobSocket = await socketAs(bob);
    anaSocket.socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['meter'] }));
    bobSocket.socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['meter'] }));
    await waitFor(() => anaSocket.messages.find((m) => m.type === 'subscribed'));
    expect(await waitFor(() => bobSocket.messages.find((m) => m.type === 'subscribed'))).toEqual({
      type: 'subscribed',
      device_ids: [],
      refused: ['meter'],
    });

    await overLimit('meter', 0);
    await waitFor(() => anaSocket.messages.find((m) => m.type === 'alert'), { what: "ana's alert" });

    // Reassigned to bob: the next alert is his, and ana no longer follows the device.
    await owned('meter', bob, 2);
    await overLimit('meter', 1);
    const bobsAlert = await waitFor(() => bobSocket.messages.find((m) => m.type === 'alert'), {
      what: "bob's alert",
    });
    expect(bobsAlert).toMatchObject({ device_id: 'meter', user_id: bob.id });
    expect(anaSocket.messages.filter((m) => m.type === 'alert')).toHaveLength(1);
    expect((await h.get('/api/devices/meter/quality', ana)).status).toBe(403);
  });

  it('stops alerting on a device once its owner is gone and it is unassigned', async () => {
    h = await startHarness(tempDir());
    await owned('meter', ana);
    await overLimit('meter', 0);
    await owned('meter', null, 2);
    await h.publishReadings([
      { timestamp: t0 + 5 * 3_600_000, device_id: 'meter', measurement_value: 100 },
      { timestamp: t0 + 5.5 * 3_600_000, device_id: 'meter', measurement_value: 200 },
    ]);
    await h.waitForReadings(4);
    await h.waitForApplied(4);
    expect(h.service.store.alerts.list({ deviceId: 'meter' })).toHaveLength(1);
  });
});
