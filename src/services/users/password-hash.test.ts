import { describe, expect, it } from 'vitest';
import { DECOY_HASH, hashPassword, SCRYPT_PARAMS, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('tr0ub4dor&3');
    expect(await verifyPassword('tr0ub4dor&3', stored)).toBe(true);
    expect(await verifyPassword('tr0ub4dor&4', stored)).toBe(false);
  });

  it('records its parameters and a fresh salt, and never the password', async () => {
    const [a, b] = [await hashPassword('same password'), await hashPassword('same password')];
    expect(a).not.toBe(b);
    expect(a.startsWith(`scrypt$${SCRYPT_PARAMS.N}$${SCRYPT_PARAMS.r}$${SCRYPT_PARAMS.p}$`)).toBe(true);
    expect(a).not.toContain('same password');
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('matches nothing with the decoy hash', async () => {
    expect(await verifyPassword('', DECOY_HASH)).toBe(false);
  });
});
