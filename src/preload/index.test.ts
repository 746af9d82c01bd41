// The preload bridge with Electron stood in for: what it exposes, and how requests and events cross.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../shared/contracts/api';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    answers: new Map<string, unknown>(),
    invoked: [] as Array<[string, unknown]>,
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      electron.invoked.push([channel, args]);
      return electron.answers.get(channel);
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
      electron.listeners.get(channel)?.delete(fn),
  },
}));

await import('./index');
const api = electron.exposed.get('wattdesk') as Api;

beforeEach(() => {
  electron.invoked.length = 0;
});

describe('the preload bridge', () => {
  it('exposes window.wattdesk with invoke and on, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['wattdesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a request on its own channel and unwraps the answer', async () => {
    electron.answers.set('devices-list', { ok: true, value: [{ id: 'd1' }] });
    expect(await api.invoke('devices-list', undefined)).toEqual([{ id: 'd1' }]);
    expect(electron.invoked).toEqual([['devices-list', undefined]]);
  });

  it('rejects with the failure as a plain object, keeping its status and fields', async () => {
    const failure = { status: 400, error: 'invalid', fields: { max_hourly_kwh: 'must be > 0' } };
    electron.answers.set('device-create', { ok: false, failure });
    const rejected = await api
      .invoke('device-create', { description: 'x', address: 'y', max_hourly_kwh: 0 })
      .catch((reason: unknown) => reason);
    expect(rejected).toEqual(failure);
    expect(rejected).not.toBeInstanceOf(Error);
  });

  it('refuses a channel that is not in the contract, without sending anything', async () => {
    const invoke = api.invoke as (name: string, args: unknown) => Promise<unknown>;
    await expect(invoke('shell-open', 'file:///etc/passwd')).rejects.toMatchObject({ status: 400 });
    expect(electron.invoked).toEqual([]);
    const on = api.on as (event: string, fn: () => void) => () => void;
    expect(() => on('ipc-internal', () => {})).toThrow(/no event named/);
  });

  it('passes an event’s payload without the IPC event, until the listener stops', () => {
    const seen: unknown[] = [];
    const stop = api.on('navigate', (payload) => seen.push(payload));
    const [relay] = electron.listeners.get('navigate')!;
    relay!({ sender: 'the ipcRenderer event' }, { path: '/devices/d1?date=2026-01-31' });
    expect(seen).toEqual([{ path: '/devices/d1?date=2026-01-31' }]);
    stop();
    expect(electron.listeners.get('navigate')!.size).toBe(0);
  });
});
