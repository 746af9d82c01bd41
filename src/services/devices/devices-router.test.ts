// The devices HTTP API over real HTTP, SQLite and RabbitMQ: roles, validation, literal storage, the snapshot.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceSnapshotSchema, type DeviceView } from '../../shared/contracts/devices-api';
import { waitFor } from '../testing/wait';
import { startDevicesFixture, type DevicesFixture } from './testing/devices-fixture';

let fx: DevicesFixture;
let admin: string;
const ana = randomUUID();
const ben = randomUUID();
let anaToken: string;
let benToken: string;

beforeAll(async () => {
  fx = await startDevicesFixture();
  admin = await fx.token('admin');
  anaToken = await fx.token('client', ana);
  benToken = await fx.token('client', ben);
});
afterAll(() => fx.dispose());

const api = () => request(fx.baseUrl);

async function createDevice(fields: Record<string, unknown> = {}): Promise<DeviceView> {
  const res = await api()
    .post('/api/devices')
    .auth(admin, { type: 'bearer' })
    .send({ description: 'Heat pump', address: '1 Main St', max_hourly_kwh: 3.5, ...fields })
    .expect(201);
  return res.body as DeviceView;
}

describe('roles', () => {
  it('a client sees only their own devices', async () => {
    const mine = await createDevice({ user_id: ana });
    const theirs = await createDevice({ user_id: ben });
    const list = await api().get('/api/devices').auth(anaToken, { type: 'bearer' }).expect(200);
    const ids = (list.body as DeviceView[]).map((d) => d.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    await api().get(`/api/devices/${mine.id}`).auth(anaToken, { type: 'bearer' }).expect(200);
    await api().get(`/api/devices/${theirs.id}`).auth(anaToken, { type: 'bearer' }).expect(404);
    await api().get(`/api/devices?user_id=${ben}`).auth(anaToken, { type: 'bearer' }).expect(403);
  });

  it('a client cannot change or delete a device, even their own; an admin can', async () => {
    const theirs = await createDevice({ user_id: ben });
    const mine = await createDevice({ user_id: ana });
    for (const id of [theirs.id, mine.id]) {
      await api()
        .patch(`/api/devices/${id}`)
        .auth(anaToken, { type: 'bearer' })
        .send({ max_hourly_kwh: 99 })
        .expect(403);
      await api().delete(`/api/devices/${id}`).auth(anaToken, { type: 'bearer' }).expect(403);
    }
    await api().post('/api/devices').auth(anaToken, { type: 'bearer' }).send({}).expect(403);
    const changed = await api()
      .patch(`/api/devices/${theirs.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ max_hourly_kwh: 99, user_id: ana })
      .expect(200);
    expect(changed.body).toMatchObject({ max_hourly_kwh: 99, user_id: ana, version: 2 });
    await api().get(`/api/devices/${theirs.id}`).auth(benToken, { type: 'bearer' }).expect(404);
    await api().delete(`/api/devices/${theirs.id}`).auth(admin, { type: 'bearer' }).expect(204);
    await api().get(`/api/devices/${theirs.id}`).auth(admin, { type: 'bearer' }).expect(404);
  });

  it('an admin lists every device, or those of one user', async () => {
    const d = await createDevice({ user_id: ben });
    const all = await api().get('/api/devices').auth(admin, { type: 'bearer' }).expect(200);
    expect((all.body as DeviceView[]).some((x) => x.user_id === ana)).toBe(true);
    const bens = await api().get(`/api/devices?user_id=${ben}`).auth(admin, { type: 'bearer' }).expect(200);
    expect((bens.body as DeviceView[]).map((x) => x.user_id)).toEqual(bens.body.map(() => ben));
    expect((bens.body as DeviceView[]).map((x) => x.id)).toContain(d.id);
  });
});

describe('tokens', () => {
  it('refuses requests without a token, and with a tampered one', async () => {
    const missing = await api().get('/api/devices').expect(401);
    expect(missing.body.error).toMatch(/sign in/);
    const [header, payload, signature] = anaToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const res = await api()
      .get('/api/devices')
      .auth(`${header}.${forged}.${signature}`, { type: 'bearer' })
      .expect(401);
    expect(res.body.error).toMatch(/signature/);
  });
});

describe('validation', () => {
  it('answers 400 naming each field at fault', async () => {
    const res = await api()
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .send({ description: 7, max_hourly_kwh: 0, user_id: 'bob', colour: 'red' })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      '(body)',
      'address',
      'description',
      'max_hourly_kwh',
      'user_id',
    ]);
    expect(res.body.fields['(body)']).toMatch(/colour/);
    expect(res.body.fields.address).toMatch(/expected string/);
  });

  it('answers 400 for a malformed id and for JSON that does not parse', async () => {
    const bad = await api().get('/api/devices/not-a-uuid').auth(admin, { type: 'bearer' }).expect(400);
    expect(bad.body.fields).toHaveProperty('id');
    const junk = await api()
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"description": ')
      .expect(400);
    expect(junk.body.fields).toEqual({ '(body)': 'unreadable' });
  });

  it('answers 409 for a device id that exists or existed', async () => {
    const d = await createDevice();
    await api()
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .send({ id: d.id, description: '', address: '', max_hourly_kwh: 1 })
      .expect(409);
    await api().delete(`/api/devices/${d.id}`).auth(admin, { type: 'bearer' }).expect(204);
    await api()
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .send({ id: d.id, description: '', address: '', max_hourly_kwh: 1 })
      .expect(409);
  });
});

describe('stored literally', () => {
  it('keeps SQL-shaped and Unicode strings exactly as given, in the API and in the event', async () => {
    const description = 'Robert\'); DROP TABLE devices; -- " \\ %_ \u0000 end';
    const address = 'Zählerstraße 5, 東京 🔌 e\u0301 \u202Eevil\u202C ﷽';
    const d = await createDevice({ description, address });
    const got = await api().get(`/api/devices/${d.id}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(got.body.description).toBe(description);
    expect(got.body.address).toBe(address);
    const event = await waitFor(
      () => fx.events.find((e) => e.type === 'device.upserted' && e.device.id === d.id),
      {
        what: 'the upserted event',
      },
    );
    expect(event).toMatchObject({ device: { description, address } });
  });

  it('refuses a lone surrogate, which could not come back as sent', async () => {
    const res = await api()
      .post('/api/devices')
      .auth(admin, { type: 'bearer' })
      .send({ description: 'half \ud83d', address: '', max_hourly_kwh: 1 })
      .expect(400);
    expect(res.body.fields.description).toMatch(/Unicode/);
  });
});

describe('snapshot', () => {
  it('needs a service token and holds every device at its version, deleted ones too', async () => {
    const kept = await createDevice();
    const gone = await createDevice();
    await api().delete(`/api/devices/${gone.id}`).auth(admin, { type: 'bearer' }).expect(204);
    await api().get('/api/devices/snapshot').auth(admin, { type: 'bearer' }).expect(403);
    await api().get('/api/devices/snapshot').auth(anaToken, { type: 'bearer' }).expect(403);
    const res = await api()
      .get('/api/devices/snapshot')
      .auth(await fx.token('service'), { type: 'bearer' })
      .expect(200);
    const { events } = deviceSnapshotSchema.parse(res.body);
    expect(events).toContainEqual({
      type: 'device.upserted',
      device: {
        id: kept.id,
        user_id: null,
        description: 'Heat pump',
        address: '1 Main St',
        max_hourly_kwh: 3.5,
      },
      version: 1,
    });
    expect(events).toContainEqual({ type: 'device.deleted', device_id: gone.id, version: 2 });
  });
});

describe('health', () => {
  it('answers without a token, with the bus and the outbox backlog', async () => {
    const res = await api().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', service: 'devices', bus: { kind: 'rabbitmq' } });
    expect(typeof res.body.outbox_pending).toBe('number');
  });
});
