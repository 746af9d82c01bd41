// Both services on one broker: deleting a user unassigns their devices, and tells monitoring so.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/contracts/devices-api';
import { DEAD_LETTER_REASON_HEADER, deadLetterQueueOf } from '../bus/message-bus';
import { drainQueue, publishRaw } from '../testing/rabbitmq';
import { waitFor } from '../testing/wait';
import { startUsersFixture, type UsersFixture } from '../users/testing/users-fixture';
import { startDevicesFixture, type DevicesFixture } from './testing/devices-fixture';

let users: UsersFixture;
let devices: DevicesFixture;
let admin: string;

beforeAll(async () => {
  users = await startUsersFixture();
  devices = await startDevicesFixture({ users: { url: users.baseUrl, queue: users.usersQueue } });
  admin = await users.admin();
});
afterAll(async () => {
  await devices.dispose();
  await users.dispose();
});

describe('when a user is deleted', () => {
  it('their devices are unassigned, each with a device.upserted whose user_id is null', async () => {
    // Given a client who owns two devices, and a device of someone else
    const ivy = await users.createUser('ivy');
    const other = await users.createUser('jon');
    const create = async (user_id: string) =>
      (
        await request(devices.baseUrl)
          .post('/api/devices')
          .auth(admin, { type: 'bearer' })
          .send({ description: `of ${user_id}`, address: '', max_hourly_kwh: 1, user_id })
          .expect(201)
      ).body as DeviceView;
    const [a, b, c] = [await create(ivy.id), await create(ivy.id), await create(other.id)];
    const ivyToken = (await users.login('ivy', 'password of ivy')).access_token;
    const mine = await request(devices.baseUrl)
      .get('/api/devices')
      .auth(ivyToken, { type: 'bearer' })
      .expect(200);
    expect((mine.body as DeviceView[]).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());

    // When an admin deletes her
    await request(users.baseUrl).delete(`/api/users/${ivy.id}`).auth(admin, { type: 'bearer' }).expect(204);

    // Then her devices are unassigned, the other is untouched, and the events say so
    await waitFor(
      () =>
        [a, b].every((d) =>
          devices.events.some((e) => e.type === 'device.upserted' && e.device.id === d.id && e.version === 2),
        ),
      { what: 'the unassigning events' },
    );
    for (const d of [a, b]) {
      expect(devices.events).toContainEqual({
        type: 'device.upserted',
        device: { id: d.id, user_id: null, description: `of ${ivy.id}`, address: '', max_hourly_kwh: 1 },
        version: 2,
      });
    }
    const all = await request(devices.baseUrl)
      .get('/api/devices')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const byId = new Map((all.body as DeviceView[]).map((d) => [d.id, d]));
    expect(byId.get(a.id)?.user_id).toBeNull();
    expect(byId.get(c.id)).toMatchObject({ user_id: other.id, version: 1 });

    // And she cannot be given a device again
    const res = await request(devices.baseUrl)
      .patch(`/api/devices/${c.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ user_id: ivy.id })
      .expect(409);
    expect(res.body.fields).toEqual({ user_id: 'is a deleted user' });
  });

  it('a message that is not a user event is dead-lettered with its reason', async () => {
    await publishRaw(users.usersQueue, ['{"type":"user.renamed","user_id":"x"}']);
    const dead = await waitFor(
      async () => {
        const got = await drainQueue(deadLetterQueueOf(users.usersQueue));
        return got.length > 0 ? got : undefined;
      },
      { intervalMs: 200, what: 'the dead letter' },
    );
    expect(String(dead[0]!.headers[DEAD_LETTER_REASON_HEADER])).toMatch(/type/);
  });
});
