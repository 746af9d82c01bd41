// A broker outage delays device events but loses none, and each device's events keep their version order.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../shared/contracts/device-event';
import type { DeviceView } from '../../shared/contracts/devices-api';
import { TEST_AMQP_URL } from '../testing/rabbitmq';
import { waitFor } from '../testing/wait';
import { startDevicesFixture, type DevicesFixture } from './testing/devices-fixture';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';

let fx: DevicesFixture;
let proxy: TcpProxy;

afterEach(async () => {
  await proxy.start();
  await fx.dispose();
});

function deviceIdOf(e: DeviceEvent): string {
  return e.type === 'device.upserted' ? e.device.id : e.device_id;
}

/** Versions per device in arrival order, with repeats of the same version (redeliveries) dropped. */
function versionsByDevice(events: DeviceEvent[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of events) {
    const list = out.get(deviceIdOf(e)) ?? [];
    if (list.at(-1) !== e.version) list.push(e.version);
    out.set(deviceIdOf(e), list);
  }
  return out;
}

describe('the outbox relay', () => {
  it('publishes every change made while the broker was unreachable, in version order per device', async () => {
    proxy = await startTcpProxy(TEST_AMQP_URL);
    fx = await startDevicesFixture({ amqpUrl: proxy.url });
    const admin = await fx.token('admin');
    const api = () => request(fx.baseUrl);
    await waitFor(async () => (await api().get('/api/health')).body.bus.connected, {
      what: 'the bus to connect',
    });

    // Given a broker the service cannot reach
    await proxy.stop();
    await waitFor(async () => !(await api().get('/api/health')).body.bus.connected, {
      what: 'the bus to notice',
    });

    // When devices are created, changed and deleted
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api()
        .post('/api/devices')
        .auth(admin, { type: 'bearer' })
        .send({ description: `meter ${i}`, address: '', max_hourly_kwh: 1 })
        .expect(201);
      ids.push((res.body as DeviceView).id);
    }
    for (const id of ids) {
      for (let kwh = 2; kwh <= 4; kwh++) {
        await api()
          .patch(`/api/devices/${id}`)
          .auth(admin, { type: 'bearer' })
          .send({ max_hourly_kwh: kwh })
          .expect(200);
      }
    }
    await api().delete(`/api/devices/${ids[0]}`).auth(admin, { type: 'bearer' }).expect(204);
    const backlog = (await api().get('/api/health')).body.outbox_pending as number;
    expect(backlog).toBeGreaterThan(0);
    expect(fx.events).toEqual([]);

    // Then, once the broker is back, every event arrives, each device's in version order
    await proxy.start();
    await waitFor(() => new Set(fx.events.map((e) => `${deviceIdOf(e)}@${e.version}`)).size === 5 * 4 + 1, {
      timeoutMs: 30_000,
      what: 'all 21 events',
    });
    const versions = versionsByDevice(fx.events);
    expect(versions.get(ids[0]!)).toEqual([1, 2, 3, 4, 5]);
    for (const id of ids.slice(1)) expect(versions.get(id)).toEqual([1, 2, 3, 4]);
    expect(fx.events.filter((e) => e.type === 'device.deleted')).toEqual([
      { type: 'device.deleted', device_id: ids[0], version: 5 },
    ]);
    await waitFor(async () => (await api().get('/api/health')).body.outbox_pending === 0, {
      what: 'the outbox to be marked sent',
    });
  });

  it('keeps pending events across a restart of the service', async () => {
    proxy = await startTcpProxy(TEST_AMQP_URL);
    fx = await startDevicesFixture({ amqpUrl: proxy.url });
    const admin = await fx.token('admin');
    await proxy.stop();
    const res = await request(fx.baseUrl)
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .send({ description: 'survivor', address: '', max_hourly_kwh: 1 })
      .expect(201);
    expect(fx.service.relay.pendingCount()).toBe(1);
    await fx.restart();
    await proxy.start();
    await waitFor(() => fx.events.find((e) => e.type === 'device.upserted' && e.device.id === res.body.id), {
      timeoutMs: 30_000,
      what: 'the event written before the restart',
    });
  });
});
