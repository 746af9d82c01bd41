// Starts the users service on its port, standalone or inside the host; close() stops it in reverse order.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JSONWebKeySet } from 'jose';
import { cachedServiceTokens, type ServiceTokenSource } from '../auth/service-token-source';
import { createTokenVerifier } from '../auth/token-verifier';
import type { MessageBus } from '../bus/message-bus';
import type { Config } from '../config/config';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { Logger } from '../log/logger';
import { openDatabase, readMigrations } from '../sqlite/open-database';
import { createAccessTokenIssuer } from './access-tokens';
import { createApp } from './app';
import { ensureFirstAdmin, type GeneratedAdmin } from './first-admin';
import { LoginRateLimiter, type LoginLimits } from './login-rate-limiter';
import { RefreshTokenStore } from './refresh-tokens';
import { Sessions } from './sessions';
import { loadOrCreateSigningKeys } from './signing-keys';
import { UserStore } from './user-store';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface UsersServiceOptions {
  config: Pick<Config, 'dataDir' | 'usersPort' | 'usersQueue' | 'adminPassword'>;
  bus: MessageBus;
  log: Logger;
  /** Overrides config.usersPort; 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; default 127.0.0.1, as the monitoring service. */
  host?: string;
  loginLimits?: LoginLimits;
  /** Where the numbered .sql files are; default: beside this module (a bundle passes its copy). */
  migrationsDir?: string;
}

export interface UsersService {
  port: number;
  /** The public keys, for verifiers in the same process (no HTTP round trip to the JWKS). */
  publicKeySet: JSONWebKeySet;
  /** In-process service tokens (role `service`, subject `service:<name>`), for the embedding host. */
  serviceTokens(name: string): ServiceTokenSource;
  /** Set on the first start when the admin password was generated, for the first-run screen. */
  generatedAdmin: GeneratedAdmin | null;
  close(): Promise<void>;
}

export async function startUsersService({
  config,
  bus,
  log: parentLog,
  port: portOption,
  host = '127.0.0.1',
  loginLimits,
  migrationsDir = MIGRATIONS,
}: UsersServiceOptions): Promise<UsersService> {
  const log = parentLog.child({ service: 'users' });
  const db = openDatabase(join(config.dataDir, 'users.db'), readMigrations(migrationsDir));
  const keys = await loadOrCreateSigningKeys(join(config.dataDir, 'users-signing-key.json'));
  const relay = new OutboxRelay({ db, bus, queue: config.usersQueue, log });
  const users = new UserStore(db, () => relay.wake());
  const generatedAdmin = await ensureFirstAdmin(users, config.adminPassword, log);
  const accessTokens = createAccessTokenIssuer(keys);
  const sessions = new Sessions({
    users,
    accessTokens,
    refreshTokens: new RefreshTokenStore(db),
    limiter: new LoginRateLimiter(loginLimits),
  });
  const app = createApp({
    users,
    sessions,
    verifier: createTokenVerifier({ keySet: keys.publicKeySet }),
    publicKeySet: keys.publicKeySet,
    health: () => ({ bus: bus.status(), outbox_pending: relay.pendingCount() }),
    log,
  });
  relay.start();
  let server: Server;
  try {
    server = await listen(app, portOption ?? config.usersPort, host);
  } catch (err) {
    await relay.close();
    db.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'users service listening');
  return {
    port,
    publicKeySet: keys.publicKeySet,
    serviceTokens: (name) =>
      cachedServiceTokens(() =>
        accessTokens.issue({ id: `service:${name}`, username: name, role: 'service' }),
      ),
    generatedAdmin,
    close: once(async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await relay.close();
      db.close();
    }),
  };
}

/** Closing twice waits for the first close. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (err) =>
      reject(new Error(`users service cannot listen on port ${port}: ${err.message}`)),
    );
  });
}
