// Consumes the `users` queue: on user.deleted, unassigns the user's devices (and publishes their upserts).
// Idempotent: a redelivery finds no devices left to unassign. Acked only after the commit.
import { userEventSchema, type UserEvent } from '../../shared/contracts/user-event';
import { BatchingConsumer } from '../bus/batching-consumer';
import type { MessageBus } from '../bus/message-bus';
import { parseJsonMessage } from '../bus/parse-message';
import type { Logger } from '../log/logger';
import type { DeviceStore } from './device-store';

const PREFETCH = 16;

export function userDeletedConsumer(
  bus: MessageBus,
  queue: string,
  store: DeviceStore,
  log: Logger,
): BatchingConsumer<UserEvent, number> {
  return new BatchingConsumer<UserEvent, number>({
    bus,
    log,
    queue,
    prefetch: PREFETCH,
    parse: (body) => parseJsonMessage(userEventSchema, body),
    apply: (events) => store.unassignUsers(events.map((e) => e.user_id)),
    onApplied: (unassigned) => log.info({ unassigned }, 'users deleted: devices unassigned'),
    onDeadLetter: (reason) => log.warn({ queue, reason }, 'dead-lettered a message'),
  });
}
