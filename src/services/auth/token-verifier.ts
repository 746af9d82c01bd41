// Checks access tokens (EdDSA JWTs from the users service) against its public keys, with no shared secret.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import {
  accessTokenClaimsSchema,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type AuthUser,
} from '../../shared/contracts/auth';

export type VerifyResult =
  | { ok: true; user: AuthUser }
  /** invalid: refuse the request (401); unavailable: the keys could not be fetched (503). */
  | { ok: false; reason: 'invalid' | 'expired' | 'unavailable'; error: string };

export interface TokenVerifier {
  verify(token: string): Promise<VerifyResult>;
}

/**
 * `jwksUrl`: the users service's `/.well-known/jwks.json`, fetched on first use and again for an unknown
 * key id (at most every 30 s). `keySet`: the public keys themselves, when the users service runs in-process.
 */
export type KeySource = { jwksUrl: string | URL } | { keySet: JSONWebKeySet };

/** Clock skew tolerated between the services' clocks, seconds. */
const CLOCK_TOLERANCE_S = 30;

export function createTokenVerifier(source: KeySource): TokenVerifier {
  const keys: JWTVerifyGetKey =
    'jwksUrl' in source
      ? createRemoteJWKSet(new URL(source.jwksUrl), { timeoutDuration: 3_000 })
      : createLocalJWKSet(source.keySet);
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['EdDSA', 'Ed25519'],
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_S,
        }));
      } catch (err) {
        return classify(err);
      }
      const claims = accessTokenClaimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, reason: 'invalid', error: 'token claims are not valid' };
      return {
        ok: true,
        user: { id: claims.data.sub, username: claims.data.username, role: claims.data.role },
      };
    },
  };
}

/** Token faults refuse the request; failing to reach the keys is ours, not the caller's. */
function classify(err: unknown): VerifyResult & { ok: false } {
  if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired', error: 'token expired' };
  if (
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid ||
    !(err instanceof errors.JOSEError) ||
    err.code === 'ERR_JOSE_GENERIC'
  ) {
    return { ok: false, reason: 'unavailable', error: 'token keys unavailable' };
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    return { ok: false, reason: 'invalid', error: `token claim ${err.claim} is not valid` };
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return { ok: false, reason: 'invalid', error: 'token signed with an unknown key' };
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return { ok: false, reason: 'invalid', error: 'token signature is not valid' };
  }
  return { ok: false, reason: 'invalid', error: 'token is malformed' };
}
