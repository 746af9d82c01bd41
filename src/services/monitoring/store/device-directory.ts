// Devices as monitoring knows them: from device events, or from readings alone. Cached for the hot path.
import type { DeviceEvent } from '../../../shared/contracts/device-event';
import type { Db } from '../../sqlite/open-database';

export interface DeviceRecord {
  key: number;
  id: string;
  user_id: string | null;
  description: string | null;
  address: string | null;
  max_hourly_kwh: number | null;
  version: number | null;
  deleted: number;
  last_ts: number | null;
  good_ts: number | null;
  good_value: number | null;
}

const COLUMNS =
  'key, id, user_id, description, address, max_hourly_kwh, version, deleted, last_ts, good_ts, good_value';

export class DeviceDirectory {
  private readonly cache = new Map<string, DeviceRecord>();
  private readonly dirty = new Set<DeviceRecord>();
  private readonly select;
  private readonly insert;
  private readonly saveState;
  private readonly upsertEvent;
  private readonly markDeleted;
  private readonly bump;

  constructor(private readonly db: Db) {
    this.select = db.prepare<[string], DeviceRecord>(`SELECT ${COLUMNS} FROM devices WHERE id = ?`);
    this.insert = db.prepare<[string], DeviceRecord>(
      `INSERT INTO devices (id) VALUES (?) RETURNING ${COLUMNS}`,
    );
    this.saveState = db.prepare('UPDATE devices SET last_ts = ?, good_ts = ?, good_value = ? WHERE key = ?');
    this.upsertEvent = db.prepare(
      `INSERT INTO devices (id, user_id, description, address, max_hourly_kwh, version, deleted)
       VALUES (@id, @user_id, @description, @address, @max_hourly_kwh, @version, 0)
       ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, description = excluded.description,
         address = excluded.address, max_hourly_kwh = excluded.max_hourly_kwh, version = excluded.version, deleted = 0`,
    );
    this.markDeleted = db.prepare(
      `INSERT INTO devices (id, version, deleted) VALUES (?, ?, 1)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = 1, user_id = NULL`,
    );
    this.bump = {
      duplicates: db.prepare('UPDATE devices SET duplicates = duplicates + 1 WHERE key = ?'),
      corrections: db.prepare('UPDATE devices SET corrections = corrections + 1 WHERE key = ?'),
    };
  }

  get(id: string): DeviceRecord | undefined {
    let device = this.cache.get(id);
    if (!device) {
      device = this.select.get(id);
      if (device) this.cache.set(id, device);
    }
    return device;
  }

  /** The device, created from its first reading when no device event has named it yet. */
  ensure(id: string): DeviceRecord {
    const existing = this.get(id);
    if (existing) return existing;
    const created = this.insert.get(id)!;
    this.cache.set(id, created);
    return created;
  }

  /** Notes that a device's reading state changed; written by `flush` within the same transaction. */
  touch(device: DeviceRecord): void {
    this.dirty.add(device);
  }

  flush(): void {
    for (const d of this.dirty) this.saveState.run(d.last_ts, d.good_ts, d.good_value, d.key);
    this.dirty.clear();
  }

  /** After a rolled-back transaction the cache may hold uncommitted state: forget it. */
  invalidate(): void {
    this.cache.clear();
    this.dirty.clear();
  }

  count(key: number, counter: 'duplicates' | 'corrections'): void {
    this.bump[counter].run(key);
  }

  /** Applies a device event unless an equal or newer version is stored. Returns whether it applied. */
  apply(event: DeviceEvent): boolean {
    const id = event.type === 'device.upserted' ? event.device.id : event.device_id;
    const current = this.get(id);
    if (current?.version != null && event.version <= current.version) return false;
    if (event.type === 'device.upserted') this.upsertEvent.run({ ...event.device, version: event.version });
    else this.markDeleted.run(id, event.version);
    this.cache.delete(id);
    return true;
  }

  /** Whether this device is watched for alerts, and against which limit. */
  static alertable(
    device: DeviceRecord,
  ): device is DeviceRecord & { user_id: string; max_hourly_kwh: number } {
    return device.deleted === 0 && device.user_id !== null && device.max_hourly_kwh !== null;
  }
}
