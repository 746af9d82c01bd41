// What the desktop runs behind its UI, as the settings say: the embedded services and their bus, or remote
// services (with a bus of its own for the simulator). No Electron here: paths come in from main.
import type { HostStatus } from '../shared/contracts/host-api';
import type { Settings } from '../shared/contracts/settings';
import { startEmbeddedServices } from '../host/embedded-services';
import type { ServiceUrls } from '../host/http-api-client';
import { busReadingPublisher, SimulatorController } from '../host/simulator-controller';
import { connectBus } from '../services/bus/connect-bus';
import type { Config } from '../services/config/config';
import type { Logger } from '../services/log/logger';
import type { ResourcePaths } from './resource-paths';

export interface Backend {
  urls: ServiceUrls;
  status(): HostStatus;
  firstRun: { password: string | null };
  simulator: SimulatorController;
  /** Stops the simulator, then the services (monitoring drains its consumers) and the bus. */
  close(): Promise<void>;
}

/** The configuration the services run with: the environment's, with the desktop settings over it. */
export function desktopConfig(config: Config, settings: Settings): Config {
  return { ...config, amqpUrl: settings.amqp_url, tz: settings.site_tz };
}

export async function startBackend(
  settings: Settings,
  envConfig: Config,
  paths: Pick<ResourcePaths, 'migrations' | 'sampleCsv'>,
  log: Logger,
): Promise<Backend> {
  const config = desktopConfig(envConfig, settings);
  if (settings.services.mode === 'remote') {
    const { users_url, devices_url, monitoring_url } = settings.services;
    const bus = await connectBus(config.amqpUrl, log);
    const simulator = simulatorOn(bus, config, paths, log);
    return {
      urls: { users: users_url, devices: devices_url, monitoring: monitoring_url },
      status: () => ({ bus: bus.status(), services: 'remote', site_tz: config.tz }),
      firstRun: { password: null },
      simulator,
      close: async () => {
        await simulator.stop();
        await bus.close();
      },
    };
  }
  const services = await startEmbeddedServices(config, log, { migrations: paths.migrations });
  const simulator = simulatorOn(services.bus, config, paths, log);
  const local = (port: number) => `http://127.0.0.1:${port}`;
  return {
    urls: {
      users: local(services.users.port),
      devices: local(services.devices.port),
      monitoring: local(services.monitoring.port),
    },
    status: () => ({ bus: services.bus.status(), services: 'embedded', site_tz: config.tz }),
    firstRun: { password: services.users.generatedAdmin?.password ?? null },
    simulator,
    close: async () => {
      await simulator.stop();
      await services.close();
    },
  };
}

function simulatorOn(
  bus: Parameters<typeof busReadingPublisher>[0],
  config: Config,
  paths: Pick<ResourcePaths, 'sampleCsv'>,
  log: Logger,
): SimulatorController {
  return new SimulatorController(busReadingPublisher(bus, config.queues.consumptions), log, paths.sampleCsv);
}
