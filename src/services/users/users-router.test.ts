// Accounts over real HTTP, SQLite and RabbitMQ: what admins may do, what clients may not, and user.deleted.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDeletedSchema } from '../../shared/contracts/user-event';
import type { User } from '../../shared/contracts/users-api';
import { drainQueue } from '../testing/rabbitmq';
import { waitFor } from '../testing/wait';
import { startUsersFixture, type UsersFixture } from './testing/users-fixture';

let fx: UsersFixture;
let admin: string;

beforeAll(async () => {
  fx = await startUsersFixture();
  admin = await fx.admin();
});
afterAll(() => fx.dispose());

const api = () => request(fx.baseUrl);

describe('admins', () => {
  it('create, read, update and delete accounts', async () => {
    const created = await api()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'carla', display_name: 'Carla', role: 'client', password: 'carla password' })
      .expect(201);
    const carla = created.body as User;
    expect(carla).toEqual({ id: carla.id, username: 'carla', display_name: 'Carla', role: 'client' });
    expect(created.body).not.toHaveProperty('password_hash');
    await api().get(`/api/users/${carla.id}`).auth(admin, { type: 'bearer' }).expect(200, carla);
    const list = await api().get('/api/users').auth(admin, { type: 'bearer' }).expect(200);
    expect((list.body as User[]).map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'carla']));
    const renamed = await api()
      .patch(`/api/users/${carla.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ display_name: 'Carla R.', role: 'admin' })
      .expect(200);
    expect(renamed.body).toMatchObject({ display_name: 'Carla R.', role: 'admin' });
    await api().delete(`/api/users/${carla.id}`).auth(admin, { type: 'bearer' }).expect(204);
    await api().get(`/api/users/${carla.id}`).auth(admin, { type: 'bearer' }).expect(404);
  });

  it('reset a password: the new one signs in, the old one and old sessions stop working', async () => {
    const dan = await fx.createUser('dan');
    const session = await fx.login('dan', 'password of dan');
    await api()
      .put(`/api/users/${dan.id}/password`)
      .auth(admin, { type: 'bearer' })
      .send({ password: 'a new password' })
      .expect(204);
    await api().post('/api/auth/login').send({ username: 'dan', password: 'password of dan' }).expect(401);
    await fx.login('dan', 'a new password');
    await api().post('/api/auth/refresh').send({ refresh_token: session.refresh_token }).expect(401);
  });

  it('cannot take a username that differs only in case', async () => {
    await fx.createUser('Erin');
    const res = await api()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'ERIN', display_name: 'x', role: 'client', password: 'long enough' })
      .expect(409);
    expect(res.body.error).toMatch(/taken/);
  });

  it('cannot demote or delete the last admin', async () => {
    const me = (await api().get('/api/me').auth(admin, { type: 'bearer' }).expect(200)).body as User;
    await api()
      .patch(`/api/users/${me.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'client' })
      .expect(409);
    const res = await api().delete(`/api/users/${me.id}`).auth(admin, { type: 'bearer' }).expect(409);
    expect(res.body.error).toMatch(/last admin/);
  });

  it('get 400 naming the fields, and 404 for an unknown id', async () => {
    const res = await api()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: ' padded ', display_name: '', role: 'root', password: 'short' })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['display_name', 'password', 'role', 'username']);
    await api()
      .get('/api/users/0d9e7a36-5f3c-4d4e-9b8a-1c2d3e4f5a6b')
      .auth(admin, { type: 'bearer' })
      .expect(404);
    const bad = await api().get('/api/users/42').auth(admin, { type: 'bearer' }).expect(400);
    expect(bad.body.fields).toHaveProperty('id');
  });

  it('store names exactly as given', async () => {
    const display_name = "Zoë O'Brien'; DROP TABLE users; -- 🐙 ᄀᄀ";
    const res = await api()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'zoë', display_name, role: 'client', password: 'long enough' })
      .expect(201);
    const got = await api().get(`/api/users/${res.body.id}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(got.body).toMatchObject({ username: 'zoë', display_name });
  });
});

describe('clients', () => {
  it('read themselves and nothing of the accounts API', async () => {
    const fay = await fx.createUser('fay');
    const token = (await fx.login('fay', 'password of fay')).access_token;
    await api().get('/api/me').auth(token, { type: 'bearer' }).expect(200, fay);
    await api().get('/api/users').auth(token, { type: 'bearer' }).expect(403);
    await api().get(`/api/users/${fay.id}`).auth(token, { type: 'bearer' }).expect(403);
    await api()
      .patch(`/api/users/${fay.id}`)
      .auth(token, { type: 'bearer' })
      .send({ role: 'admin' })
      .expect(403);
    await api()
      .put(`/api/users/${fay.id}/password`)
      .auth(token, { type: 'bearer' })
      .send({ password: 'xxxxxxxx' })
      .expect(403);
  });

  it('of a deleted account are refused at once, though their token has not expired', async () => {
    const gus = await fx.createUser('gus');
    const token = (await fx.login('gus', 'password of gus')).access_token;
    await api().delete(`/api/users/${gus.id}`).auth(admin, { type: 'bearer' }).expect(204);
    const res = await api().get('/api/me').auth(token, { type: 'bearer' }).expect(401);
    expect(res.body.error).toMatch(/no longer exists/);
  });
});

describe('deleting a user', () => {
  it('publishes user.deleted on the users queue', async () => {
    const hal = await fx.createUser('hal');
    await api().delete(`/api/users/${hal.id}`).auth(admin, { type: 'bearer' }).expect(204);
    const seen: unknown[] = [];
    await waitFor(
      async () => {
        seen.push(
          ...(await drainQueue(fx.usersQueue)).map((m) => userDeletedSchema.parse(JSON.parse(m.body))),
        );
        return seen.some((e) => (e as { user_id: string }).user_id === hal.id);
      },
      { intervalMs: 200, what: 'user.deleted for hal' },
    );
    expect(seen).toContainEqual({ type: 'user.deleted', user_id: hal.id });
  });
});
