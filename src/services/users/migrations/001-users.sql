-- Accounts, refresh-token sessions and the outbox of user events. Times are epoch ms, UTC.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  -- As given; uniqueness is on username_key, the case-folded form (see user-store.ts).
  username TEXT NOT NULL,
  username_key TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'client', 'service')),
  -- scrypt$N$r$p$salt$hash, base64url (see password-hash.ts); never the password itself.
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- One row per refresh token ever issued; a family is one sign-in and all its rotations.
CREATE TABLE refresh_tokens (
  -- SHA-256 of the token, hex: the token itself is never stored.
  token_hash TEXT PRIMARY KEY,
  family_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- Set when exchanged for its successor: presenting it again is reuse.
  used_at INTEGER,
  revoked_at INTEGER
) STRICT;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Events committed with the change that caused them; the relay publishes and marks them sent.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
) STRICT;
CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
