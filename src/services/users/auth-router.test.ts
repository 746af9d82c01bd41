// Signing in, refreshing and signing out over real HTTP and SQLite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../../shared/contracts/auth';
import { createTokenVerifier } from '../auth/token-verifier';
import { ADMIN_PASSWORD, startUsersFixture, type UsersFixture } from './testing/users-fixture';

let fx: UsersFixture;
afterEach(() => fx.dispose());

const api = () => request(fx.baseUrl);

describe('sign-in', () => {
  it('returns an access token that the published public key verifies, a refresh token and the user', async () => {
    fx = await startUsersFixture();
    const res = await api()
      .post('/api/auth/login')
      .send({ username: 'ADMIN', password: ADMIN_PASSWORD })
      .expect(200);
    const body = res.body as TokenResponse;
    expect(body).toMatchObject({ expires_in: 900, user: { username: 'admin', role: 'admin' } });
    expect(body.refresh_token).toMatch(/^[\w-]{43}$/);
    const verifier = createTokenVerifier({ jwksUrl: `${fx.baseUrl}/.well-known/jwks.json` });
    expect(await verifier.verify(body.access_token)).toEqual({
      ok: true,
      user: { id: body.user.id, username: 'admin', role: 'admin' },
    });
  });

  it('gives the same answer for a wrong password and an unknown username', async () => {
    fx = await startUsersFixture();
    const wrong = await api()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'nope nope' })
      .expect(401);
    const unknown = await api()
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'nope nope' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('names the missing fields', async () => {
    fx = await startUsersFixture();
    const res = await api().post('/api/auth/login').send({ user: 'admin' }).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['(body)', 'password', 'username']);
    expect(res.body.fields['(body)']).toMatch(/"user"/);
  });

  it('stores no password and no refresh token in clear', async () => {
    fx = await startUsersFixture();
    const { refresh_token } = await fx.login('admin', ADMIN_PASSWORD);
    await fx.service.close();
    // Closed, so the write-ahead log is folded into the file: everything stored is in these bytes.
    const bytes = readFileSync(join(fx.dataDir, 'users.db')).toString('latin1');
    expect(bytes).toContain('scrypt$');
    for (const secret of [ADMIN_PASSWORD, refresh_token]) expect(bytes).not.toContain(secret);
  });
});

describe('rate limit', () => {
  it('refuses a username after too many failures, with the wait in Retry-After', async () => {
    fx = await startUsersFixture({
      loginLimits: { perIp: { max: 100, windowMs: 60_000 }, perUsername: { max: 3, windowMs: 60_000 } },
    });
    for (let i = 0; i < 3; i++) {
      await api()
        .post('/api/auth/login')
        .send({ username: 'admin', password: `guess ${i}!` })
        .expect(401);
    }
    const refused = await api()
      .post('/api/auth/login')
      .send({ username: 'Admin', password: ADMIN_PASSWORD })
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error).toMatch(/too many sign-in attempts/);
  });

  it('refuses an IP after too many attempts, whatever the usernames', async () => {
    fx = await startUsersFixture({
      loginLimits: { perIp: { max: 3, windowMs: 60_000 }, perUsername: { max: 100, windowMs: 60_000 } },
    });
    for (const username of ['a1', 'a2', 'a3']) {
      await api().post('/api/auth/login').send({ username, password: 'whatever!' }).expect(401);
    }
    await api().post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(429);
  });

  it('counts each client behind the local gateway by its own address', async () => {
    fx = await startUsersFixture({
      loginLimits: { perIp: { max: 2, windowMs: 60_000 }, perUsername: { max: 100, windowMs: 60_000 } },
    });
    const from = (ip: string, username: string) =>
      api().post('/api/auth/login').set('x-forwarded-for', ip).send({ username, password: 'whatever!' });
    await from('203.0.113.7', 'b1').expect(401);
    await from('203.0.113.7', 'b2').expect(401);
    await from('203.0.113.7', 'b3').expect(429);
    // Another browser behind the same gateway still gets its own attempts.
    await from('198.51.100.4', 'b4').expect(401);
  });
});

describe('refresh', () => {
  it('rotates the refresh token on every use', async () => {
    fx = await startUsersFixture();
    const first = await fx.login('admin', ADMIN_PASSWORD);
    const second = (
      await api().post('/api/auth/refresh').send({ refresh_token: first.refresh_token }).expect(200)
    ).body as TokenResponse;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.user.username).toBe('admin');
    await api().post('/api/auth/refresh').send({ refresh_token: second.refresh_token }).expect(200);
  });

  it('revokes the whole family when a spent refresh token is used again', async () => {
    fx = await startUsersFixture();
    const first = await fx.login('admin', ADMIN_PASSWORD);
    const second = (
      await api().post('/api/auth/refresh').send({ refresh_token: first.refresh_token }).expect(200)
    ).body as TokenResponse;
    const reuse = await api()
      .post('/api/auth/refresh')
      .send({ refresh_token: first.refresh_token })
      .expect(401);
    expect(reuse.body.error).toMatch(/already used/);
    const after = await api()
      .post('/api/auth/refresh')
      .send({ refresh_token: second.refresh_token })
      .expect(401);
    expect(after.body.error).toMatch(/revoked/);
  });

  it('leaves other sessions of the same user alone', async () => {
    fx = await startUsersFixture();
    const laptop = await fx.login('admin', ADMIN_PASSWORD);
    const phone = await fx.login('admin', ADMIN_PASSWORD);
    await api().post('/api/auth/refresh').send({ refresh_token: laptop.refresh_token }).expect(200);
    await api().post('/api/auth/refresh').send({ refresh_token: laptop.refresh_token }).expect(401);
    await api().post('/api/auth/refresh').send({ refresh_token: phone.refresh_token }).expect(200);
  });

  it('refuses a token it never issued', async () => {
    fx = await startUsersFixture();
    await api()
      .post('/api/auth/refresh')
      .send({ refresh_token: 'x'.repeat(43) })
      .expect(401);
  });
});

describe('logout', () => {
  it('ends the session: its refresh token no longer works', async () => {
    fx = await startUsersFixture();
    const session = await fx.login('admin', ADMIN_PASSWORD);
    await api().post('/api/auth/logout').send({ refresh_token: session.refresh_token }).expect(204);
    const res = await api()
      .post('/api/auth/refresh')
      .send({ refresh_token: session.refresh_token })
      .expect(401);
    expect(res.body.error).toMatch(/revoked/);
  });
});
