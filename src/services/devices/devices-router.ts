// /api/devices: admins manage every device; clients read their own; services read the snapshot.
// A client asking for a device that is not theirs gets 404: their view holds only their devices.
import { Router } from 'express';
import { z } from 'zod';
import type { DeviceSnapshot } from '../../shared/contracts/devices-api';
import {
  createDeviceRequestSchema,
  deviceIdParamSchema,
  listDevicesQuerySchema,
  updateDeviceRequestSchema,
} from '../../shared/contracts/devices-api';
import { currentUser, requireAuth } from '../auth/require-auth';
import { requireRole } from '../auth/require-role';
import type { TokenVerifier } from '../auth/token-verifier';
import type { DeviceStore } from './device-store';
import { validate } from '../http/validate';

const pathSchema = z.object({ id: deviceIdParamSchema });

const OWNER_DELETED = {
  error: 'user_id names a deleted user',
  fields: { user_id: 'is a deleted user' },
};

export function devicesRouter(store: DeviceStore, verifier: TokenVerifier): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);
  const admin = [signedIn, requireRole('admin')];

  router.get('/snapshot', signedIn, requireRole('service'), (_req, res) => {
    const body: DeviceSnapshot = { events: store.snapshot() };
    res.json(body);
  });

  router.get('/', signedIn, (req, res) => {
    const query = validate(listDevicesQuerySchema, req.query, res);
    if (!query) return;
    const caller = currentUser(req);
    if (caller.role !== 'client') {
      res.json(store.list(query.user_id));
    } else if (query.user_id === undefined || query.user_id === caller.id) {
      res.json(store.list(caller.id));
    } else {
      res.status(403).json({ error: 'clients can list only their own devices' });
    }
  });

  router.get('/:id', signedIn, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    if (id === undefined) return;
    const caller = currentUser(req);
    const device = store.get(id);
    if (device && (caller.role !== 'client' || device.user_id === caller.id)) res.json(device);
    else res.status(404).json({ error: `no device ${id}` });
  });

  router.post('/', ...admin, (req, res) => {
    const body = validate(createDeviceRequestSchema, req.body, res);
    if (!body) return;
    const created = store.create(body);
    if (created.ok) res.status(201).location(`/api/devices/${created.value.id}`).json(created.value);
    else if (created.error === 'owner-deleted') res.status(409).json(OWNER_DELETED);
    else
      res.status(409).json({ error: 'a device with this id exists or existed', fields: { id: 'is taken' } });
  });

  router.patch('/:id', ...admin, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    const body = id === undefined ? undefined : validate(updateDeviceRequestSchema, req.body, res);
    if (id === undefined || !body) return;
    const updated = store.update(id, body);
    if (updated.ok) res.json(updated.value);
    else if (updated.error === 'owner-deleted') res.status(409).json(OWNER_DELETED);
    else res.status(404).json({ error: `no device ${id}` });
  });

  router.delete('/:id', ...admin, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    if (id === undefined) return;
    const deleted = store.delete(id);
    if (deleted.ok) res.status(204).end();
    else res.status(404).json({ error: `no device ${id}` });
  });

  return router;
}
