// The app without Electron: the same embedded services, sharing one bus, for `npm run serve` and tests.
import { connectBus } from '../services/bus/connect-bus';
import type { MessageBus } from '../services/bus/message-bus';
import type { Config } from '../services/config/config';
import type { Logger } from '../services/log/logger';
import { startMonitoringService, type MonitoringService } from '../services/monitoring/monitoring-service';

export interface HeadlessHost {
  bus: MessageBus;
  monitoring: MonitoringService;
  /** Stops everything in reverse order of starting. */
  close(): Promise<void>;
}

export async function startHeadlessHost(config: Config, log: Logger): Promise<HeadlessHost> {
  const bus = await connectBus(config.amqpUrl, log);
  const monitoring = await startMonitoringService({ config, bus, log });
  return {
    bus,
    monitoring,
    close: async () => {
      await monitoring.close();
      await bus.close();
    },
  };
}
