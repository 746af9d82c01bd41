// GET alerts, POST acknowledgements. A client sees and acknowledges only the alerts raised for it.
import { Router } from 'express';
import { z } from 'zod';
import { alertsQuerySchema } from '../../../shared/contracts/monitoring-api';
import { currentUser } from '../../auth/require-auth';
import { validate } from '../../http/validate';
import type { MonitoringStore } from '../store/monitoring-store';
import { canReadAlert, canReadDevice, seesEverything } from './device-access';

const ackParams = z.object({ id: z.coerce.number().int().positive() });

export function alertsRouter(store: MonitoringStore, now: () => number = Date.now): Router {
  const router = Router();

  router.get('/api/alerts', (req, res) => {
    const query = validate(alertsQuerySchema, req.query, res);
    if (!query) return;
    const user = currentUser(req);
    if (query.device_id !== undefined && !canReadDevice(user, store.devices.get(query.device_id))) {
      res.status(403).json({ error: `device ${query.device_id} is not yours` });
      return;
    }
    const alerts = store.alerts.list({
      deviceId: query.device_id,
      userId: seesEverything(user) ? undefined : user.id,
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
    if (!canReadAlert(currentUser(req), existing)) {
      res.status(403).json({ error: `alert ${params.id} is not yours` });
      return;
    }
    res.json(store.alerts.acknowledge(params.id, now()));
  });

  return router;
}
