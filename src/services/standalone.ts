// Runs one service as its own process against RabbitMQ: read config, connect, start; stop on SIGINT/SIGTERM.
import { RabbitMqBus } from './bus/rabbitmq-bus';
import type { MessageBus } from './bus/message-bus';
import { ConfigError, DEFAULT_AMQP_URL, loadConfig, type Config } from './config/config';
import { createLogger, type Logger } from './log/logger';

export interface StandaloneDeps {
  config: Config;
  bus: MessageBus;
  log: Logger;
}

/**
 * Standalone, the broker is required (WATTDESK_AMQP_URL, or the local default): it is retried until it
 * answers, and events wait in their outbox meanwhile. The service listens on every interface.
 */
export function runStandalone(
  name: string,
  start: (deps: StandaloneDeps) => Promise<{ close(): Promise<void> }>,
) {
  const run = async (): Promise<void> => {
    const config = loadConfig();
    const log = createLogger(config.logLevel, name);
    const bus = new RabbitMqBus(config.amqpUrl ?? DEFAULT_AMQP_URL, log);
    const service = await start({ config, bus, log });
    let stopping = false;
    const stop = async (signal: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      await service.close();
      await bus.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  };
  run().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
