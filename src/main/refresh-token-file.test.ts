import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietLog } from '../services/testing/monitoring-harness';
import { useTempDirs } from '../services/testing/temp-dir';
import { keychainOnly, refreshTokenFile, type TokenCipher } from './refresh-token-file';

const tempDir = useTempDirs();

/** A reversible stand-in for the keychain (bytes reversed), or none at all. */
function cipher(available: boolean, backend?: string): TokenCipher & { getSelectedStorageBackend(): string } {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(text).reverse(),
    decryptString: (data) => {
      if (data[0] === 0x7b) throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      return Buffer.from(data).reverse().toString();
    },
    getSelectedStorageBackend: () => backend ?? 'gnome_libsecret',
  };
}

describe('the kept refresh token', () => {
  it('is stored encrypted, owner-only, and forgotten on sign-out', async () => {
    const file = join(tempDir(), 'session.bin');
    const store = refreshTokenFile(file, cipher(true), quietLog);
    await store.save('refresh-token-1');
    expect(readFileSync(file).toString()).not.toContain('refresh-token-1');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await refreshTokenFile(file, cipher(true), quietLog).load()).toBe('refresh-token-1');
    await store.save(null);
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('stays in memory only without a keychain, leaving nothing on disk', async () => {
    const file = join(tempDir(), 'session.bin');
    writeFileSync(file, 'left by an earlier run');
    const store = refreshTokenFile(file, cipher(false), quietLog);
    await store.save('refresh-token-1');
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBe('refresh-token-1');
    expect(await refreshTokenFile(file, cipher(false), quietLog).load()).toBeNull();
  });

  it('is dropped when it cannot be decrypted (another user, a new keychain)', async () => {
    const file = join(tempDir(), 'session.bin');
    writeFileSync(file, '{"not": "ours"}');
    expect(await refreshTokenFile(file, cipher(true), quietLog).load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('does not count a fixed-key fallback on Linux as a keychain', () => {
    expect(keychainOnly(cipher(true, 'basic_text'), 'linux').isEncryptionAvailable()).toBe(false);
    expect(keychainOnly(cipher(true, 'kwallet5'), 'linux').isEncryptionAvailable()).toBe(true);
    expect(keychainOnly(cipher(true), 'darwin').isEncryptionAvailable()).toBe(true);
    expect(keychainOnly(cipher(false), 'win32').isEncryptionAvailable()).toBe(false);
  });
});
