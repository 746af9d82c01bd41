// Stored alerts: at most one per device-hour, so restarts and redeliveries never repeat one.
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { formatLocal } from '../../../shared/time/local-time';
import type { Db } from '../../sqlite/open-database';

interface AlertRow {
  id: number;
  device_id: string;
  user_id: string | null;
  hour_start: number;
  tz: string;
  kwh: number;
  max_hourly_kwh: number;
  raised_at: number;
  acknowledged_at: number | null;
}

export interface AlertFilter {
  deviceId?: string;
  /** Only alerts raised for this owner. */
  userId?: string;
  /** Only alerts whose hour starts at or after this instant, epoch ms. */
  since?: number;
  acknowledged?: boolean;
  limit?: number;
}

const SELECT = `SELECT a.id, d.id AS device_id, a.user_id, a.hour_start, a.tz, a.kwh, a.max_hourly_kwh,
  a.raised_at, a.acknowledged_at FROM alerts a JOIN devices d ON d.key = a.device_key`;

export class AlertBook {
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.stmt = {
      raise: db.prepare<[number, string, number, string, number, number, number], { id: number }>(
        `INSERT INTO alerts (device_key, user_id, hour_start, tz, kwh, max_hourly_kwh, raised_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_key, hour_start) DO NOTHING RETURNING id`,
      ),
      byId: db.prepare<[number], AlertRow>(`${SELECT} WHERE a.id = ?`),
      ack: db.prepare('UPDATE alerts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL'),
    };
  }

  /** Stores the alert of a device-hour unless one exists. Returns it when it is new. */
  raise(
    device: { key: number; user_id: string; max_hourly_kwh: number },
    hourStart: number,
    tz: string,
    kwh: number,
    now: number,
  ): Alert | null {
    const row = this.stmt.raise.get(
      device.key,
      device.user_id,
      hourStart,
      tz,
      kwh,
      device.max_hourly_kwh,
      now,
    );
    return row ? this.get(row.id) : null;
  }

  get(id: number): Alert | null {
    const row = this.stmt.byId.get(id);
    return row ? toAlert(row) : null;
  }

  list(filter: AlertFilter): Alert[] {
    const where: string[] = [];
    const args: Array<string | number> = [];
    if (filter.deviceId !== undefined) {
      where.push('d.id = ?');
      args.push(filter.deviceId);
    }
    if (filter.userId !== undefined) {
      where.push('a.user_id = ?');
      args.push(filter.userId);
    }
    if (filter.since !== undefined) {
      where.push('a.hour_start >= ?');
      args.push(filter.since);
    }
    if (filter.acknowledged !== undefined) {
      where.push(filter.acknowledged ? 'a.acknowledged_at IS NOT NULL' : 'a.acknowledged_at IS NULL');
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.hour_start DESC, a.id DESC LIMIT ?`;
    return this.db
      .prepare<Array<string | number>, AlertRow>(sql)
      .all(...args, filter.limit ?? 500)
      .map(toAlert);
  }

  /** Acknowledges an alert; acknowledging twice keeps the first time. Null when there is no such alert. */
  acknowledge(id: number, now: number): Alert | null {
    this.stmt.ack.run(now, id);
    return this.get(id);
  }
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    device_id: row.device_id,
    user_id: row.user_id,
    hour_start: formatLocal(row.hour_start, row.tz),
    tz: row.tz,
    kwh: row.kwh,
    max_hourly_kwh: row.max_hourly_kwh,
    raised_at: new Date(row.raised_at).toISOString(),
    acknowledged_at: row.acknowledged_at === null ? null : new Date(row.acknowledged_at).toISOString(),
  };
}
