// Test support: a monitoring service on real RabbitMQ (unique queues) and a real SQLite file in a temp dir.
import type { AuthUser } from '../../shared/contracts/auth';
import type { Consumption } from '../../shared/contracts/consumption';
import { deadLetterQueueOf } from '../bus/message-bus';
import { RabbitMqBus } from '../bus/rabbitmq-bus';
import { createLogger } from '../log/logger';
import { startMonitoringService, type MonitoringService } from '../monitoring/monitoring-service';
import { deleteQueues, publishRaw, TEST_AMQP_URL } from './rabbitmq';
import { createTestTokens, TEST_ADMIN, type TestTokens } from './test-tokens';
import { uniqueQueue, waitFor } from './wait';

interface Health {
  consumers: { consumptions: { applied: number } };
}

export const quietLog = createLogger('silent');

export interface Harness {
  service: MonitoringService;
  bus: RabbitMqBus;
  queues: { consumptions: string; devices: string };
  baseUrl: string;
  tokens: TestTokens;
  /** Publishes readings as an outside producer would. */
  publishReadings(readings: Consumption[]): Promise<void>;
  publishRaw(queue: 'consumptions' | 'devices', bodies: Array<string | Buffer>): Promise<void>;
  /** Waits until the store holds this many readings. */
  waitForReadings(count: number, timeoutMs?: number): Promise<void>;
  /** Waits until this service instance has applied and acked this many consumptions messages. */
  waitForApplied(count: number): Promise<void>;
  /** GET with a token of `as` (the test admin by default), or with none when `as` is null. */
  get<T>(path: string, as?: AuthUser | null): Promise<{ status: number; body: T }>;
  /** POST with a token of `as` (the test admin by default). */
  post<T>(path: string, as?: AuthUser): Promise<{ status: number; body: T }>;
  /** Stops the service (and its bus), keeping the data dir and queues: `restart` starts again on both. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops everything and deletes the queues. */
  dispose(): Promise<void>;
}

export async function startHarness(dataDir: string, tz = 'UTC', maxPowerKw = 1000): Promise<Harness> {
  const queues = { consumptions: uniqueQueue('consumptions'), devices: uniqueQueue('devices') };
  const config = { dataDir, monitoringPort: 0, queues, tz, maxPowerKw };
  const tokens = await createTestTokens(dataDir);
  const start = (bus: RabbitMqBus) =>
    startMonitoringService({ config, bus, log: quietLog, port: 0, verifier: tokens.verifier });
  let bus = new RabbitMqBus(TEST_AMQP_URL, quietLog);
  let service = await start(bus);
  let running = true;

  const harness: Harness = {
    get service() {
      return service;
    },
    get bus() {
      return bus;
    },
    queues,
    tokens,
    get baseUrl() {
      return `http://127.0.0.1:${service.port}`;
    },
    publishReadings: (readings) =>
      publishRaw(
        queues.consumptions,
        readings.map((r) => JSON.stringify(r)),
      ),
    publishRaw: (queue, bodies) => publishRaw(queues[queue], bodies),
    waitForReadings: async (count, timeoutMs = 30_000) => {
      await waitFor(() => readingCount(service) >= count, { timeoutMs, what: `${count} readings stored` });
    },
    waitForApplied: async (count) => {
      await waitFor(
        async () => (await harness.get<Health>('/api/health')).body.consumers.consumptions.applied >= count,
        { what: `${count} messages applied` },
      );
    },
    get: <T>(path: string, as: AuthUser | null = TEST_ADMIN) => request<T>('GET', path, as),
    post: <T>(path: string, as: AuthUser = TEST_ADMIN) => request<T>('POST', path, as),
    stop: async () => {
      if (!running) return;
      running = false;
      await service.close();
      await bus.close();
    },
    restart: async () => {
      await harness.stop();
      bus = new RabbitMqBus(TEST_AMQP_URL, quietLog);
      service = await start(bus);
      running = true;
    },
    dispose: async () => {
      await harness.stop();
      await deleteQueues(
        queues.consumptions,
        deadLetterQueueOf(queues.consumptions),
        queues.devices,
        deadLetterQueueOf(queues.devices),
      );
    },
  };
  async function request<T>(method: string, path: string, as: AuthUser | null) {
    const headers: Record<string, string> = as
      ? { authorization: `Bearer ${await tokens.tokenFor(as)}` }
      : {};
    const res = await fetch(`${harness.baseUrl}${path}`, { method, headers });
    return { status: res.status, body: (await res.json()) as T };
  }
  return harness;
}

export function readingCount(service: MonitoringService): number {
  return service.store.db.prepare('SELECT count(*) FROM readings').pluck().get() as number;
}

/** Every bucket of the store, for exact comparisons between runs. */
export function bucketTable(service: MonitoringService): Array<[string, number, number]> {
  return service.store.db
    .prepare(
      'SELECT d.id, b.bucket_start, b.kwh FROM buckets b JOIN devices d ON d.key = b.device_key ORDER BY 1, 2',
    )
    .raw()
    .all() as Array<[string, number, number]>;
}
