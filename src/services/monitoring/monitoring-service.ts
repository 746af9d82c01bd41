// The monitoring service: store, consumers of `consumptions` and `devices`, HTTP API and live feed.
// Built and started here; stopped in reverse order, so nothing in flight is lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { consumptionMessageSchema, type Consumption } from '../../shared/contracts/consumption';
import { deviceEventSchema, type DeviceEvent } from '../../shared/contracts/device-event';
import type { TokenVerifier } from '../auth/token-verifier';
import { BatchingConsumer } from '../bus/batching-consumer';
import type { MessageBus } from '../bus/message-bus';
import { parseJsonMessage } from '../bus/parse-message';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import { createApp } from './http/app';
import type { IngestResult } from './ingest/consumption-ingestor';
import { startDeviceResync, type DeviceSnapshotSource } from './ingest/device-resync';
import { LiveFeed } from './live/live-feed';
import { openMonitoringStore, type MonitoringStore } from './store/monitoring-store';

/** Unacked readings in flight, and so the largest transaction. */
const CONSUMPTIONS_PREFETCH = 1_000;
const DEVICES_PREFETCH = 100;

export interface MonitoringService {
  port: number;
  store: MonitoringStore;
  feed: LiveFeed;
  /** What /api/health reports. */
  health(): Record<string, unknown>;
  close(): Promise<void>;
}

export interface MonitoringServiceDeps {
  config: Pick<Config, 'dataDir' | 'monitoringPort' | 'queues' | 'tz' | 'maxPowerKw'>;
  bus: MessageBus;
  log: Logger;
  /** Checks the access tokens of HTTP requests and live-feed sign-ins. */
  verifier: TokenVerifier;
  /** Where to catch up on every device at start; without one, only the `devices` queue is used. */
  deviceSnapshot?: DeviceSnapshotSource;
  /** Overrides the configured port, e.g. 0 for an ephemeral one in tests. */
  port?: number;
  host?: string;
  /** Where the numbered .sql files are; default: the store's own folder (a bundle passes its copy). */
  migrationsDir?: string;
}

export async function startMonitoringService(deps: MonitoringServiceDeps): Promise<MonitoringService> {
  const { config, bus } = deps;
  const log = deps.log.child({ service: 'monitoring' });
  const store = openMonitoringStore(join(config.dataDir, 'monitoring.db'), {
    tz: config.tz,
    maxPowerKw: config.maxPowerKw,
    migrationsDir: deps.migrationsDir,
  });

  const server = createServer();
  const feed = new LiveFeed(server, store, config.tz, deps.verifier, log);

  const readings = new BatchingConsumer<Consumption, IngestResult>({
    bus,
    log,
    queue: config.queues.consumptions,
    prefetch: CONSUMPTIONS_PREFETCH,
    parse: (body) => parseJsonMessage(consumptionMessageSchema, body),
    apply: (values) => store.ingestor.ingest(values),
    onApplied: (result) => {
      feed.hoursChanged(result.changedHours);
      for (const alert of result.alerts) {
        log.info({ alert }, 'over-limit alert');
        feed.alertRaised(alert);
      }
    },
    onDeadLetter: (reason) => {
      store.countDeadLetter(config.queues.consumptions);
      log.warn({ queue: config.queues.consumptions, reason }, 'dead-lettered a message');
    },
  });
  const devices = new BatchingConsumer<DeviceEvent, number>({
    bus,
    log,
    queue: config.queues.devices,
    prefetch: DEVICES_PREFETCH,
    parse: (body) => parseJsonMessage(deviceEventSchema, body),
    apply: (events) => store.db.transaction(() => events.filter((e) => store.devices.apply(e)).length)(),
    onApplied: () => feed.ownershipChanged(),
    onDeadLetter: (reason) => {
      store.countDeadLetter(config.queues.devices);
      log.warn({ queue: config.queues.devices, reason }, 'dead-lettered a message');
    },
  });

  const health = () => ({
    bus: bus.status(),
    consumers: { consumptions: readings.status(), devices: devices.status() },
    dead_letters: store.deadLetters(),
    live_clients: feed.clientCount(),
  });
  const app = createApp({ store, tz: config.tz, log, health, verifier: deps.verifier });
  server.on('request', app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port ?? config.monitoringPort, deps.host ?? '127.0.0.1', () => resolve());
  });
  await devices.start();
  await readings.start();
  const resync =
    deps.deviceSnapshot && startDeviceResync(deps.deviceSnapshot, store, log, () => feed.ownershipChanged());
  const port = (server.address() as AddressInfo).port;
  log.info({ port, tz: config.tz, bus: bus.kind }, 'monitoring service started');

  return {
    port,
    store,
    feed,
    health,
    close: async () => {
      resync?.stop();
      await resync?.done;
      await readings.stop();
      await devices.stop();
      await feed.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      log.info('monitoring service stopped');
    },
  };
}
