// How long the live feed waits before its next connection attempt: exponential, capped, with jitter so that
// many browsers reconnecting after a host restart do not arrive all at once.

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** Delay before attempt `attempt` (0 = first retry), ms; `random` in [0, 1) spreads it by ±20 %. */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random));
}
