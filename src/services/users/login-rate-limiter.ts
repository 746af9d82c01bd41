// Limits sign-in attempts per IP (all attempts) and per username (failures), in fixed windows, in memory.
import { usernameKey } from './user-store';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  /** Attempts from one IP, whatever their outcome: slows down guessing across many usernames. */
  perIp: Limit;
  /** Failed attempts on one username, from anywhere: slows down guessing one password. Success clears it. */
  perUsername: Limit;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perIp: { max: 30, windowMs: 60_000 },
  perUsername: { max: 5, windowMs: 15 * 60_000 },
};

/** Above this many keys, expired windows are swept, so a flood of made-up usernames cannot grow memory for long. */
const SWEEP_ABOVE = 10_000;

class FixedWindows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly limit: Limit) {}

  /** Milliseconds until the key may try again, or 0 when it has attempts left. */
  waitFor(key: string, now: number): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now || w.count < this.limit.max) return 0;
    return w.resetAt - now;
  }

  hit(key: string, now: number): void {
    const w = this.windows.get(key);
    if (w && w.resetAt > now) w.count++;
    else this.windows.set(key, { count: 1, resetAt: now + this.limit.windowMs });
    if (this.windows.size > SWEEP_ABOVE) {
      for (const [k, v] of this.windows) if (v.resetAt <= now) this.windows.delete(k);
    }
  }

  clear(key: string): void {
    this.windows.delete(key);
  }
}

export class LoginRateLimiter {
  private readonly byIp: FixedWindows;
  private readonly byUsername: FixedWindows;

  constructor(
    limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.byIp = new FixedWindows(limits.perIp);
    this.byUsername = new FixedWindows(limits.perUsername);
  }

  /** Counts an attempt; answers how many seconds to wait when the IP or the username is over its limit. */
  admit(ip: string, username: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.now();
    const wait = Math.max(this.byIp.waitFor(ip, now), this.byUsername.waitFor(usernameKey(username), now));
    if (wait > 0) return { ok: false, retryAfterS: Math.ceil(wait / 1000) };
    this.byIp.hit(ip, now);
    return { ok: true };
  }

  failed(username: string): void {
    this.byUsername.hit(usernameKey(username), this.now());
  }

  succeeded(username: string): void {
    this.byUsername.clear(usernameKey(username));
  }
}
