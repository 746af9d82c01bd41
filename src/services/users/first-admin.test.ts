// First start creates `admin` once: with the configured password, or a generated one shown once in the log.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startUsersFixture, type UsersFixture } from './testing/users-fixture';
import { startUsersService } from './users-service';

let fx: UsersFixture;
afterEach(() => fx.dispose());

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('the first admin', () => {
  it('gets a generated password, printed once in the log and handed to the host', async () => {
    const { log, lines } = capturedLog();
    fx = await startUsersFixture({ adminPassword: null, log });
    const generated = fx.service.generatedAdmin;
    expect(generated?.username).toBe('admin');
    const password = generated!.password;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(lines.filter((l) => l.includes(password))).toHaveLength(1);
    await fx.login('admin', password);
  });

  it('gets WATTDESK_ADMIN_PASSWORD when set, and it is never logged', async () => {
    const { log, lines } = capturedLog();
    fx = await startUsersFixture({ adminPassword: 'configured secret', log });
    expect(fx.service.generatedAdmin).toBeNull();
    await fx.login('admin', 'configured secret');
    expect(lines.join('')).not.toContain('configured secret');
    expect(lines.join('')).toContain('created the first admin');
  });

  it('is not created again once an admin exists', async () => {
    fx = await startUsersFixture({ adminPassword: null });
    await request(fx.baseUrl).get('/api/health').expect(200);
    const { log, lines } = capturedLog();
    await fx.service.close();
    const again = await startUsersService({
      config: {
        dataDir: fx.dataDir,
        usersPort: 0,
        usersQueue: fx.usersQueue,
        adminPassword: 'ignored password',
      },
      bus: fx.bus,
      log,
    });
    expect(again.generatedAdmin).toBeNull();
    expect(lines.join('')).not.toContain('created the first admin');
    await again.close();
  });
});
