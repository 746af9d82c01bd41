// Where the desktop keeps its refresh token between starts: a file in userData, encrypted by the operating
// system's keychain (Electron's safeStorage). Without a keychain it is kept in memory only: the user signs in
// again after a restart rather than leaving a usable token on disk in the clear.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RefreshTokenStore } from '../host/http-api-client';
import type { Logger } from '../services/log/logger';

/** What of safeStorage this needs. */
export interface TokenCipher {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/**
 * A cipher that counts as available only with a real keychain: on Linux without one, safeStorage falls
 * back to a fixed key ('basic_text'), which is no protection.
 */
export function keychainOnly(
  cipher: TokenCipher & { getSelectedStorageBackend?(): string },
  platform: NodeJS.Platform = process.platform,
): TokenCipher {
  return {
    isEncryptionAvailable: () =>
      cipher.isEncryptionAvailable() &&
      !(platform === 'linux' && cipher.getSelectedStorageBackend?.() === 'basic_text'),
    encryptString: (text) => cipher.encryptString(text),
    decryptString: (data) => cipher.decryptString(data),
  };
}

export function refreshTokenFile(file: string, cipher: TokenCipher, log: Logger): RefreshTokenStore {
  let inMemory: string | null = null;
  return {
    async load() {
      if (!cipher.isEncryptionAvailable()) return inMemory;
      if (!existsSync(file)) return null;
      try {
        return cipher.decryptString(readFileSync(file));
      } catch (err) {
        log.warn({ err }, 'the kept session cannot be read; signing in again');
        rmSync(file, { force: true });
        return null;
      }
    },
    async save(token) {
      if (!cipher.isEncryptionAvailable()) {
        inMemory = token;
        rmSync(file, { force: true });
        return;
      }
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, cipher.encryptString(token), { mode: 0o600, flush: true });
      renameSync(temporary, file);
    },
  };
}
