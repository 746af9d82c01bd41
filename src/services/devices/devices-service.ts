// Starts the devices service on its port, standalone or inside the host; close() stops it in reverse order.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JWKS_PATH } from '../../shared/contracts/auth';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import type { MessageBus } from '../bus/message-bus';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import { openDatabase, readMigrations } from '../sqlite/open-database';
import { createApp } from './app';
import { DeviceStore } from './device-store';
import { OutboxRelay } from '../outbox/outbox-relay';
import { userDeletedConsumer } from './user-deleted-consumer';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface DevicesServiceOptions {
  config: Pick<Config, 'dataDir' | 'devicesPort' | 'usersUrl' | 'usersQueue' | 'queues'>;
  bus: MessageBus;
  log: Logger;
  /** Embedded: a verifier on the users service's keys in-process. Default: its JWKS at config.usersUrl. */
  verifier?: TokenVerifier;
  /** Overrides config.devicesPort; 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; default 127.0.0.1, as the monitoring service. */
  host?: string;
  /** Where the numbered .sql files are; default: beside this module (a bundle passes its copy). */
  migrationsDir?: string;
}

export interface DevicesService {
  port: number;
  store: DeviceStore;
  relay: OutboxRelay;
  close(): Promise<void>;
}

export async function startDevicesService(options: DevicesServiceOptions): Promise<DevicesService> {
  const { config, bus } = options;
  const log = options.log.child({ service: 'devices' });
  const migrations = readMigrations(options.migrationsDir ?? MIGRATIONS);
  const db = openDatabase(join(config.dataDir, 'devices.db'), migrations);
  const relay = new OutboxRelay({ db, bus, queue: config.queues.devices, log });
  const store = new DeviceStore(db, () => relay.wake());
  const verifier = options.verifier ?? createTokenVerifier({ jwksUrl: `${config.usersUrl}${JWKS_PATH}` });
  const userDeletions = userDeletedConsumer(bus, config.usersQueue, store, log);
  const app = createApp({
    store,
    verifier,
    health: () => ({
      bus: bus.status(),
      outbox_pending: relay.pendingCount(),
      consumers: { users: userDeletions.status() },
    }),
    log,
  });
  relay.start();
  let server: Server | null = null;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      if (server) await stopServer(server);
      await userDeletions.stop();
      await relay.close();
      db.close();
    })());
  try {
    await userDeletions.start();
    server = await listen(app, options.port ?? config.devicesPort, options.host ?? '127.0.0.1');
  } catch (err) {
    await close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'devices service listening');
  return { port, store, relay, close };
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (err) =>
      reject(new Error(`devices service cannot listen on port ${port}: ${err.message}`)),
    );
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
