// Refresh tokens: opaque, single use, stored as SHA-256 hashes. Reuse of a spent one revokes its whole family.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../sqlite/open-database';

/** A token lives 14 days from its issue; each refresh issues a new one, so a session lasts while in use. */
export const REFRESH_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

interface TokenRow {
  token_hash: string;
  family_id: string;
  user_id: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export type RotateResult =
  | { ok: true; userId: string; token: string }
  | { ok: false; error: 'unknown' | 'expired' | 'revoked' | 'reused' };

/** 256 random bits: hashing with SHA-256 is enough; a slow hash protects only guessable secrets. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class RefreshTokenStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token; without a family, the start of a new session. */
  issue(userId: string, familyId: string = randomUUID()): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(hashOf(token), familyId, userId, now, now + REFRESH_TOKEN_TTL_MS);
    return token;
  }

  /**
   * Spends the token and issues its successor in the same family. A token presented a second time means
   * two holders (one of them a thief): the family is revoked, so both must sign in again.
   * Clients must therefore not refresh the same token concurrently.
   */
  rotate(token: string): RotateResult {
    return this.db.transaction((): RotateResult => {
      const row = this.find(token);
      const now = this.now();
      if (!row) return { ok: false, error: 'unknown' };
      if (row.revoked_at !== null) return { ok: false, error: 'revoked' };
      if (row.used_at !== null) {
        this.revokeFamilyOf(row, now);
        return { ok: false, error: 'reused' };
      }
      if (row.expires_at <= now) return { ok: false, error: 'expired' };
      this.db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?').run(now, row.token_hash);
      return { ok: true, userId: row.user_id, token: this.issue(row.user_id, row.family_id) };
    })();
  }

  /** Signs out the session the token belongs to; false when the token is not known. */
  revoke(token: string): boolean {
    const row = this.find(token);
    if (!row) return false;
    this.revokeFamilyOf(row, this.now());
    return true;
  }

  /** Forgets tokens past their expiry: they are refused as unknown from then on, which is as good. */
  pruneExpired(): number {
    return this.db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= ?').run(this.now()).changes;
  }

  private find(token: string): TokenRow | undefined {
    return this.db
      .prepare<[string], TokenRow>('SELECT * FROM refresh_tokens WHERE token_hash = ?')
      .get(hashOf(token));
  }

  private revokeFamilyOf(row: TokenRow, now: number): void {
    this.db
      .prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL')
      .run(now, row.family_id);
  }
}
