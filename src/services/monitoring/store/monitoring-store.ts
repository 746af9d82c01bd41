// The monitoring database and everything built on it, opened once per process.
import { fileURLToPath } from 'node:url';
import { openDatabase, readMigrations, type Db } from '../../sqlite/open-database';
import { ConsumptionIngestor } from '../ingest/consumption-ingestor';
import { ReadingLedger } from '../ingest/reading-ledger';
import { AlertBook } from './alert-book';
import { DeviceDirectory } from './device-directory';
import { EnergyReader } from './energy-reader';

/** Where the numbered .sql migrations are; the desktop build copies them next to its bundle. */
export const MONITORING_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface MonitoringStore {
  db: Db;
  devices: DeviceDirectory;
  energy: EnergyReader;
  alerts: AlertBook;
  ingestor: ConsumptionIngestor;
  countDeadLetter(queue: string): void;
  deadLetters(): Record<string, number>;
  close(): void;
}

export function openMonitoringStore(
  file: string,
  options: { tz: string; maxPowerKw: number; migrationsDir?: string; now?: () => number },
): MonitoringStore {
  const db = openDatabase(file, readMigrations(options.migrationsDir ?? MONITORING_MIGRATIONS_DIR));
  const devices = new DeviceDirectory(db);
  const energy = new EnergyReader(db);
  const alerts = new AlertBook(db);
  const ledger = new ReadingLedger(db, devices, options.maxPowerKw);
  const countDeadLetter = db.prepare(
    'INSERT INTO dead_letters (queue, count) VALUES (?, 1) ON CONFLICT (queue) DO UPDATE SET count = count + 1',
  );
  const deadLetters = db.prepare<[], { queue: string; count: number }>(
    'SELECT queue, count FROM dead_letters',
  );
  return {
    db,
    devices,
    energy,
    alerts,
    ingestor: new ConsumptionIngestor(db, devices, ledger, energy, alerts, options.tz, options.now),
    countDeadLetter: (queue) => countDeadLetter.run(queue),
    deadLetters: () => Object.fromEntries(deadLetters.all().map((r) => [r.queue, r.count])),
    close: () => db.close(),
  };
}
