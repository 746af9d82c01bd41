// The Ed25519 key pair that signs access tokens: created on first start, kept in the data dir (mode 0600).
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { z } from 'zod';

export const SIGNING_ALG = 'EdDSA';

export interface SigningKeys {
  /** Key id, the RFC 7638 thumbprint of the public key; tokens name it in their `kid` header. */
  kid: string;
  privateKey: CryptoKey;
  /** The public half as a JWKS, for `/.well-known/jwks.json` and in-process verifiers. */
  publicKeySet: JSONWebKeySet;
}

const keyFileSchema = z.object({
  private_jwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() }),
});

/** Reads the key file, or creates it when absent. Two processes racing to create it end up sharing one. */
export async function loadOrCreateSigningKeys(file: string): Promise<SigningKeys> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
    const body = JSON.stringify({ private_jwk: await exportJWK(privateKey), created_at: Date.now() });
    // Written whole under a temporary name, then linked into place: no reader ever sees half a file.
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(temp, body, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temp, file);
    } catch (linkErr) {
      if ((linkErr as NodeJS.ErrnoException).code !== 'EEXIST') throw linkErr;
    } finally {
      rmSync(temp, { force: true });
    }
    text = readFileSync(file, 'utf8');
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`signing key file ${file} is not an Ed25519 private JWK`);
  return fromPrivateJwk(parsed.data.private_jwk);
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKeys> {
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = (await importJWK(jwk, SIGNING_ALG)) as CryptoKey;
  return { kid, privateKey, publicKeySet: { keys: [{ ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' }] } };
}
