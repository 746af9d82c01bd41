import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contracts/api';
import type { AuthUser } from '../shared/contracts/auth';
import type { Settings } from '../shared/contracts/settings';
import { busReadingPublisher, SimulatorController } from '../host/simulator-controller';
import { InProcessBus } from '../services/bus/in-process-bus';
import { quietLog } from '../services/testing/monitoring-harness';
import { desktopHost } from './desktop-host';
import { defaultSettings } from './settings-store';

const ADMIN: AuthUser = { id: 'a', username: 'admin', role: 'admin' };
const CLIENT: AuthUser = { id: 'c', username: 'dana', role: 'client' };

function host() {
  let settings: Settings = defaultSettings({ amqpUrl: null, tz: 'UTC' });
  const firstRun = { password: 'generated-password' as string | null };
  const simulator = new SimulatorController(busReadingPublisher(new InProcessBus(), 'readings'), quietLog);
  const h = desktopHost({
    status: () => ({ bus: { kind: 'in-process', connected: true }, services: 'embedded', site_tz: 'UTC' }),
    firstRun,
    simulator,
    settings: { get: () => settings, set: (next) => (settings = next) },
  });
  return { h, firstRun };
}

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe('the desktop host', () => {
  it('keeps the first-run password until an admin completes the first run', async () => {
    const { h, firstRun } = host();
    expect(await h.invoke('first-run-get', undefined, null)).toEqual({
      generated_admin_password: 'generated-password',
    });
    expect(await status(h.invoke('first-run-complete', undefined, null))).toBe(401);
    expect(await status(h.invoke('first-run-complete', undefined, CLIENT))).toBe(403);
    await h.invoke('first-run-complete', undefined, ADMIN);
    expect(firstRun.password).toBeNull();
  });

  it('lets anyone signed in watch the simulator and only an admin drive it', async () => {
    const { h } = host();
    expect(await status(h.invoke('simulator-get', undefined, null))).toBe(401);
    expect(await h.invoke('simulator-get', undefined, CLIENT)).toMatchObject({ phase: 'idle' });
    expect(await status(h.invoke('simulator-pause', undefined, CLIENT))).toBe(403);
    expect(await h.invoke('simulator-stop', undefined, ADMIN)).toMatchObject({ phase: 'idle' });
  });

  it('answers status and settings signed out too: a wrong service URL must be fixable before sign-in', async () => {
    const { h } = host();
    expect(await h.invoke('status-get', undefined, null)).toMatchObject({ services: 'embedded' });
    const next = { ...(await h.invoke('settings-get', undefined, null)), notifications: false };
    expect(await h.invoke('settings-set', next, null)).toEqual(next);
    expect(await h.invoke('settings-get', undefined, null)).toEqual(next);
  });
});
