import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter';

function limiter() {
  let now = 0;
  const l = new LoginRateLimiter(
    { perIp: { max: 4, windowMs: 60_000 }, perUsername: { max: 2, windowMs: 600_000 } },
    () => now,
  );
  return { l, advance: (ms: number) => (now += ms) };
}

describe('LoginRateLimiter', () => {
  it('stops a username after its failures, whatever the IP and the case, until the window ends', () => {
    const { l, advance } = limiter();
    for (const ip of ['1.1.1.1', '2.2.2.2']) {
      expect(l.admit(ip, 'ana').ok).toBe(true);
      l.failed('ana');
    }
    expect(l.admit('3.3.3.3', 'ANA')).toEqual({ ok: false, retryAfterS: 600 });
    advance(600_000);
    expect(l.admit('3.3.3.3', 'ana').ok).toBe(true);
  });

  it("forgets a username's failures after a success", () => {
    const { l } = limiter();
    l.admit('1.1.1.1', 'ana');
    l.failed('ana');
    l.admit('1.1.1.1', 'ana');
    l.succeeded('ana');
    l.admit('1.1.1.1', 'ana');
    l.failed('ana');
    expect(l.admit('1.1.1.1', 'ana').ok).toBe(true);
  });

  it('stops an IP after its attempts, successful or not', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 4; i++) expect(l.admit('1.1.1.1', `user${i}`).ok).toBe(true);
    expect(l.admit('1.1.1.1', 'other')).toEqual({ ok: false, retryAfterS: 60 });
    expect(l.admit('2.2.2.2', 'other').ok).toBe(true);
    advance(60_000);
    expect(l.admit('1.1.1.1', 'other').ok).toBe(true);
  });
});
