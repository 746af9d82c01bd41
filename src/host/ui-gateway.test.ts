// The gateway on one origin: the UI, the host's routes, and the services' APIs and live feed behind it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../shared/contracts/live-feed';
import type { SimulatorState } from '../shared/contracts/simulator-api';
import { loadConfig } from '../services/config/config';
import { quietLog, readingCount } from '../services/testing/monitoring-harness';
import { isolatedHost, type IsolatedHost } from '../services/testing/isolated-host';
import { useTempDirs } from '../services/testing/temp-dir';
import { waitFor, withTimeout } from '../services/testing/wait';
import { startEmbeddedServices, type EmbeddedServices } from './embedded-services';
import { startUiGateway, type UiGateway } from './ui-gateway';

const tempDir = useTempDirs();
let host: IsolatedHost;
let services: EmbeddedServices;
let gateway: UiGateway;
afterEach(async () => {
  await gateway.close();
  await services.close();
  await host.deleteQueues();
});

async function start(): Promise<string> {
  host = isolatedHost('gw', { dataDir: tempDir(), tz: 'Europe/Bucharest' });
  const config = loadConfig(host.env);
  const ui = tempDir();
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>WattDesk</title>');
  services = await startEmbeddedServices(config, quietLog, { ephemeralPorts: true });
  gateway = await startUiGateway(services, config, quietLog, { staticDir: ui, port: 0 });
  return `http://127.0.0.1:${gateway.port}`;
}

async function json<T>(res: Response): Promise<{ status: number; body: T }> {
  return { status: res.status, body: (await res.json()) as T };
}

describe('the UI gateway', () => {
  it('serves the UI, the first-run password, and signs in through the users service', async () => {
    const base = await start();
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>WattDesk</title>');
    expect(await (await fetch(`${base}/devices/some-device`)).text()).toContain('<title>WattDesk</title>');
    expect((await fetch(`${base}/api/nowhere`)).status).toBe(404);

    const status = await json<{ bus: { kind: string }; site_tz: string }>(
      await fetch(`${base}/api/host/status`),
    );
    expect(status.body).toMatchObject({
      bus: { kind: 'rabbitmq', connected: true },
      services: 'embedded',
      site_tz: 'Europe/Bucharest',
    });
    const firstRun = await json<{ generated_admin_password: string }>(
      await fetch(`${base}/api/host/first-run`),
    );
    const password = firstRun.body.generated_admin_password;
    expect(password).toEqual(expect.any(String));

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token}` };
    expect(await json(await fetch(`${base}/api/devices`, { headers: auth }))).toEqual({
      status: 200,
      body: [],
    });
    expect((await fetch(`${base}/api/devices/meter/hourly?date=2026-01-01`, { headers: auth })).status).toBe(
      404,
    );

    expect((await fetch(`${base}/api/host/first-run/complete`, { method: 'POST' })).status).toBe(401);
    expect(
      (await fetch(`${base}/api/host/first-run/complete`, { method: 'POST', headers: auth })).status,
    ).toBe(204);
    expect((await json(await fetch(`${base}/api/host/first-run`))).body).toEqual({
      generated_admin_password: null,
    });
  });

  it('carries the live feed and runs the simulator into monitoring through the host bus', async () => {
    const base = await start();
    const password = services.users.generatedAdmin!.password;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const socket = new WebSocket(`${base.replace('http', 'ws')}/ws`);
    const messages: ServerMessage[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'auth', token }));
    socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['sim-1'] }));
    await waitFor(() => messages.find((m) => m.type === 'subscribed'), {
      what: 'the subscription via the gateway',
    });

    const bad = await json<{ fields: Record<string, string> }>(
      await fetch(`${base}/api/simulator/start`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ source: { kind: 'sample' } }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['device_ids', 'speed', 'start']));

    const request = {
      source: { kind: 'sample' },
      device_ids: ['sim-1'],
      speed: 'max',
      start: '2026-01-01T00:00:00+02:00',
    };
    const started = await json<SimulatorState>(
      await fetch(`${base}/api/simulator/start`, { method: 'POST', headers, body: JSON.stringify(request) }),
    );
    expect(started.body).toMatchObject({ phase: 'running', file_name: 'sample.csv', device_ids: ['sim-1'] });
    expect(
      (await fetch(`${base}/api/simulator/start`, { method: 'POST', headers, body: JSON.stringify(request) }))
        .status,
    ).toBe(409);

    await waitFor(() => readingCount(services.monitoring) > 500, {
      what: 'simulated readings in monitoring',
    });
    await waitFor(() => messages.find((m) => m.type === 'hourly' && m.device_id === 'sim-1'), {
      what: 'a live hourly push',
    });
    const stopped = await json<SimulatorState>(
      await fetch(`${base}/api/simulator/stop`, { method: 'POST', headers }),
    );
    expect(stopped.body.phase).toBe('stopped');
    expect(stopped.body.sent).toBeGreaterThan(500);

    // Closing the gateway ends the proxied live feed too, rather than waiting on it.
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await gateway.close();
    await withTimeout(closed, 5_000, 'the live feed to close with the gateway');
  });
});
