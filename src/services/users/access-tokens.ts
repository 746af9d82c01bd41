// Signs access tokens: EdDSA JWTs, 15 minutes, claims sub/role/username, checked by auth/token-verifier.ts.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type AuthUser } from '../../shared/contracts/auth';
import { SIGNING_ALG, type SigningKeys } from './signing-keys';

/** Seconds. Short, because a signed token cannot be recalled: deletion or demotion takes at most this long. */
export const ACCESS_TOKEN_TTL_S = 15 * 60;

export interface AccessTokenIssuer {
  issue(user: AuthUser): Promise<{ token: string; expiresIn: number }>;
}

export function createAccessTokenIssuer(keys: SigningKeys, now = Date.now): AccessTokenIssuer {
  return {
    async issue(user) {
      const iat = Math.floor(now() / 1000);
      const token = await new SignJWT({ role: user.role, username: user.username })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_TTL_S)
        .setJti(randomUUID())
        .sign(keys.privateKey);
      return { token, expiresIn: ACCESS_TOKEN_TTL_S };
    },
  };
}
