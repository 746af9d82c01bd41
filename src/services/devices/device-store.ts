// Devices in SQLite. Every change bumps the device's version and writes its event to the outbox, in one transaction.
import { randomUUID } from 'node:crypto';
import type {
  CreateDeviceRequest,
  DeviceView,
  UpdateDeviceRequest,
} from '../../shared/contracts/devices-api';
import type { Device, DeviceEvent } from '../../shared/contracts/device-event';
import type { Db } from '../sqlite/open-database';

interface DeviceRow extends Device {
  version: number;
}

export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

function toView(row: DeviceRow): DeviceView {
  const { id, user_id, description, address, max_hourly_kwh, version } = row;
  return { id, user_id, description, address, max_hourly_kwh, version };
}

function upserted(row: DeviceRow): DeviceEvent {
  const { version, ...device } = toView(row);
  return { type: 'device.upserted', device, version };
}

export class DeviceStore {
  /** `onOutbox` is called after a commit that wrote events, to wake the relay. */
  constructor(
    private readonly db: Db,
    private readonly onOutbox: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** All devices, or those of one user, ordered by description. */
  list(userId?: string): DeviceView[] {
    const rows =
      userId === undefined
        ? this.db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY description, id').all()
        : this.db
            .prepare<[string], DeviceRow>('SELECT * FROM devices WHERE user_id = ? ORDER BY description, id')
            .all(userId);
    return rows.map(toView);
  }

  get(id: string): DeviceView | undefined {
    const row = this.row(id);
    return row && toView(row);
  }

  create(input: CreateDeviceRequest): Result<DeviceView, 'id-taken' | 'owner-deleted'> {
    return this.change((): Result<DeviceView, 'id-taken' | 'owner-deleted'> => {
      const id = input.id ?? randomUUID();
      if (this.row(id) || this.db.prepare('SELECT 1 FROM deleted_devices WHERE id = ?').get(id)) {
        return { ok: false, error: 'id-taken' };
      }
      const userId = input.user_id ?? null;
      if (userId !== null && this.isDeletedUser(userId)) return { ok: false, error: 'owner-deleted' };
      const row: DeviceRow = { ...input, id, user_id: userId, version: 1 };
      this.db
        .prepare(
          `INSERT INTO devices (id, description, address, max_hourly_kwh, user_id, version, created_at, updated_at)
           VALUES (@id, @description, @address, @max_hourly_kwh, @user_id, @version, @now, @now)`,
        )
        .run({ ...row, now: this.now() });
      this.append(upserted(row));
      return { ok: true, value: toView(row) };
    });
  }

  /** A patch that changes nothing is no change: no new version, no event. */
  update(id: string, patch: UpdateDeviceRequest): Result<DeviceView, 'not-found' | 'owner-deleted'> {
    return this.change((): Result<DeviceView, 'not-found' | 'owner-deleted'> => {
      const current = this.row(id);
      if (!current) return { ok: false, error: 'not-found' };
      const next: DeviceRow = { ...current, ...patch };
      if (next.user_id !== current.user_id && next.user_id !== null && this.isDeletedUser(next.user_id)) {
        return { ok: false, error: 'owner-deleted' };
      }
      const changed = (['description', 'address', 'max_hourly_kwh', 'user_id'] as const).some(
        (k) => next[k] !== current[k],
      );
      if (!changed) return { ok: true, value: toView(current) };
      this.write({ ...next, version: current.version + 1 });
      return { ok: true, value: toView({ ...next, version: current.version + 1 }) };
    });
  }

  delete(id: string): Result<null, 'not-found'> {
    return this.change((): Result<null, 'not-found'> => {
      const current = this.row(id);
      if (!current) return { ok: false, error: 'not-found' };
      const version = current.version + 1;
      this.db.prepare('DELETE FROM devices WHERE id = ?').run(id);
      this.db
        .prepare('INSERT INTO deleted_devices (id, version, deleted_at) VALUES (?, ?, ?)')
        .run(id, version, this.now());
      this.append({ type: 'device.deleted', device_id: id, version });
      return { ok: true, value: null };
    });
  }

  /**
   * After user.deleted: unassigns the users' devices, in one transaction, and refuses these users as owners
   * from now on. Answers how many devices were unassigned.
   */
  unassignUsers(userIds: string[]): number {
    const result = this.change((): Result<number, never> => {
      const forget = this.db.prepare(
        'INSERT OR IGNORE INTO deleted_users (user_id, deleted_at) VALUES (?, ?)',
      );
      const owned = this.db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE user_id = ?');
      let unassigned = 0;
      for (const userId of userIds) {
        forget.run(userId, this.now());
        for (const row of owned.all(userId)) {
          this.write({ ...row, user_id: null, version: row.version + 1 });
          unassigned++;
        }
      }
      return { ok: true, value: unassigned };
    });
    return result.ok ? result.value : 0;
  }

  /** Every device ever known at its current version, read in one transaction (see DeviceSnapshot). */
  snapshot(): DeviceEvent[] {
    return this.db.transaction(() => {
      const live = this.db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY id').all().map(upserted);
      const deleted = this.db
        .prepare<[], { id: string; version: number }>('SELECT id, version FROM deleted_devices ORDER BY id')
        .all()
        .map((d): DeviceEvent => ({ type: 'device.deleted', device_id: d.id, version: d.version }));
      return [...live, ...deleted];
    })();
  }

  private row(id: string): DeviceRow | undefined {
    return this.db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?').get(id);
  }

  private isDeletedUser(userId: string): boolean {
    return this.db.prepare('SELECT 1 FROM deleted_users WHERE user_id = ?').get(userId) !== undefined;
  }

  /** Updates the row to this version and appends its device.upserted. */
  private write(row: DeviceRow): void {
    this.db
      .prepare(
        `UPDATE devices SET description = @description, address = @address, max_hourly_kwh = @max_hourly_kwh,
         user_id = @user_id, version = @version, updated_at = @now WHERE id = @id`,
      )
      .run({ ...row, now: this.now() });
    this.append(upserted(row));
  }

  private append(event: DeviceEvent): void {
    this.db
      .prepare('INSERT INTO outbox (body, created_at) VALUES (?, ?)')
      .run(JSON.stringify(event), this.now());
  }

  /** Runs `fn` in a transaction; wakes the relay after a successful commit. */
  private change<T, E extends string>(fn: () => Result<T, E>): Result<T, E> {
    const result = this.db.transaction(fn)();
    if (result.ok) this.onOutbox();
    return result;
  }
}
