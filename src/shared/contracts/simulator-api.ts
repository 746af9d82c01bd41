// Controlling the built-in simulator from the UI: the bundled sample file or an uploaded CSV.
import { z } from 'zod';
import { deviceIdSchema } from './consumption';

/** An uploaded CSV is sent as text; larger files belong to the command line (`npm run simulate`). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const simulatorStartRequestSchema = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sample') }),
    z.strictObject({
      kind: z.literal('upload'),
      file_name: z.string().min(1).max(255),
      content: z.string().min(1).max(MAX_UPLOAD_BYTES),
    }),
  ]),
  device_ids: z.array(deviceIdSchema).min(1, 'pick at least one device').max(100),
  /** Simulated time per wall time: 1 = real time, 60 = an hour a minute; 'max' = as fast as confirmed. */
  speed: z.union([z.number().positive().max(1_000_000), z.literal('max')]),
  /** Timestamp of the first reading: ISO-8601 with an offset, or 'now'. */
  start: z.union([z.literal('now'), z.iso.datetime({ offset: true })]),
  loop: z.boolean().default(false),
});
export type SimulatorStartRequest = z.input<typeof simulatorStartRequestSchema>;

export type SimulatorPhase = 'idle' | 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

export interface SimulatorState {
  phase: SimulatorPhase;
  file_name: string | null;
  device_ids: string[];
  /** Messages confirmed by the bus (readings × devices). */
  sent: number;
  /** Messages per second, recent. */
  rate: number;
  /** Simulated time reached, ISO-8601, or null before the first reading. */
  simulated_time: string | null;
  /** Messages left, when known. */
  remaining: number | null;
  bad_lines: number;
  /** Why the last replay failed. */
  failure: string | null;
}
