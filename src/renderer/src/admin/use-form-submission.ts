// What every form shares: check the values here first, then send; show field errors next to their inputs
// (from the check or from the server), anything else above the form, and stay busy while sending.
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { schemaErrors, serverErrors, type FieldErrors } from './form-errors';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A shared schema as the check: its parsed value, or its problems as sentences under `labels`. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Record<string, string>,
): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: schemaErrors(parsed.error, labels) };
}

export function useFormSubmission(labels: Record<string, string>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The form's submit handler. After a successful send the form stays busy: its owner closes it. */
  const submit =
    <T>(check: () => Checked<T>, send: (value: T) => Promise<void>) =>
    async (e: FormEvent): Promise<void> => {
      e.preventDefault();
      setFailure(null);
      const checked = check();
      if (!checked.ok) {
        setErrors(checked.errors);
        return;
      }
      setErrors({});
      setBusy(true);
      try {
        await send(checked.value);
      } catch (err) {
        const { fields, form } = serverErrors(err, labels);
        setErrors(fields);
        setFailure(form);
        setBusy(false);
      }
    };

  return { errors, failure, busy, submit };
}
