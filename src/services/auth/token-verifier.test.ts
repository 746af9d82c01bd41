// Access tokens: accepted when signed by the users service's key and current; refused otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type AuthUser } from '../../shared/contracts/auth';
import { ACCESS_TOKEN_TTL_S, createAccessTokenIssuer } from '../users/access-tokens';
import { loadOrCreateSigningKeys, type SigningKeys } from '../users/signing-keys';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

const ana: AuthUser = { id: 'u-ana', username: 'ana', role: 'client' };
let dir: string;
let keys: SigningKeys;
let otherKeys: SigningKeys;
let verifier: TokenVerifier;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wattdesk-tokens-'));
  keys = await loadOrCreateSigningKeys(join(dir, 'keys.json'));
  otherKeys = await loadOrCreateSigningKeys(join(dir, 'other-keys.json'));
  verifier = createTokenVerifier({ keySet: keys.publicKeySet });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issue = async (signing = keys, now = Date.now) =>
  (await createAccessTokenIssuer(signing, now).issue(ana)).token;

describe('the token verifier', () => {
  it('accepts a current token and names its user', async () => {
    expect(await verifier.verify(await issue())).toEqual({ ok: true, user: ana });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, payload, signature] = (await issue()).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await verifier.verify(`${header}.${forged}.${signature}`)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an expired token', async () => {
    const longAgo = () => Date.now() - (ACCESS_TOKEN_TTL_S + 60) * 1000;
    expect(await verifier.verify(await issue(keys, longAgo))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, even under the right key id', async () => {
    expect(await verifier.verify(await issue(otherKeys))).toMatchObject({ ok: false, reason: 'invalid' });
    const impostor = { ...otherKeys, kid: keys.kid };
    expect(await verifier.verify(await issue(impostor))).toMatchObject({
      ok: false,
      reason: 'invalid',
      error: 'token signature is not valid',
    });
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const sign = (iss: string, aud: string) =>
      new SignJWT({ role: 'admin', username: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid })
        .setSubject('x')
        .setIssuer(iss)
        .setAudience(aud)
        .setExpirationTime('5m')
        .sign(keys.privateKey);
    expect(await verifier.verify(await sign(TOKEN_ISSUER, 'elsewhere'))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifier.verify(await sign('someone', TOKEN_AUDIENCE))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an unsigned token and one with a role it does not know', async () => {
    const none = (await issue()).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await verifier.verify(`${header}.${none[1]}.`)).toMatchObject({ ok: false, reason: 'invalid' });
    const root = await new SignJWT({ role: 'root', username: 'x' })
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid })
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    expect(await verifier.verify(root)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await verifier.verify('not.a.jwt')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('fetches the keys from a JWKS URL, and says so when it cannot', async () => {
    const server: Server = createServer((_req, res) => res.end(JSON.stringify(keys.publicKeySet)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    try {
      expect(await createTokenVerifier({ jwksUrl: url }).verify(await issue())).toMatchObject({ ok: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await createTokenVerifier({ jwksUrl: url }).verify(await issue())).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });
});
