// Test support: a users service on real RabbitMQ (a unique users queue) and a real SQLite file in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { TokenResponse } from '../../../shared/contracts/auth';
import type { User } from '../../../shared/contracts/users-api';
import { deadLetterQueueOf } from '../../bus/message-bus';
import { RabbitMqBus } from '../../bus/rabbitmq-bus';
import { createLogger, type Logger } from '../../log/logger';
import { deleteQueues, TEST_AMQP_URL } from '../../testing/rabbitmq';
import { uniqueQueue } from '../../testing/wait';
import type { LoginLimits } from '../login-rate-limiter';
import { startUsersService, type UsersService } from '../users-service';

export const ADMIN_PASSWORD = 'first admin password';
/** Generous enough that only the rate-limit tests meet them. */
const ROOMY_LIMITS: LoginLimits = {
  perIp: { max: 1000, windowMs: 60_000 },
  perUsername: { max: 100, windowMs: 60_000 },
};

export interface UsersFixture {
  service: UsersService;
  baseUrl: string;
  dataDir: string;
  usersQueue: string;
  bus: RabbitMqBus;
  login(username: string, password: string): Promise<TokenResponse>;
  /** Signs in as the first admin. */
  admin(): Promise<string>;
  /** Creates an account as the admin; its password is `password of <username>`. */
  createUser(username: string, role?: User['role']): Promise<User>;
  dispose(): Promise<void>;
}

export async function startUsersFixture(
  options: {
    loginLimits?: LoginLimits;
    log?: Logger;
    adminPassword?: string | null;
    usersQueue?: string;
  } = {},
): Promise<UsersFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-users-'));
  const usersQueue = options.usersQueue ?? uniqueQueue('users');
  const log = options.log ?? createLogger('silent');
  const bus = new RabbitMqBus(TEST_AMQP_URL, log);
  const service = await startUsersService({
    config: {
      dataDir,
      usersPort: 0,
      usersQueue,
      adminPassword: options.adminPassword === undefined ? ADMIN_PASSWORD : options.adminPassword,
    },
    bus,
    log,
    loginLimits: options.loginLimits ?? ROOMY_LIMITS,
  });
  const baseUrl = `http://127.0.0.1:${service.port}`;
  const login = async (username: string, password: string): Promise<TokenResponse> =>
    (await request(baseUrl).post('/api/auth/login').send({ username, password }).expect(200))
      .body as TokenResponse;
  const admin = async (): Promise<string> => (await login('admin', ADMIN_PASSWORD)).access_token;
  return {
    service,
    baseUrl,
    dataDir,
    usersQueue,
    bus,
    login,
    admin,
    createUser: async (username, role = 'client') => {
      const res = await request(baseUrl)
        .post('/api/users')
        .auth(await admin(), { type: 'bearer' })
        .send({ username, display_name: username, role, password: `password of ${username}` })
        .expect(201);
      return res.body as User;
    },
    dispose: async () => {
      await service.close();
      await bus.close();
      if (!options.usersQueue) await deleteQueues(usersQueue, deadLetterQueueOf(usersQueue));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
