// Signing in, refreshing and signing out: passwords, rate limits and the two kinds of token, as result values.
import type { TokenResponse } from '../../shared/contracts/auth';
import type { User } from '../../shared/contracts/users-api';
import type { AccessTokenIssuer } from './access-tokens';
import type { LoginRateLimiter } from './login-rate-limiter';
import { DECOY_HASH, verifyPassword } from './password-hash';
import type { RefreshTokenStore } from './refresh-tokens';
import type { UserStore } from './user-store';

export type LoginResult =
  | { ok: true; value: TokenResponse }
  | { ok: false; error: 'bad-credentials' }
  | { ok: false; error: 'rate-limited'; retryAfterS: number };

export type RefreshResult =
  | { ok: true; value: TokenResponse }
  | { ok: false; error: 'unknown' | 'expired' | 'revoked' | 'reused' };

export interface SessionsDeps {
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  accessTokens: AccessTokenIssuer;
  limiter: LoginRateLimiter;
}

export class Sessions {
  constructor(private readonly deps: SessionsDeps) {}

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const { users, limiter, refreshTokens } = this.deps;
    const admitted = limiter.admit(ip, username);
    if (!admitted.ok) return { ok: false, error: 'rate-limited', retryAfterS: admitted.retryAfterS };
    const account = users.findAccount(username);
    // An unknown username costs a hash too, so the answer time does not tell which usernames exist.
    const matches = await verifyPassword(password, account?.password_hash ?? DECOY_HASH);
    if (!account || !matches) {
      limiter.failed(username);
      return { ok: false, error: 'bad-credentials' };
    }
    limiter.succeeded(username);
    refreshTokens.pruneExpired();
    const user: User = {
      id: account.id,
      username: account.username,
      display_name: account.display_name,
      role: account.role,
    };
    return { ok: true, value: await this.tokensFor(user, refreshTokens.issue(user.id)) };
  }

  async refresh(refreshToken: string): Promise<RefreshResult> {
    const rotated = this.deps.refreshTokens.rotate(refreshToken);
    if (!rotated.ok) return rotated;
    // Tokens go with their account (ON DELETE CASCADE), so a rotated token has a user.
    const user = this.deps.users.get(rotated.userId);
    if (!user) return { ok: false, error: 'unknown' };
    return { ok: true, value: await this.tokensFor(user, rotated.token) };
  }

  /** Ends the session of the refresh token. Unknown tokens are ignored: the session is over either way. */
  logout(refreshToken: string): void {
    this.deps.refreshTokens.revoke(refreshToken);
  }

  private async tokensFor(user: User, refreshToken: string): Promise<TokenResponse> {
    const access = await this.deps.accessTokens.issue({
      id: user.id,
      username: user.username,
      role: user.role,
    });
    return { access_token: access.token, refresh_token: refreshToken, expires_in: access.expiresIn, user };
  }
}
