// Test support: the environment of a host that shares nothing with other tests: its own data folder,
// queues no one else uses, and ephemeral ports. Also what it takes to clean up after it.
import { deadLetterQueueOf } from '../bus/message-bus';
import { deleteQueues, TEST_AMQP_URL } from './rabbitmq';
import { uniqueQueue } from './wait';

export interface IsolatedHost {
  queues: { consumptions: string; devices: string; users: string };
  /** WATTDESK_* variables for loadConfig, or for a host process's environment. */
  env: Record<string, string>;
  /** Deletes the queues and their dead-letter queues. */
  deleteQueues(): Promise<void>;
}

export function isolatedHost(
  prefix: string,
  { dataDir, tz = 'UTC', adminPassword }: { dataDir: string; tz?: string; adminPassword?: string },
): IsolatedHost {
  const queues = {
    consumptions: uniqueQueue(`${prefix}-c`),
    devices: uniqueQueue(`${prefix}-d`),
    users: uniqueQueue(`${prefix}-u`),
  };
  return {
    queues,
    env: {
      WATTDESK_DATA_DIR: dataDir,
      WATTDESK_AMQP_URL: TEST_AMQP_URL,
      WATTDESK_PORT: '0',
      WATTDESK_USERS_PORT: '0',
      WATTDESK_DEVICES_PORT: '0',
      WATTDESK_MONITORING_PORT: '0',
      WATTDESK_QUEUE_CONSUMPTIONS: queues.consumptions,
      WATTDESK_QUEUE_DEVICES: queues.devices,
      WATTDESK_QUEUE_USERS: queues.users,
      WATTDESK_TZ: tz,
      ...(adminPassword ? { WATTDESK_ADMIN_PASSWORD: adminPassword } : {}),
    },
    deleteQueues: () => {
      const all = Object.values(queues);
      return deleteQueues(...all, ...all.map(deadLetterQueueOf));
    },
  };
}
