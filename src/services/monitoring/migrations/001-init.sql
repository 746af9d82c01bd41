-- Monitoring store. Times are epoch milliseconds, UTC. Energy is kWh.

-- Every device seen, from a device event or from its readings alone.
CREATE TABLE devices (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT,
  description TEXT,
  address TEXT,
  max_hourly_kwh REAL,
  -- Version of the last device event applied; NULL when known only from readings.
  version INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  -- Newest reading timestamp, and the good reading the next one is compared with.
  last_ts INTEGER,
  good_ts INTEGER,
  good_value REAL,
  duplicates INTEGER NOT NULL DEFAULT 0,
  corrections INTEGER NOT NULL DEFAULT 0
);

-- Unique (device, timestamp): a redelivered reading cannot count twice.
-- kind: 0 baseline, 1 normal, 2 reset, 3 glitch, 4 quarantined. kwh covers (from_ts, ts].
CREATE TABLE readings (
  device_key INTEGER NOT NULL REFERENCES devices (key),
  ts INTEGER NOT NULL,
  value REAL NOT NULL,
  kind INTEGER NOT NULL,
  from_ts INTEGER,
  kwh REAL NOT NULL,
  PRIMARY KEY (device_key, ts)
) WITHOUT ROWID;

-- Energy per UTC quarter-hour: local hours and days of any zone are exact sums of these.
CREATE TABLE buckets (
  device_key INTEGER NOT NULL REFERENCES devices (key),
  bucket_start INTEGER NOT NULL,
  kwh REAL NOT NULL,
  PRIMARY KEY (device_key, bucket_start)
) WITHOUT ROWID;

-- At most one alert per device and hour.
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key),
  user_id TEXT,
  hour_start INTEGER NOT NULL,
  tz TEXT NOT NULL,
  kwh REAL NOT NULL,
  max_hourly_kwh REAL NOT NULL,
  raised_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  UNIQUE (device_key, hour_start)
);
CREATE INDEX alerts_by_time ON alerts (hour_start);

-- Messages moved to a dead-letter queue, per queue.
CREATE TABLE dead_letters (
  queue TEXT PRIMARY KEY,
  count INTEGER NOT NULL
);
