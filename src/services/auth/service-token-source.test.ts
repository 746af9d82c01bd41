import { describe, expect, it } from 'vitest';
import { cachedServiceTokens } from './service-token-source';

describe('cached service tokens', () => {
  it('reuses a token until a minute before it expires, and shares one fetch between callers', async () => {
    let now = 0;
    let fetches = 0;
    const source = cachedServiceTokens(
      async () => ({ token: `t${++fetches}`, expiresIn: 900 }),
      () => now,
    );
    expect(await Promise.all([source.token(), source.token()])).toEqual(['t1', 't1']);
    now = 839_000;
    expect(await source.token()).toBe('t1');
    now = 840_000;
    expect(await source.token()).toBe('t2');
  });

  it('tries again after a failed fetch', async () => {
    let calls = 0;
    const source = cachedServiceTokens(async () => {
      if (++calls === 1) throw new Error('users service down');
      return { token: 'ok', expiresIn: 900 };
    });
    await expect(source.token()).rejects.toThrow('users service down');
    expect(await source.token()).toBe('ok');
  });
});
