import { describe, expect, it } from 'vitest';
import { quietLog } from '../services/testing/monitoring-harness';
import { holdSingleInstance, quitAfterShutdown, ShutdownStack, type AppLike } from './lifecycle';

function fakeApp(lock: boolean) {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  const calls: string[] = [];
  const app: AppLike = {
    requestSingleInstanceLock: () => lock,
    on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
      listeners.set(event, listener),
    quit: () => calls.push('quit'),
    exit: (code) => calls.push(`exit ${code}`),
  };
  return { app, listeners, calls };
}

describe('the app lifecycle', () => {
  it('stops the parts in reverse order, once, even when one fails', async () => {
    const stack = new ShutdownStack(quietLog);
    const stopped: string[] = [];
    stack.add('bus', () => stopped.push('bus'));
    stack.add('services', async () => {
      stopped.push('services');
      throw new Error('drain failed');
    });
    stack.add('windows', () => stopped.push('windows'));
    await Promise.all([stack.run(), stack.run()]);
    expect(stopped).toEqual(['windows', 'services', 'bus']);
    expect(stack.stopping).toBe(true);
    expect(() => stack.add('late', () => undefined)).toThrow(/while shutting down/);
  });

  it('lets a second instance quit and wake the first', () => {
    const second = fakeApp(false);
    expect(holdSingleInstance(second.app, () => undefined)).toBe(false);
    expect(second.calls).toEqual(['quit']);

    const first = fakeApp(true);
    let woken = 0;
    expect(holdSingleInstance(first.app, () => woken++)).toBe(true);
    first.listeners.get('second-instance')!({ preventDefault: () => undefined });
    expect(woken).toBe(1);
  });

  it('holds the quit until everything stopped, then exits', async () => {
    const { app, listeners, calls } = fakeApp(true);
    const stack = new ShutdownStack(quietLog);
    let release!: () => void;
    stack.add('services', () => new Promise<void>((resolve) => (release = resolve)));
    quitAfterShutdown(app, stack);

    let prevented = 0;
    listeners.get('before-quit')!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    expect(calls).toEqual([]);
    release();
    await stack.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['exit 0']);
    // app.exit does not emit before-quit again; a stray one after is let through.
    listeners.get('before-quit')!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });
});
