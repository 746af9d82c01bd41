// First start: with no admin account, create `admin`, with WATTDESK_ADMIN_PASSWORD or a generated password.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger';
import { hashPassword } from './password-hash';
import type { UserStore } from './user-store';

export const FIRST_ADMIN_USERNAME = 'admin';

/** What the desktop's first-run screen shows: set only when the password was generated here. */
export interface GeneratedAdmin {
  username: string;
  password: string;
}

/**
 * Does nothing once an admin exists (the configured password is then ignored, never reapplied).
 * A generated password is logged once, here, because nobody else knows it; it is not stored in clear.
 */
export async function ensureFirstAdmin(
  users: UserStore,
  configuredPassword: string | null,
  log: Logger,
): Promise<GeneratedAdmin | null> {
  if (users.countAdmins() > 0) return null;
  const password = configuredPassword ?? randomBytes(18).toString('base64url');
  const created = users.create({
    username: FIRST_ADMIN_USERNAME,
    display_name: 'Administrator',
    role: 'admin',
    password_hash: await hashPassword(password),
  });
  if (!created.ok) {
    throw new Error(
      `no admin account exists and the username "${FIRST_ADMIN_USERNAME}" is taken by a non-admin`,
    );
  }
  if (configuredPassword) {
    log.info({ username: FIRST_ADMIN_USERNAME }, 'created the first admin with WATTDESK_ADMIN_PASSWORD');
    return null;
  }
  // The one log line that carries a secret, on purpose, in its message (the logger redacts `password` fields).
  log.warn(
    { username: FIRST_ADMIN_USERNAME },
    `created the first admin "${FIRST_ADMIN_USERNAME}" with generated password ${password}: ` +
      'sign in and change it; it is not shown again',
  );
  return { username: FIRST_ADMIN_USERNAME, password };
}
