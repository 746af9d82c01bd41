// `npm run service:users`: the users service alone, against RabbitMQ (WATTDESK_AMQP_URL or the local default).
import { RabbitMqBus } from '../bus/rabbitmq-bus';
import { ConfigError, DEFAULT_AMQP_URL, loadConfig } from '../config/config';
import { createLogger } from '../log/logger';
import { startUsersService } from './users-service';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'users');
  // Standalone, the broker is required: user.deleted must reach the devices service. Until it answers,
  // events wait in the outbox.
  const bus = new RabbitMqBus(config.amqpUrl ?? DEFAULT_AMQP_URL, log);
  const service = await startUsersService({ config, bus, log });

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
