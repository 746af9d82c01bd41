// A monitoring database as a year of ingest would leave it (1,000 devices × 52,560 ten-minute readings by
// default), written straight into SQLite with the real migrations: readings classified as normal, with their
// interval and kWh, and quarter-hour buckets summed from the same shares ingest computes. Generated once per
// set of parameters and schema, and kept in a cache folder: reruns start at once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  MONITORING_MIGRATIONS_DIR,
  openMonitoringStore,
} from '../../src/services/monitoring/store/monitoring-store';
import { spreadInterval } from '../../src/shared/energy/quarter-hours';

export interface BigDatabaseOptions {
  devices: number;
  days: number;
  /** Where generated databases are kept; default ~/.cache/wattdesk/bench. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface BigDatabase {
  file: string;
  devices: number;
  days: number;
  readingsPerDevice: number;
  /** Epoch ms of every device's first reading. */
  start: number;
  /** Device ids, in key order. */
  deviceIds: string[];
  /** Seconds spent generating it now; 0 when it came from the cache. */
  generatedSeconds: number;
}

export const DEFAULT_CACHE_DIR = join(homedir(), '.cache', 'wattdesk', 'bench');
/** Bump when the generated content changes. */
const GENERATOR_VERSION = 1;
const STEP_MS = 10 * 60_000;
const START = Date.UTC(2025, 0, 1);
/** Disk a reading takes with its share of buckets and indexes, bytes: a generous estimate for the check. */
const BYTES_PER_READING = 100;

export function deviceId(index: number): string {
  return `meter-${String(index).padStart(5, '0')}`;
}

/** The cached file for these parameters and this schema (the migrations' text is part of the key). */
function cachedFile(o: BigDatabaseOptions, cacheDir: string): string {
  const hash = createHash('sha256').update(String(GENERATOR_VERSION));
  for (const name of readdirSync(MONITORING_MIGRATIONS_DIR).sort())
    hash.update(name).update(readFileSync(join(MONITORING_MIGRATIONS_DIR, name)));
  return join(cacheDir, `monitoring-${o.devices}x${o.days}d-${hash.digest('hex').slice(0, 12)}.db`);
}

export function bigDatabase(o: BigDatabaseOptions): BigDatabase {
  const cacheDir = o.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const file = cachedFile(o, cacheDir);
  const readingsPerDevice = (o.days * 86_400_000) / STEP_MS;
  const described = {
    file,
    devices: o.devices,
    days: o.days,
    readingsPerDevice,
    start: START,
    deviceIds: Array.from({ length: o.devices }, (_, d) => deviceId(d)),
  };
  if (existsSync(file)) {
    o.log?.(`using the cached database ${file}`);
    return { ...described, generatedSeconds: 0 };
  }
  const needed = o.devices * readingsPerDevice * BYTES_PER_READING;
  const { bavail, bsize } = statfsSync(cacheDir);
  if (bavail * bsize < needed)
    throw new Error(
      `${cacheDir} has ${(bavail * bsize) / 1e9} GB free; the database needs about ${needed / 1e9} GB`,
    );
  const t0 = performance.now();
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  openMonitoringStore(partial, { tz: 'UTC', maxPowerKw: 1000 }).close();
  generate(partial, o, readingsPerDevice);
  renameSync(partial, file);
  const generatedSeconds = (performance.now() - t0) / 1000;
  o.log?.(`generated ${file} in ${generatedSeconds.toFixed(0)} s`);
  return { ...described, generatedSeconds };
}

/**
 * Device d's register: a base load with a daily swing and a per-device noise, 0.02 to 0.5 kWh per 10 minutes.
 * Readings are appended in key order in one transaction per device, without a journal: a failed run leaves
 * only the `.partial` file, which the next run deletes.
 */
function generate(file: string, o: BigDatabaseOptions, perDevice: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  const insertDevice = db.prepare<[string, string, number], { key: number }>(
    `INSERT INTO devices (id, user_id, description, address, max_hourly_kwh, version, deleted)
     VALUES (?, ?, 'bench meter', 'bench street', ?, 1, 0) RETURNING key`,
  );
  const insertReading = db.prepare(
    'INSERT INTO readings (device_key, ts, value, kind, from_ts, kwh) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertBucket = db.prepare('INSERT INTO buckets (device_key, bucket_start, kwh) VALUES (?, ?, ?)');
  const saveState = db.prepare('UPDATE devices SET last_ts = ?, good_ts = ?, good_value = ? WHERE key = ?');
  const oneDevice = db.transaction((d: number) => {
    const { key } = insertDevice.get(deviceId(d), `user-${d % 100}`, 5)!;
    let seed = (d + 1) * 2_654_435_761;
    let value = (d % 97) * 10;
    let ts = START;
    insertReading.run(key, ts, value, 0, null, 0);
    let bucket = -1;
    let bucketKwh = 0;
    for (let i = 1; i < perDevice; i++) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      const hourOfDay = (i / 6) % 24;
      const swing = 0.5 + 0.5 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
      const previousValue = value;
      const previousTs = ts;
      ts = START + i * STEP_MS;
      value = Math.round((value + 0.02 + 0.3 * swing + 0.18 * (seed / 4_294_967_296)) * 1e6) / 1e6;
      // As classifyReading computes it: value − previous value, over (previous ts, ts].
      const kwh = value - previousValue;
      insertReading.run(key, ts, value, 1, previousTs, kwh);
      for (const share of spreadInterval(previousTs, ts, kwh)) {
        if (share.start !== bucket) {
          if (bucket >= 0) insertBucket.run(key, bucket, bucketKwh);
          bucket = share.start;
          bucketKwh = share.kwh;
        } else bucketKwh += share.kwh;
      }
    }
    if (bucket >= 0) insertBucket.run(key, bucket, bucketKwh);
    saveState.run(ts, ts, value, key);
  });
  let last = performance.now();
  for (let d = 0; d < o.devices; d++) {
    oneDevice(d);
    if (performance.now() - last > 10_000 || d === o.devices - 1) {
      last = performance.now();
      o.log?.(`generating: ${d + 1} of ${o.devices} devices`);
    }
  }
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.close();
}
