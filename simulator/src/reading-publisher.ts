// The port a replay sends its readings through. RabbitMQ is the default; the desktop host may pass its own bus.
import type { ConsumptionMessage } from '../../src/shared/contracts/consumption';

export interface ReadingPublisher {
  /** Resolves once the reading is safely stored (for RabbitMQ: the publisher confirm). Rejects only when closed. */
  publish(message: ConsumptionMessage): Promise<void>;
  /** Stops publishing; readings not yet confirmed are rejected. */
  close(): Promise<void>;
}
