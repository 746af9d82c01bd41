import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contracts/api';
import { quietLog } from '../services/testing/monitoring-harness';
import { DuplicateHandlerError, IpcHandlers, type IpcInvokeEventLike, type IpcMainLike } from './ipc';
import { isOwnPage } from './pages';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** Stands in for ipcMain: keeps the handlers, and invokes them as a page would. */
function fakeIpcMain(): IpcMainLike & {
  listeners: Map<string, Listener>;
  from(url: string | null): Invoker;
} {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
    removeHandler(channel) {
      listeners.delete(channel);
    },
    from(url) {
      return (channel, args) => listeners.get(channel)!({ senderFrame: url === null ? null : { url } }, args);
    },
  };
}
type Invoker = (channel: string, args?: unknown) => Promise<unknown>;

const OURS = 'app://wattdesk/devices';

function setUp() {
  const ipcMain = fakeIpcMain();
  const handlers = new IpcHandlers(ipcMain, (url) => isOwnPage(url, null), quietLog);
  return { ipcMain, handlers, invoke: ipcMain.from(OURS) };
}

describe('IPC handlers', () => {
  it('answer a request with checked arguments in an ok envelope', async () => {
    const { handlers, invoke } = setUp();
    const seen: unknown[] = [];
    handlers.handle('hourly-get', async (args) => {
      seen.push(args);
      return { device_id: args.device_id, date: args.date, tz: 'UTC', max_hourly_kwh: null, hours: [] };
    });
    expect(await invoke('hourly-get', { device_id: 'm1', date: '2026-01-31' })).toEqual({
      ok: true,
      value: { device_id: 'm1', date: '2026-01-31', tz: 'UTC', max_hourly_kwh: null, hours: [] },
    });
    expect(seen).toEqual([{ device_id: 'm1', date: '2026-01-31' }]);
  });

  it('refuse a second handler for the same request', () => {
    const { handlers } = setUp();
    handlers.handle('devices-list', async () => []);
    expect(() => handlers.handle('devices-list', async () => [])).toThrow(DuplicateHandlerError);
  });

  it('refuse arguments that do not match the contract, naming each field, before the handler runs', async () => {
    const { handlers, invoke } = setUp();
    let ran = false;
    handlers.handle('hourly-get', async () => {
      ran = true;
      throw new Error('must not run');
    });
    handlers.handle('device-delete', async () => undefined);
    handlers.handle('session-get', async () => null);

    expect(
      await invoke('hourly-get', { device_id: '', date: '31.01.2026', tz: 'Mars/Olympus', x: 1 }),
    ).toEqual({
      ok: false,
      failure: {
        status: 400,
        error: 'invalid arguments for hourly-get',
        fields: {
          device_id: expect.any(String),
          date: expect.any(String),
          tz: 'must be an IANA time zone',
          arguments: expect.stringContaining('x'),
        },
      },
    });
    expect(await invoke('device-delete', { id: '../../api/users' })).toMatchObject({
      ok: false,
      failure: { status: 400, fields: { id: 'must be a device id (UUID)' } },
    });
    expect(await invoke('hourly-get', 'not an object')).toMatchObject({
      ok: false,
      failure: { status: 400 },
    });
    expect(await invoke('session-get', { sneaky: true })).toMatchObject({
      ok: false,
      failure: { status: 400 },
    });
    expect(ran).toBe(false);
  });

  it('answer only our own pages', async () => {
    const { ipcMain, handlers } = setUp();
    handlers.handle('session-get', async () => null);
    for (const url of ['https://example.com/', 'file:///tmp/x.html', null])
      expect(await ipcMain.from(url)('session-get')).toEqual({
        ok: false,
        failure: { status: 403, error: 'not allowed from this page' },
      });
    expect(await ipcMain.from(OURS)('session-get')).toEqual({ ok: true, value: null });
  });

  it('keep an ApiError’s status and fields, and hide anything else behind a 500', async () => {
    const { handlers, invoke } = setUp();
    handlers.handle('user-create', async () => {
      throw new ApiError(409, 'username taken', { username: 'is taken' });
    });
    handlers.handle('users-list', async () => {
      throw new Error('database path /home/x is locked');
    });
    const user = { username: 'dana', display_name: 'Dana', role: 'client', password: 'long-enough' };
    expect(await invoke('user-create', user)).toEqual({
      ok: false,
      failure: { status: 409, error: 'username taken', fields: { username: 'is taken' } },
    });
    expect(await invoke('users-list')).toEqual({
      ok: false,
      failure: { status: 500, error: 'internal error' },
    });
  });

  it('remove every handler they registered', () => {
    const { ipcMain, handlers } = setUp();
    handlers.handle('session-get', async () => null);
    handlers.handle('devices-list', async () => []);
    handlers.dispose();
    expect(ipcMain.listeners.size).toBe(0);
  });
});
