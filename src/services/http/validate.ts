// Request validation at the HTTP edge: a zod schema, or a 400 that names each bad field.
import type { Response } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../shared/contracts/monitoring-api';

/** The parsed value, or undefined after answering 400 with `{ error, fields }`. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  res: Response,
): z.output<S> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.length ? issue.path.join('.') : '(body)';
    fields[name] ??= issue.message;
  }
  const body: ApiError = { error: `invalid ${Object.keys(fields).join(', ')}`, fields };
  res.status(400).json(body);
  return undefined;
}
