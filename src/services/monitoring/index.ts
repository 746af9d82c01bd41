// Standalone monitoring service: `npm run service:monitoring`, against the configured RabbitMQ.
import { connectBus } from '../bus/connect-bus';
import { loadConfig } from '../config/config';
import { createLogger } from '../log/logger';
import { startMonitoringService } from './monitoring-service';

const config = loadConfig();
const log = createLogger(config.logLevel, 'monitoring');
const bus = await connectBus(config.amqpUrl, log);
const service = await startMonitoringService({ config, bus, log, host: '0.0.0.0' });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    void service
      .close()
      .then(() => bus.close())
      .then(() => process.exit(0));
  });
}
