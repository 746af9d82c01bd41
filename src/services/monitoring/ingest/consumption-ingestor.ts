// Applies a batch of validated readings in one transaction: readings, buckets, then alerts for changed hours.
import type { Consumption } from '../../../shared/contracts/consumption';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { isOverLimit } from '../../../shared/alerts/over-limit';
import { localHourStart, MS_PER_HOUR } from '../../../shared/time/local-time';
import type { Db } from '../../sqlite/open-database';
import type { AlertBook } from '../store/alert-book';
import { DeviceDirectory } from '../store/device-directory';
import type { EnergyReader } from '../store/energy-reader';
import type { ReadingLedger, RecordOutcome } from './reading-ledger';

export interface IngestResult {
  /** Device id → start (epoch ms) of each local hour of the site zone whose energy changed. */
  changedHours: Map<string, Set<number>>;
  /** Alerts raised by this batch. */
  alerts: Alert[];
  outcomes: Record<RecordOutcome, number>;
}

/** Bucket start → start of its local hour; readings of many devices share the same few buckets. */
const HOUR_CACHE_LIMIT = 50_000;

export class ConsumptionIngestor {
  private readonly hourOfBucket = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly devices: DeviceDirectory,
    private readonly ledger: ReadingLedger,
    private readonly energy: EnergyReader,
    private readonly alerts: AlertBook,
    private readonly tz: string,
    private readonly now: () => number = Date.now,
  ) {}

  ingest(readings: Consumption[]): IngestResult {
    try {
      return this.db.transaction(() => this.apply(readings))();
    } catch (err) {
      this.devices.invalidate();
      throw err;
    }
  }

  private apply(readings: Consumption[]): IngestResult {
    const outcomes: Record<RecordOutcome, number> = { appended: 0, late: 0, duplicate: 0, correction: 0 };
    const changedBuckets = new Map<string, Set<number>>();
    for (const r of readings) {
      const device = this.devices.ensure(r.device_id);
      let buckets = changedBuckets.get(r.device_id);
      if (!buckets) changedBuckets.set(r.device_id, (buckets = new Set()));
      outcomes[this.ledger.record(device, r.timestamp, r.measurement_value, buckets)]++;
    }
    this.devices.flush();

    const changedHours = new Map<string, Set<number>>();
    const raised: Alert[] = [];
    for (const [deviceId, buckets] of changedBuckets) {
      if (buckets.size === 0) continue;
      const hours = new Set<number>();
      for (const b of buckets) hours.add(this.localHour(b));
      changedHours.set(deviceId, hours);
      const device = this.devices.get(deviceId)!;
      if (!DeviceDirectory.alertable(device)) continue;
      for (const hour of hours) {
        const kwh = this.energy.sum(device.key, hour, hour + MS_PER_HOUR);
        if (!isOverLimit(kwh, device.max_hourly_kwh)) continue;
        const alert = this.alerts.raise(device, hour, this.tz, kwh, this.now());
        if (alert) raised.push(alert);
      }
    }
    return { changedHours, alerts: raised, outcomes };
  }

  private localHour(bucket: number): number {
    let hour = this.hourOfBucket.get(bucket);
    if (hour === undefined) {
      if (this.hourOfBucket.size >= HOUR_CACHE_LIMIT) this.hourOfBucket.clear();
      hour = localHourStart(bucket, this.tz);
      this.hourOfBucket.set(bucket, hour);
    }
    return hour;
  }
}
