// Reads what a monitoring store holds, from its SQLite file (read-only, also while the host runs), in the
// form the fault tests compare: reading counts, hourly totals and the set of alerts.
import Database from 'better-sqlite3';
import { hourlyOf, type HourTotal } from './expected-energy';

/** The identity of an alert: device, hour, owner and limit; not its id, kWh at raising or raising time. */
export type AlertKey = [deviceId: string, hourStart: number, userId: string | null, maxHourlyKwh: number];

export interface StoreSnapshot {
  readings: number;
  hourly: HourTotal[];
  alerts: AlertKey[];
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * A count for polling: 0 before the file and its tables exist; null while a (re)starting host holds the file
 * for recovery or migration, so the caller asks again.
 */
function whileStarting(count: () => number): number | null {
  try {
    return count();
  } catch (err) {
    const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
    if (/^SQLITE_CANTOPEN/.test(code) || (err instanceof Error && /no such table/.test(err.message)))
      return 0;
    if (/^SQLITE_(BUSY|LOCKED|READONLY|PROTOCOL)/.test(code)) return null;
    throw err;
  }
}

/** Readings stored (see whileStarting). */
export function storedReadings(file: string): number | null {
  return whileStarting(() =>
    readOnly(file, (db) => db.prepare('SELECT count(*) FROM readings').pluck().get() as number),
  );
}

/** Devices that a device event has named (version set; see whileStarting). */
export function knownDevices(file: string): number | null {
  return whileStarting(() =>
    readOnly(
      file,
      (db) => db.prepare('SELECT count(*) FROM devices WHERE version IS NOT NULL').pluck().get() as number,
    ),
  );
}

export function readSnapshot(file: string, tz: string): StoreSnapshot {
  return readOnly(file, (db) => {
    const readings = db.prepare('SELECT count(*) FROM readings').pluck().get() as number;
    const rows = db
      .prepare(
        'SELECT d.id, b.bucket_start, b.kwh FROM buckets b JOIN devices d ON d.key = b.device_key ORDER BY 1, 2',
      )
      .raw()
      .all() as Array<[string, number, number]>;
    const byDevice = new Map<string, Array<[number, number]>>();
    for (const [id, start, kwh] of rows) {
      const list = byDevice.get(id) ?? [];
      list.push([start, kwh]);
      byDevice.set(id, list);
    }
    const hourly = [...byDevice].flatMap(([id, buckets]) => hourlyOf(id, buckets, tz));
    const alerts = db
      .prepare(
        `SELECT d.id, a.hour_start, a.user_id, a.max_hourly_kwh FROM alerts a JOIN devices d ON d.key = a.device_key
         ORDER BY 1, 2`,
      )
      .raw()
      .all() as AlertKey[];
    return { readings, hourly, alerts };
  });
}
