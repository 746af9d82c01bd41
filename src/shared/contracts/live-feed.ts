// WebSocket `/ws` of the monitoring service. The first message authenticates; the token never goes in the URL.
import { z } from 'zod';
import type { AuthUser } from './auth';
import type { Alert } from './monitoring-api';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.strictObject({
    type: z.literal('subscribe'),
    device_ids: z.array(z.string().min(1).max(128)).max(10_000),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Close codes: the socket is closed with these when sign-in fails or does not come in time. */
export const CLOSE_UNAUTHENTICATED = 4401;

export type ServerMessage =
  | { type: 'authenticated'; user: AuthUser }
  /** `device_ids`: everything now followed; `refused`: asked for but not the caller's to see. */
  | { type: 'subscribed'; device_ids: string[]; refused: string[] }
  | { type: 'hourly'; device_id: string; start: string; kwh: number }
  | ({ type: 'alert' } & Alert)
  | { type: 'error'; error: string };
