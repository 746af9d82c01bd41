// WebSocket `/ws` of the monitoring service.
import { z } from 'zod';
import type { Alert } from './monitoring-api';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('subscribe'),
    device_ids: z.array(z.string().min(1).max(128)).max(10_000),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'subscribed'; device_ids: string[] }
  | { type: 'hourly'; device_id: string; start: string; kwh: number }
  | ({ type: 'alert' } & Alert)
  | { type: 'error'; error: string };
