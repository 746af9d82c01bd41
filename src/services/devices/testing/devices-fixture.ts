// Test support: a devices service on real RabbitMQ (unique queues) and a real SQLite file in a temp dir,
// with tokens signed by a users-service key pair of its own, and a consumer that collects published events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { deviceEventSchema, type DeviceEvent } from '../../../shared/contracts/device-event';
import type { Role } from '../../../shared/contracts/auth';
import { createTokenVerifier } from '../../auth/token-verifier';
import { deadLetterQueueOf, type Subscription } from '../../bus/message-bus';
import { RabbitMqBus } from '../../bus/rabbitmq-bus';
import { createLogger } from '../../log/logger';
import { deleteQueues, TEST_AMQP_URL } from '../../testing/rabbitmq';
import { uniqueQueue } from '../../testing/wait';
import { createAccessTokenIssuer } from '../../users/access-tokens';
import { loadOrCreateSigningKeys } from '../../users/signing-keys';
import { startDevicesService, type DevicesService } from '../devices-service';

export const quietLog = createLogger('silent');

export interface DevicesFixture {
  service: DevicesService;
  baseUrl: string;
  queues: { devices: string; users: string };
  /** Every event published on the devices queue so far, in arrival order. */
  events: DeviceEvent[];
  /** A valid access token for a new identity with this role (or the given id). */
  token(role: Role, id?: string): Promise<string>;
  /** Stops the service and its bus, and starts them again on the same data dir and queues. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export interface DevicesFixtureOptions {
  /** Where the service's bus connects (e.g. through a TcpProxy); the observer always goes direct. */
  amqpUrl?: string;
  /** A users service to check tokens with (through its JWKS) and to hear user.deleted from. */
  users?: { url: string; queue: string };
}

export async function startDevicesFixture({
  amqpUrl = TEST_AMQP_URL,
  users,
}: DevicesFixtureOptions = {}): Promise<DevicesFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-devices-'));
  const keys = await loadOrCreateSigningKeys(join(dataDir, 'keys.json'));
  const issuer = createAccessTokenIssuer(keys);
  const queues = { devices: uniqueQueue('devices'), users: users?.queue ?? uniqueQueue('users') };
  const start = async (): Promise<[DevicesService, RabbitMqBus]> => {
    const bus = new RabbitMqBus(amqpUrl, quietLog);
    const service = await startDevicesService({
      config: {
        dataDir,
        devicesPort: 0,
        usersUrl: users?.url ?? 'http://127.0.0.1:1',
        usersQueue: queues.users,
        queues: { consumptions: 'unused', devices: queues.devices },
      },
      bus,
      log: quietLog,
      ...(users ? {} : { verifier: createTokenVerifier({ keySet: keys.publicKeySet }) }),
      port: 0,
    });
    return [service, bus];
  };
  let [service, bus] = await start();
  const observer = new RabbitMqBus(TEST_AMQP_URL, quietLog);
  const events: DeviceEvent[] = [];
  const subscription: Subscription = await observer.consume(
    queues.devices,
    (d) => {
      events.push(deviceEventSchema.parse(JSON.parse(d.body.toString())));
      d.ack();
    },
    { prefetch: 100 },
  );
  const stop = async (): Promise<void> => {
    await service.close();
    await bus.close();
  };
  return {
    get service() {
      return service;
    },
    get baseUrl() {
      return `http://127.0.0.1:${service.port}`;
    },
    queues,
    events,
    token: async (role, id = randomUUID()) =>
      (await issuer.issue({ id, username: `${role}-${id.slice(0, 8)}`, role })).token,
    restart: async () => {
      await stop();
      [service, bus] = await start();
    },
    dispose: async () => {
      await stop();
      await subscription.cancel();
      await observer.close();
      await deleteQueues(queues.devices, deadLetterQueueOf(queues.devices));
      if (!users) await deleteQueues(queues.users, deadLetterQueueOf(queues.users));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
