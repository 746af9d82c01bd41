// Every change of a device commits a new version and its event together; nothing else does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../shared/contracts/device-event';
import { openDatabase, readMigrations, type Db } from '../sqlite/open-database';
import { DeviceStore } from './device-store';

let dir: string;
let db: Db;
let store: DeviceStore;
let wakes: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wattdesk-device-store-'));
  db = openDatabase(
    join(dir, 'devices.db'),
    readMigrations(fileURLToPath(new URL('./migrations/', import.meta.url))),
  );
  wakes = 0;
  store = new DeviceStore(db, () => wakes++);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function outbox(): DeviceEvent[] {
  return db
    .prepare<[], { body: string }>('SELECT body FROM outbox ORDER BY seq')
    .all()
    .map((r) => JSON.parse(r.body) as DeviceEvent);
}

const input = { description: 'Boiler', address: 'Cellar', max_hourly_kwh: 2 };
const owner = '7b0c1f6e-9a43-4c8e-8f0e-3c1d2b4a5e6f';

describe('DeviceStore', () => {
  it('grows the version by one per change and writes each version to the outbox', () => {
    const created = store.create(input);
    if (!created.ok) throw new Error(created.error);
    const id = created.value.id;
    store.update(id, { max_hourly_kwh: 3 });
    store.update(id, { user_id: owner });
    store.delete(id);
    expect(outbox().map((e) => [e.type, e.version])).toEqual([
      ['device.upserted', 1],
      ['device.upserted', 2],
      ['device.upserted', 3],
      ['device.deleted', 4],
    ]);
    expect(outbox()[2]).toMatchObject({ device: { id, user_id: owner, max_hourly_kwh: 3 } });
    expect(wakes).toBe(4);
  });

  it('treats a patch that changes nothing as no change', () => {
    const created = store.create(input);
    if (!created.ok) throw new Error(created.error);
    const same = store.update(created.value.id, { description: 'Boiler', max_hourly_kwh: 2 });
    expect(same).toEqual({ ok: true, value: created.value });
    expect(outbox()).toHaveLength(1);
  });

  it('unassigns a deleted user once, and refuses them as an owner afterwards', () => {
    const a = store.create({ ...input, user_id: owner });
    const b = store.create({ ...input, user_id: owner });
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(store.unassignUsers([owner])).toBe(2);
    expect(store.unassignUsers([owner])).toBe(0);
    expect(store.get(a.value.id)).toMatchObject({ user_id: null, version: 2 });
    expect(store.update(a.value.id, { user_id: owner })).toEqual({ ok: false, error: 'owner-deleted' });
    expect(store.create({ ...input, user_id: owner })).toEqual({ ok: false, error: 'owner-deleted' });
    expect(outbox().filter((e) => e.type === 'device.upserted' && e.device.user_id === null)).toHaveLength(2);
  });

  it('rolls back the change when its event cannot be written', () => {
    db.exec('DROP TABLE outbox');
    expect(() => store.create(input)).toThrow();
    expect(store.list()).toEqual([]);
  });
});
