// The browser's way in to the embedded services: the gateway on WATTDESK_PORT, with the host's own routes
// (status, first-run password, simulator) beside the proxied service APIs.
import type { Config } from '../services/config/config';
import type { Logger } from '../services/log/logger';
import type { EmbeddedServices } from './embedded-services';
import { startGateway } from './gateway/gateway';
import { hostRouter } from './gateway/host-router';
import { busReadingPublisher, SimulatorController } from './simulator-controller';

export interface UiGateway {
  port: number;
  simulator: SimulatorController;
  close(): Promise<void>;
}

export async function startUiGateway(
  services: EmbeddedServices,
  config: Config,
  log: Logger,
  options: { staticDir: string; port?: number },
): Promise<UiGateway> {
  const simulator = new SimulatorController(
    busReadingPublisher(services.bus, config.queues.consumptions),
    log,
  );
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const gateway = await startGateway({
    port: options.port ?? config.port,
    staticDir: options.staticDir,
    log: log.child({ service: 'gateway' }),
    targets: {
      users: local(services.users.port),
      devices: local(services.devices.port),
      monitoring: local(services.monitoring.port),
    },
    hostRoutes: hostRouter({
      verifier: services.verifier,
      firstRun: { password: services.users.generatedAdmin?.password ?? null },
      simulator,
      status: () => ({ bus: services.bus.status(), services: 'embedded', site_tz: config.tz }),
    }),
  });
  return {
    port: gateway.port,
    simulator,
    close: async () => {
      await simulator.stop();
      await gateway.close();
    },
  };
}
