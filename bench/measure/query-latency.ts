// Query latency on a year of data: the hourly series of a day and the daily series of a month of random
// devices, through the store code the HTTP API runs (hoursOfDay/daysOfMonth, then EnergyReader.totals) and
// through the HTTP API itself. Baseline: fetching the same rows from SQLite and doing nothing with them.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/services/log/logger';
import { createApp } from '../../src/services/monitoring/http/app';
import {
  openMonitoringStore,
  type MonitoringStore,
} from '../../src/services/monitoring/store/monitoring-store';
import { createTestTokens } from '../../src/services/testing/test-tokens';
import { daysOfMonth, hoursOfDay, type LocalInterval } from '../../src/shared/time/local-time';
import { bigDatabase, type BigDatabase } from '../support/big-database';
import { megabytes, ms, quantile, row, verdict, type BenchRow } from '../support/bench-row';

export interface QueryOptions {
  devices: number;
  days: number;
  /** Queries of each kind measured (after a warm-up). */
  samples: number;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface QueryResult {
  db: BigDatabase;
  rows: BenchRow[];
  note: string;
}

export const DAY_P99_TARGET_MS = 5;
export const MONTH_P99_TARGET_MS = 20;
const TZ = 'Europe/Bucharest';
const WARMUP = 100;
const DAY_MS = 86_400_000;

interface Query {
  kind: 'day' | 'month';
  device: string;
  /** YYYY-MM-DD or YYYY-MM. */
  period: string;
}

/** A deterministic spread of devices and periods over the whole year. */
function queries(db: BigDatabase, kind: Query['kind'], n: number): Query[] {
  let seed = kind === 'day' ? 1 : 2;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;
  return Array.from({ length: n }, () => {
    const device = db.deviceIds[Math.floor(next() * db.deviceIds.length)]!;
    const date = new Date(db.start + Math.floor(next() * db.days) * DAY_MS).toISOString();
    return { kind, device, period: kind === 'day' ? date.slice(0, 10) : date.slice(0, 7) };
  });
}

/** What the energy router does for one query, minus HTTP: look up the device, cut the period, total it. */
function storeQuery(store: MonitoringStore, q: Query): number {
  const device = store.devices.get(q.device)!;
  const intervals: LocalInterval[] = q.kind === 'day' ? hoursOfDay(q.period, TZ) : daysOfMonth(q.period, TZ);
  return store.energy.totals(device.key, intervals).length;
}

/** The floor under any implementation: fetching the same bucket and reading rows, with no arithmetic at all. */
function baselineQuery(
  store: MonitoringStore,
  q: Query,
  statements: ReturnType<typeof prepareBaseline>,
): number {
  const device = store.devices.get(q.device)!;
  const intervals = q.kind === 'day' ? hoursOfDay(q.period, TZ) : daysOfMonth(q.period, TZ);
  const from = intervals[0]!.start;
  const to = intervals.at(-1)!.end;
  return (
    statements.buckets.all(device.key, from, to).length + statements.readings.all(device.key, from, to).length
  );
}

function prepareBaseline(store: MonitoringStore) {
  return {
    buckets: store.db
      .prepare(
        'SELECT bucket_start, kwh FROM buckets WHERE device_key = ? AND bucket_start >= ? AND bucket_start < ?',
      )
      .raw(),
    readings: store.db.prepare('SELECT ts FROM readings WHERE device_key = ? AND ts >= ? AND ts < ?').raw(),
  };
}

async function timeEach(list: Query[], run: (q: Query) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const [i, q] of list.entries()) {
    const t0 = performance.now();
    await run(q);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

export async function measureQueries(o: QueryOptions): Promise<QueryResult> {
  const db = bigDatabase({ devices: o.devices, days: o.days, cacheDir: o.cacheDir, log: o.log });
  const store = openMonitoringStore(db.file, { tz: TZ, maxPowerKw: 1000 });
  const keysDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-keys-'));
  const tokens = await createTestTokens(keysDir);
  const server = createApp({
    store,
    tz: TZ,
    log: createLogger('silent'),
    verifier: tokens.verifier,
    health: () => ({}),
  }).listen(0, '127.0.0.1');
  // Longer than any pause between the timed loops: fetch reuses its connection, never one the server just closed.
  server.keepAliveTimeout = 600_000;
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const token = await tokens.tokenFor({ id: 'bench', username: 'bench', role: 'admin' });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const http = async (q: Query) => {
      const path = q.kind === 'day' ? `hourly?date=${q.period}` : `daily?month=${q.period}`;
      const res = await fetch(`${base}/api/devices/${q.device}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      await res.json();
    };
    const baseline = prepareBaseline(store);
    const rows: BenchRow[] = [];
    for (const kind of ['day', 'month'] as const) {
      const list = queries(db, kind, WARMUP + o.samples);
      const storeTimes = await timeEach(list, (q) => storeQuery(store, q));
      const baseTimes = await timeEach(list, (q) => baselineQuery(store, q, baseline));
      const httpTimes = await timeEach(list, http);
      const target = kind === 'day' ? DAY_P99_TARGET_MS : MONTH_P99_TARGET_MS;
      const what = kind === 'day' ? 'hourly series of a day' : 'daily series of a month';
      const p = (xs: number[], q: number) => quantile(xs, q);
      rows.push(
        row({
          benchmark: `Query: ${what}, p50 (store)`,
          figure: ms(p(storeTimes, 0.5)),
          baseline: `${ms(p(baseTimes, 0.5))} (rows fetched, no sums)`,
          ratio: (p(storeTimes, 0.5) / p(baseTimes, 0.5)).toFixed(1),
        }),
        row({
          benchmark: `Query: ${what}, p99 (store)`,
          figure: ms(p(storeTimes, 0.99)),
          baseline: `${ms(p(baseTimes, 0.99))} (rows fetched, no sums)`,
          ratio: (p(storeTimes, 0.99) / p(baseTimes, 0.99)).toFixed(1),
          target: `< ${target} ms`,
          verdict: verdict(p(storeTimes, 0.99) < target),
        }),
        row({
          benchmark: `Query: ${what}, p50 / p99 (HTTP API, for information)`,
          figure: `${ms(p(httpTimes, 0.5))} / ${ms(p(httpTimes, 0.99))}`,
        }),
      );
    }
    const bytes = ['', '-wal'].reduce((sum, suffix) => {
      try {
        return sum + statSync(`${db.file}${suffix}`).size;
      } catch {
        return sum;
      }
    }, 0);
    const deviceYears = (db.devices * db.days) / 365;
    rows.push(
      row({
        benchmark: 'Database size per device-year (10-minute readings)',
        figure: `${megabytes(bytes / deviceYears)} (${megabytes(bytes)} for ${deviceYears.toFixed(0)} device-years)`,
      }),
    );
    return {
      db,
      rows,
      note:
        `Queries: a database of ${db.devices.toLocaleString('en-US')} devices × ${db.days} days of 10-minute readings ` +
        `(${(db.devices * db.readingsPerDevice).toLocaleString('en-US')} readings and their quarter-hour buckets), ` +
        'generated straight into SQLite with the real migrations and cached; ' +
        `${o.samples} queries of each kind on random devices and periods in ${TZ}, after ${WARMUP} warm-up ones, ` +
        'one at a time, with the file in the OS page cache. "store" is the code the energy router runs ' +
        '(device lookup, local hours or days, EnergyReader.totals); "HTTP API" adds express, JSON and a ' +
        'token check, timed from this process with fetch.',
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    store.close();
    rmSync(keysDir, { recursive: true, force: true });
  }
}
