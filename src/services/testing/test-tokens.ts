// Test support: real access tokens, signed by the users service's own key code with a key in a temp dir.
import { join } from 'node:path';
import type { AuthUser } from '../../shared/contracts/auth';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import { createAccessTokenIssuer } from '../users/access-tokens';
import { loadOrCreateSigningKeys } from '../users/signing-keys';

export const TEST_ADMIN: AuthUser = { id: 'admin-1', username: 'admin', role: 'admin' };

export interface TestTokens {
  verifier: TokenVerifier;
  tokenFor(user: AuthUser): Promise<string>;
  /** A token issued an hour ago, so expired. */
  expiredTokenFor(user: AuthUser): Promise<string>;
}

export async function createTestTokens(dir: string): Promise<TestTokens> {
  const keys = await loadOrCreateSigningKeys(join(dir, 'test-signing-key.json'));
  const issuer = createAccessTokenIssuer(keys);
  const pastIssuer = createAccessTokenIssuer(keys, () => Date.now() - 60 * 60_000);
  return {
    verifier: createTokenVerifier({ keySet: keys.publicKeySet }),
    tokenFor: async (user) => (await issuer.issue(user)).token,
    expiredTokenFor: async (user) => (await pastIssuer.issue(user)).token,
  };
}
