// Validation messages next to their fields: from the shared zod schemas before sending, and from the
// server's `fields` after. Both say "is required" or "must be …", so the field's label starts the sentence.
import type { z } from 'zod';
import { ApiError } from '../../../shared/contracts/api';
import { asSentence } from '../format/failure-text';

export type FieldErrors = Record<string, string>;

/** "Username is required." from ("Username", "is required"); a message that is a sentence stays one. */
export function sentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The first problem of each field, as sentences, from a failed parse. */
export function schemaErrors(error: z.ZodError, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name in labels && !(name in out)) out[name] = sentence(labels[name]!, issue.message);
  }
  return out;
}

/** The server's field errors as sentences, and what it said about the request as a whole. */
export function serverErrors(
  err: unknown,
  labels: Record<string, string>,
): { fields: FieldErrors; form: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: String(err) };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const [name, message] of Object.entries(err.fields ?? {})) {
    if (name in labels) fields[name] = sentence(labels[name]!, message);
    else rest.push(`${name}: ${message}`);
  }
  const named = Object.keys(fields).length > 0;
  const form = rest.length ? rest.join('; ') : named ? null : err.error;
  return { fields, form: form ? asSentence(form) : null };
}
