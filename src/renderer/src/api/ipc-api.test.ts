import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import { FakeApi } from '../testing/fake-api';
import { createIpcApi } from './ipc-api';

describe('the desktop transport', () => {
  it('passes requests and events through to the preload bridge', async () => {
    const bridge = new FakeApi({ 'devices-list': () => [] });
    const api = createIpcApi(bridge);
    expect(await api.invoke('devices-list', undefined)).toEqual([]);
    const seen: unknown[] = [];
    const off = api.on('feed-state', (s) => seen.push(s));
    bridge.emit('feed-state', { state: 'connected' });
    off();
    bridge.emit('feed-state', { state: 'connecting' });
    expect(seen).toEqual([{ state: 'connected' }]);
  });

  it('makes the plain failure the bridge rejects with an ApiError again, fields and all', async () => {
    const bridge = new FakeApi({
      'user-create': () =>
        Promise.reject({ status: 409, error: 'username taken', fields: { username: 'is taken' } }),
    });
    const failure = await createIpcApi(bridge)
      .invoke('user-create', { username: 'a', display_name: 'A', role: 'client', password: 'long enough' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, error: 'username taken', fields: { username: 'is taken' } });
  });

  it('reads a failure that Electron flattened into an error message', async () => {
    const flattened = new Error(
      `Error invoking remote method 'alert-ack': Error: {"status":404,"error":"no alert 9"}`,
    );
    const bridge = new FakeApi({ 'alert-ack': () => Promise.reject(flattened) });
    const failure = await createIpcApi(bridge)
      .invoke('alert-ack', { id: 9 })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'ApiError', status: 404, error: 'no alert 9' });
  });
});
