// `npm run service:devices`: the devices service alone, against RabbitMQ, checking tokens with the users
// service's public keys at WATTDESK_USERS_URL.
import { RabbitMqBus } from '../bus/rabbitmq-bus';
import { ConfigError, DEFAULT_AMQP_URL, loadConfig } from '../config/config';
import { createLogger } from '../log/logger';
import { startDevicesService } from './devices-service';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'devices');
  // Standalone, the broker is required: until it answers, device events wait in the outbox.
  const bus = new RabbitMqBus(config.amqpUrl ?? DEFAULT_AMQP_URL, log);
  const service = await startDevicesService({ config, bus, log });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await service.close();
    await bus.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
