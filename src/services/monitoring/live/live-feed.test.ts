// The live feed through the real service: subscribe, then hourly totals and alerts arrive as they change.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AuthUser } from '../../../shared/contracts/auth';
import type { ServerMessage } from '../../../shared/contracts/live-feed';
import { startHarness, type Harness } from '../../testing/monitoring-harness';
import { useTempDirs } from '../../testing/temp-dir';
import { TEST_ADMIN } from '../../testing/test-tokens';
import { waitFor } from '../../testing/wait';

const tempDir = useTempDirs();
let h: Harness;
const sockets: WebSocket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await h.dispose();
});

/** A socket signed in as `user` (the test admin by default). */
async function connect(
  user: AuthUser = TEST_ADMIN,
): Promise<{ socket: WebSocket; messages: ServerMessage[] }> {
  const socket = new WebSocket(`ws://127.0.0.1:${h.service.port}/ws`);
  sockets.push(socket);
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'auth', token: await h.tokens.tokenFor(user) }));
  await waitFor(() => messages.find((m) => m.type === 'authenticated'), { what: 'sign-in' });
  return { socket, messages };
}

const MIN = 60_000;
const t0 = Date.UTC(2026, 0, 1);

describe('the live feed', () => {
  it('pushes coalesced hourly totals and each alert to subscribers of the device only', async () => {
    h = await startHarness(tempDir());
    const watcher = await connect();
    const other = await connect();
    watcher.socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['m1'] }));
    other.socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['m2'] }));
    await waitFor(() => watcher.messages.find((m) => m.type === 'subscribed'));
    await waitFor(() => other.messages.find((m) => m.type === 'subscribed'));

    await h.publishRaw('devices', [
      JSON.stringify({
        type: 'device.upserted',
        device: { id: 'm1', user_id: 'u1', description: 'Heat pump', address: 'a', max_hourly_kwh: 2 },
        version: 1,
      }),
    ]);
    await waitFor(() => h.service.store.devices.get('m1')?.version === 1);
    const readings = Array.from({ length: 60 }, (_, i) => ({
      timestamp: t0 + i * MIN,
      device_id: 'm1',
      measurement_value: i * 0.05,
    }));
    await h.publishReadings(readings);

    const alert = await waitFor(() => watcher.messages.find((m) => m.type === 'alert'), { what: 'an alert' });
    expect(alert).toMatchObject({
      device_id: 'm1',
      hour_start: '2026-01-01T00:00:00+00:00',
      max_hourly_kwh: 2,
    });
    const final = await waitFor(
      () => watcher.messages.find((m) => m.type === 'hourly' && Math.abs(m.kwh - 59 * 0.05) < 1e-9),
      { what: 'the final hourly total' },
    );
    expect(final).toMatchObject({ device_id: 'm1', start: '2026-01-01T00:00:00+00:00' });
    const hourlyPushes = watcher.messages.filter((m) => m.type === 'hourly').length;
    expect(hourlyPushes).toBeLessThan(readings.length / 2);
    expect(other.messages.filter((m) => m.type === 'hourly' || m.type === 'alert')).toEqual([]);
  });

  it('answers a malformed client message with an error and keeps the socket open', async () => {
    h = await startHarness(tempDir());
    const client = await connect();
    client.socket.send('{"type": "subscribe", "device_ids": "m1"}');
    client.socket.send('nonsense');
    await waitFor(() => client.messages.filter((m) => m.type === 'error').length === 2);
    expect(client.messages.find((m) => m.type === 'error')).toMatchObject({
      error: expect.stringMatching(/device_ids/),
    });
    client.socket.send(JSON.stringify({ type: 'subscribe', device_ids: ['x'] }));
    await waitFor(() => client.messages.find((m) => m.type === 'subscribed'));
  });
});
