// The edge of every queue: bytes → JSON → a schema's type, or a reason fit for a dead-letter header.
import type { z } from 'zod';
import type { Parsed } from './batching-consumer';

/** Larger bodies are refused before parsing: no contract message comes near this. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export function parseJsonMessage<S extends z.ZodType>(schema: S, body: Buffer): Parsed<z.output<S>> {
  if (body.length > MAX_MESSAGE_BYTES) {
    return { ok: false, error: `message too large: ${body.length} bytes (limit ${MAX_MESSAGE_BYTES})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: describeIssues(result.error) };
}

/** "timestamp: must be …; measurement_value: expected number" — each field named. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
