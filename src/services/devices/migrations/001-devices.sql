-- Devices, what is remembered of deleted devices and users, and the outbox of device events. Times: epoch ms.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  address TEXT NOT NULL,
  -- kWh per local hour, > 0.
  max_hourly_kwh REAL NOT NULL CHECK (max_hourly_kwh > 0),
  -- An account of the users service, or NULL: unassigned.
  user_id TEXT,
  -- 1 on creation, +1 on every change; the version of the event written with the change.
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX devices_user ON devices (user_id) WHERE user_id IS NOT NULL;

-- A deleted device's last version (that of its device.deleted): its id is never reused, and the snapshot
-- reports the deletion to consumers that missed it.
CREATE TABLE deleted_devices (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  deleted_at INTEGER NOT NULL
) STRICT;

-- Accounts the users service reported deleted (user.deleted): devices are not assigned to them any more.
CREATE TABLE deleted_users (
  user_id TEXT PRIMARY KEY,
  deleted_at INTEGER NOT NULL
) STRICT;

-- Events committed with the change that caused them; outbox-relay.ts publishes them and marks them sent.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
) STRICT;
CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
