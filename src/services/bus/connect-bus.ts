// Chooses the bus: the configured broker, the default local broker if it answers, or the in-process bus.
import type { Logger } from '../log/logger';
import { DEFAULT_AMQP_URL } from '../config/config';
import { InProcessBus } from './in-process-bus';
import type { MessageBus } from './message-bus';
import { redactUrl } from '../../shared/redact-url';
import { openConnection, RabbitMqBus } from './rabbitmq-bus';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * With an explicit URL the broker is required: connection is retried in the background until it answers.
 * Without one, the default local broker is tried once, and the in-process bus stands in if it is not there.
 */
export async function connectBus(amqpUrl: string | null, log: Logger): Promise<MessageBus> {
  if (amqpUrl) return new RabbitMqBus(amqpUrl, log);
  try {
    const first = await openConnection(DEFAULT_AMQP_URL, PROBE_TIMEOUT_MS);
    return new RabbitMqBus(DEFAULT_AMQP_URL, log, first);
  } catch (err) {
    log.warn(
      `No RabbitMQ at ${redactUrl(DEFAULT_AMQP_URL)} (${errorCode(err)}): using the in-process bus. ` +
        'Set WATTDESK_AMQP_URL to use a broker.',
    );
    return new InProcessBus();
  }
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) return String(err.code);
  return err instanceof Error ? err.message : String(err);
}
