// Keeps readings and quarter-hour buckets equal to what the energy rules give for the set of readings,
// whatever the arrival order: appends take a fast path, late readings and corrections replay a short stretch.
import { classifyReading, isGood, type GoodReading, type ReadingKind } from '../../../shared/energy/classify';
import { BUCKET_MS, bucketStart, spreadInterval } from '../../../shared/energy/quarter-hours';
import type { Db } from '../../sqlite/open-database';
import type { DeviceDirectory, DeviceRecord } from '../store/device-directory';

export type RecordOutcome = 'appended' | 'late' | 'duplicate' | 'correction';

interface ReadingRow {
  ts: number;
  value: number;
  kind: ReadingKind;
  from_ts: number | null;
  kwh: number;
}

const GOOD_KINDS = '(0, 1, 2)';
const REPLAY_PAGE = 1_000;

export class ReadingLedger {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly devices: DeviceDirectory,
    private readonly maxPowerKw: number,
  ) {
    this.stmt = {
      reading: db.prepare<[number, number], { value: number }>(
        'SELECT value FROM readings WHERE device_key = ? AND ts = ?',
      ),
      insert: db.prepare(
        'INSERT INTO readings (device_key, ts, value, kind, from_ts, kwh) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      setValue: db.prepare('UPDATE readings SET value = ? WHERE device_key = ? AND ts = ?'),
      classify: db.prepare(
        'UPDATE readings SET kind = ?, from_ts = ?, kwh = ? WHERE device_key = ? AND ts = ?',
      ),
      addToBucket: db.prepare(
        `INSERT INTO buckets (device_key, bucket_start, kwh) VALUES (?, ?, ?)
         ON CONFLICT (device_key, bucket_start) DO UPDATE SET kwh = kwh + excluded.kwh`,
      ),
      goodBefore: db.prepare<[number, number], GoodReading>(
        `SELECT ts, value FROM readings WHERE device_key = ? AND ts < ? AND kind IN ${GOOD_KINDS}
         ORDER BY ts DESC LIMIT 1`,
      ),
      page: db.prepare<[number, number, number], ReadingRow>(
        `SELECT ts, value, kind, from_ts, kwh FROM readings WHERE device_key = ? AND ts > ? ORDER BY ts LIMIT ?`,
      ),
      firstGoodFrom: db.prepare<[number, number], { ts: number }>(
        `SELECT ts FROM readings WHERE device_key = ? AND ts >= ? AND kind IN ${GOOD_KINDS} ORDER BY ts LIMIT 1`,
      ),
      contributions: db.prepare<
        [number, number, number, number],
        { from_ts: number; ts: number; kwh: number }
      >(
        `SELECT from_ts, ts, kwh FROM readings
         WHERE device_key = ? AND ts > ? AND ts <= ? AND from_ts < ? AND from_ts IS NOT NULL AND kwh != 0
         ORDER BY ts`,
      ),
      buckets: db.prepare<[number, number, number], { bucket_start: number; kwh: number }>(
        'SELECT bucket_start, kwh FROM buckets WHERE device_key = ? AND bucket_start >= ? AND bucket_start < ?',
      ),
      deleteBuckets: db.prepare(
        'DELETE FROM buckets WHERE device_key = ? AND bucket_start >= ? AND bucket_start < ?',
      ),
      insertBucket: db.prepare('INSERT INTO buckets (device_key, bucket_start, kwh) VALUES (?, ?, ?)'),
    };
  }

  /**
   * Records one reading (ts epoch ms, value kWh register). Must run inside a transaction.
   * Adds the start of every bucket whose energy changed to `changed`.
   */
  record(device: DeviceRecord, ts: number, value: number, changed: Set<number>): RecordOutcome {
    if (device.last_ts === null || ts > device.last_ts) {
      this.append(device, ts, value, changed);
      return 'appended';
    }
    const stored = this.stmt.reading.get(device.key, ts);
    if (stored?.value === value) {
      this.devices.count(device.key, 'duplicates');
      return 'duplicate';
    }
    if (stored) {
      this.devices.count(device.key, 'corrections');
      this.stmt.setValue.run(value, device.key, ts);
    } else {
      // Classified by the replay below.
      this.stmt.insert.run(device.key, ts, value, 0, null, 0);
    }
    this.replayFrom(device, ts, changed);
    return stored ? 'correction' : 'late';
  }

  private append(device: DeviceRecord, ts: number, value: number, changed: Set<number>): void {
    const previous = device.good_ts === null ? null : { ts: device.good_ts, value: device.good_value! };
    const c = classifyReading(previous, { ts, value }, this.maxPowerKw);
    this.stmt.insert.run(device.key, ts, value, c.kind, c.fromTs, c.kwh);
    if (c.fromTs !== null) {
      for (const share of spreadInterval(c.fromTs, ts, c.kwh)) {
        this.stmt.addToBucket.run(device.key, share.start, share.kwh);
        changed.add(share.start);
      }
    }
    device.last_ts = ts;
    device.good_ts = c.nextGood.ts;
    device.good_value = c.nextGood.value;
    this.devices.touch(device);
  }

  /**
   * Re-classifies the readings from the last good one before `ts` onwards, until the first later reading
   * that was good before and is good again: from there on nothing can differ. Then rebuilds the buckets
   * of that stretch from the readings' contributions, in timestamp order, exactly as appends would have.
   */
  private replayFrom(device: DeviceRecord, ts: number, changed: Set<number>): void {
    const key = device.key;
    const before = this.stmt.goodBefore.get(key, ts) ?? null;
    let state: GoodReading | null = before;
    let cursor = before ? before.ts : ts - 1;
    let last = ts;
    let converged = false;
    while (!converged) {
      const rows = this.stmt.page.all(key, cursor, REPLAY_PAGE);
      for (const row of rows) {
        const c = classifyReading(state, row, this.maxPowerKw);
        if (c.kind !== row.kind || c.fromTs !== row.from_ts || c.kwh !== row.kwh) {
          this.stmt.classify.run(c.kind, c.fromTs, c.kwh, key, row.ts);
        }
        state = c.nextGood;
        last = row.ts;
        if (row.ts > ts && isGood(row.kind) && isGood(c.kind)) {
          converged = true;
          break;
        }
      }
      if (rows.length < REPLAY_PAGE) break;
      cursor = last;
    }
    if (!converged) {
      device.good_ts = state!.ts;
      device.good_value = state!.value;
      this.devices.touch(device);
    }
    this.rebuildBuckets(key, bucketStart(before ? before.ts : ts), bucketStart(last) + BUCKET_MS, changed);
  }

  /** Recomputes the buckets in [from, to) from every reading whose interval overlaps them. */
  private rebuildBuckets(key: number, from: number, to: number, changed: Set<number>): void {
    const upTo = this.stmt.firstGoodFrom.get(key, to)?.ts ?? Number.MAX_SAFE_INTEGER;
    const sums = new Map<number, number>();
    for (const r of this.stmt.contributions.all(key, from, upTo, to)) {
      for (const share of spreadInterval(r.from_ts, r.ts, r.kwh, from, to)) {
        sums.set(share.start, (sums.get(share.start) ?? 0) + share.kwh);
      }
    }
    const old = new Map(this.stmt.buckets.all(key, from, to).map((b) => [b.bucket_start, b.kwh]));
    for (const start of new Set([...old.keys(), ...sums.keys()])) {
      if (old.get(start) !== sums.get(start)) changed.add(start);
    }
    this.stmt.deleteBuckets.run(key, from, to);
    for (const [start, kwh] of [...sums].sort((a, b) => a[0] - b[0]))
      this.stmt.insertBucket.run(key, start, kwh);
  }
}
