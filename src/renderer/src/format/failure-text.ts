// What went wrong, as a sentence for people: the host's message ("the last admin cannot be demoted")
// capitalised and closed with a full stop.
import { ApiError } from '../../../shared/contracts/api';

/** "admins only" as "Admins only." */
export function asSentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function failureText(err: unknown): string {
  if (err instanceof ApiError) return asSentence(err.error);
  return asSentence(err instanceof Error ? err.message : String(err));
}
