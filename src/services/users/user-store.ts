// Accounts in SQLite. A deletion and its user.deleted event are committed together (outbox).
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/contracts/auth';
import type { User } from '../../shared/contracts/users-api';
import type { UserDeleted } from '../../shared/contracts/user-event';
import type { Db } from '../sqlite/open-database';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
}

export interface Account extends User {
  password_hash: string;
}

export type UserChangeError = 'not-found' | 'username-taken' | 'last-admin';
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

/** The unique form of a username: compatibility-normalised and lower-cased, so `Ana` and `ＡＮＡ` collide. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, display_name: row.display_name, role: row.role };
}

export class UserStore {
  /** `onOutbox` is called after a commit that wrote an event, to wake the relay. */
  constructor(
    private readonly db: Db,
    private readonly onOutbox: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  list(): User[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username_key').all().map(toUser);
  }

  get(id: string): User | undefined {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    return row && toUser(row);
  }

  /** With the password hash, for signing in. */
  findAccount(username: string): Account | undefined {
    return this.db
      .prepare<[string], UserRow>('SELECT * FROM users WHERE username_key = ?')
      .get(usernameKey(username));
  }

  countAdmins(): number {
    return this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck().get() as number;
  }

  create(input: {
    username: string;
    display_name: string;
    role: Role;
    password_hash: string;
  }): Result<User, 'username-taken'> {
    return this.db.transaction((): Result<User, 'username-taken'> => {
      if (this.findAccount(input.username)) return { ok: false, error: 'username-taken' };
      const row: UserRow = { id: randomUUID(), ...input };
      this.db
        .prepare(
          `INSERT INTO users (id, username, username_key, display_name, role, password_hash, created_at, updated_at)
           VALUES (@id, @username, @key, @display_name, @role, @password_hash, @now, @now)`,
        )
        .run({ ...row, key: usernameKey(row.username), now: this.now() });
      return { ok: true, value: toUser(row) };
    })();
  }

  /** The last admin can be neither demoted nor deleted: someone must be able to manage accounts. */
  update(
    id: string,
    patch: { username?: string; display_name?: string; role?: Role },
  ): Result<User, UserChangeError> {
    return this.db.transaction((): Result<User, UserChangeError> => {
      const current = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
      if (!current) return { ok: false, error: 'not-found' };
      if (patch.username !== undefined) {
        const holder = this.findAccount(patch.username);
        if (holder && holder.id !== id) return { ok: false, error: 'username-taken' };
      }
      if (
        current.role === 'admin' &&
        patch.role !== undefined &&
        patch.role !== 'admin' &&
        this.countAdmins() === 1
      ) {
        return { ok: false, error: 'last-admin' };
      }
      const next: UserRow = { ...current, ...patch };
      this.db
        .prepare(
          `UPDATE users SET username = @username, username_key = @key, display_name = @display_name, role = @role,
           updated_at = @now WHERE id = @id`,
        )
        .run({ ...next, key: usernameKey(next.username), now: this.now() });
      return { ok: true, value: toUser(next) };
    })();
  }

  /** Sets a new password hash and ends every session of the account. */
  setPasswordHash(id: string, passwordHash: string): Result<null, 'not-found'> {
    return this.db.transaction((): Result<null, 'not-found'> => {
      const now = this.now();
      const changed = this.db
        .prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?')
        .run(passwordHash, now, id).changes;
      if (changed === 0) return { ok: false, error: 'not-found' };
      this.db
        .prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
        .run(now, id);
      return { ok: true, value: null };
    })();
  }

  /** Deletes the account (its sessions go with it) and queues user.deleted in the same transaction. */
  delete(id: string): Result<null, 'not-found' | 'last-admin'> {
    const result = this.db.transaction((): Result<null, 'not-found' | 'last-admin'> => {
      const current = this.get(id);
      if (!current) return { ok: false, error: 'not-found' };
      if (current.role === 'admin' && this.countAdmins() === 1) return { ok: false, error: 'last-admin' };
      this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
      const event: UserDeleted = { type: 'user.deleted', user_id: id };
      this.db
        .prepare('INSERT INTO outbox (body, created_at) VALUES (?, ?)')
        .run(JSON.stringify(event), this.now());
      return { ok: true, value: null };
    })();
    if (result.ok) this.onOutbox();
    return result;
  }
}
