// GET alerts, POST acknowledgements.
import { Router } from 'express';
import { z } from 'zod';
import { alertsQuerySchema } from '../../../shared/contracts/monitoring-api';
import { validate } from '../../http/validate';
import type { MonitoringStore } from '../store/monitoring-store';
import type { DeviceAccess } from './device-access';

const ackParams = z.object({ id: z.coerce.number().int().positive() });

export function alertsRouter(
  store: MonitoringStore,
  access: DeviceAccess,
  now: () => number = Date.now,
): Router {
  const router = Router();

  router.get('/api/alerts', (req, res) => {
    const query = validate(alertsQuerySchema, req.query, res);
    if (!query) return;
    if (query.device_id !== undefined) {
      const d = store.devices.get(query.device_id);
      if (d && !access(req, d, res)) return;
    }
    const alerts = store.alerts.list({
      deviceId: query.device_id,
      since: query.since,
      acknowledged: query.acknowledged === undefined ? undefined : query.acknowledged === 'true',
      limit: query.limit,
    });
    res.json({ alerts });
  });

  router.post('/api/alerts/:id/ack', (req, res) => {
    const params = validate(ackParams, req.params, res);
    if (!params) return;
    const existing = store.alerts.get(params.id);
    if (!existing) {
      res.status(404).json({ error: `no alert ${params.id}` });
      return;
    }
    const d = store.devices.get(existing.device_id);
    if (d && !access(req, d, res)) return;
    res.json(store.alerts.acknowledge(params.id, now()));
  });

  return router;
}
