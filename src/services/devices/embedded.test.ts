// Embedded, as the headless host runs them: users and devices in one process on one in-process bus,
// tokens checked with the users service's keys directly, and an in-process service token for the snapshot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceSnapshotSchema, type DeviceView } from '../../shared/contracts/devices-api';
import { createTokenVerifier } from '../auth/token-verifier';
import { InProcessBus } from '../bus/in-process-bus';
import { createLogger } from '../log/logger';
import { waitFor } from '../testing/wait';
import { startUsersService, type UsersService } from '../users/users-service';
import { startDevicesService, type DevicesService } from './devices-service';

const log = createLogger('silent');
let dataDir: string;
let bus: InProcessBus;
let users: UsersService;
let devices: DevicesService;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-embedded-'));
  bus = new InProcessBus();
  const config = {
    dataDir,
    usersPort: 0,
    devicesPort: 0,
    usersQueue: 'users',
    adminPassword: null,
    usersUrl: 'http://127.0.0.1:1',
    queues: { consumptions: 'consumptions', devices: 'devices' },
  };
  users = await startUsersService({ config, bus, log });
  devices = await startDevicesService({
    config,
    bus,
    log,
    verifier: createTokenVerifier({ keySet: users.publicKeySet }),
  });
});
afterAll(async () => {
  await devices.close();
  await users.close();
  await bus.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('users and devices embedded in one process', () => {
  it('sign in, manage devices, resync with a service token and unassign on user deletion', async () => {
    const { password } = users.generatedAdmin!;
    const login = await request(`http://127.0.0.1:${users.port}`)
      .post('/api/auth/login')
      .send({ username: 'admin', password })
      .expect(200);
    const admin = login.body.access_token as string;
    const client = await request(`http://127.0.0.1:${users.port}`)
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'lia', display_name: 'Lia', role: 'client', password: 'lia password' })
      .expect(201);
    const device = (
      await request(`http://127.0.0.1:${devices.port}`)
        .post('/api/devices')
        .auth(admin, { type: 'bearer' })
        .send({ description: 'Oven', address: '', max_hourly_kwh: 4, user_id: client.body.id })
        .expect(201)
    ).body as DeviceView;

    const service = await users.serviceTokens('monitoring').token();
    const snapshot = await request(`http://127.0.0.1:${devices.port}`)
      .get('/api/devices/snapshot')
      .auth(service, { type: 'bearer' })
      .expect(200);
    expect(deviceSnapshotSchema.parse(snapshot.body).events).toHaveLength(1);

    await request(`http://127.0.0.1:${users.port}`)
      .delete(`/api/users/${client.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(204);
    await waitFor(() => devices.store.get(device.id)?.user_id === null, {
      what: 'the device to be unassigned',
    });
    expect(devices.store.get(device.id)?.version).toBe(2);
  });
});
