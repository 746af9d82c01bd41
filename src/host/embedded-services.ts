// Users, devices and monitoring in one process on their ports, sharing one bus: for the headless host and
// the desktop app alike.
// Started in dependency order and stopped in reverse, so nothing in flight is lost.
import { createTokenVerifier, type TokenVerifier } from '../services/auth/token-verifier';
import { connectBus } from '../services/bus/connect-bus';
import type { MessageBus } from '../services/bus/message-bus';
import type { Config } from '../services/config/config';
import { startDevicesService, type DevicesService } from '../services/devices/devices-service';
import type { Logger } from '../services/log/logger';
import { httpDeviceSnapshot } from '../services/monitoring/ingest/device-resync';
import { startMonitoringService, type MonitoringService } from '../services/monitoring/monitoring-service';
import { startUsersService, type UsersService } from '../services/users/users-service';

export interface EmbeddedServices {
  bus: MessageBus;
  /** Checks access tokens against the embedded users service's keys. */
  verifier: TokenVerifier;
  users: UsersService;
  devices: DevicesService;
  monitoring: MonitoringService;
  /** Stops everything in reverse order of starting. */
  close(): Promise<void>;
}

export interface EmbeddedServicesOptions {
  /** Listen on ephemeral ports instead of the configured ones (tests). */
  ephemeralPorts?: boolean;
  /** Each service's folder of .sql migrations, when not beside its source (the desktop bundle). */
  migrations?: { users: string; devices: string; monitoring: string };
}

export async function startEmbeddedServices(
  config: Config,
  log: Logger,
  { ephemeralPorts = false, migrations }: EmbeddedServicesOptions = {},
): Promise<EmbeddedServices> {
  const port = (configured: number) => (ephemeralPorts ? 0 : configured);
  const bus = await connectBus(config.amqpUrl, log);
  const users = await startUsersService({
    config,
    bus,
    log,
    port: port(config.usersPort),
    migrationsDir: migrations?.users,
  });
  const verifier = createTokenVerifier({ keySet: users.publicKeySet });
  const devices = await startDevicesService({
    config,
    bus,
    log,
    verifier,
    port: port(config.devicesPort),
    migrationsDir: migrations?.devices,
  });
  const serviceTokens = users.serviceTokens('monitoring');
  const monitoring = await startMonitoringService({
    config,
    bus,
    log,
    verifier,
    port: port(config.monitoringPort),
    deviceSnapshot: httpDeviceSnapshot(`http://127.0.0.1:${devices.port}`, () => serviceTokens.token()),
    migrationsDir: migrations?.monitoring,
  });
  return {
    bus,
    verifier,
    users,
    devices,
    monitoring,
    close: async () => {
      await monitoring.close();
      await devices.close();
      await users.close();
      await bus.close();
    },
  };
}
