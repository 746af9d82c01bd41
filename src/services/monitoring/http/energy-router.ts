// GET hourly, daily and data-quality figures of a device.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  dailyQuerySchema,
  hourlyQuerySchema,
  type DailyResponse,
  type HourlyResponse,
  type QualityResponse,
} from '../../../shared/contracts/monitoring-api';
import { daysOfMonth, formatLocal, hoursOfDay } from '../../../shared/time/local-time';
import { currentUser } from '../../auth/require-auth';
import { validate } from '../../http/validate';
import type { MonitoringStore } from '../store/monitoring-store';
import { canReadDevice } from './device-access';

const idParams = z.object({ id: z.string().min(1).max(128) });

export function energyRouter(store: MonitoringStore, siteTz: string): Router {
  const router = Router();

  /**
   * The device, or undefined after answering 403 (a client asking for anything not its own, known or not)
   * or 404 (no data and no device event).
   */
  function device(req: Request, res: Response, id: string) {
    const d = store.devices.get(id);
    if (!canReadDevice(currentUser(req), d)) {
      res.status(403).json({ error: `device ${id} is not yours` });
      return undefined;
    }
    if (!d || (d.last_ts === null && d.version === null)) {
      res.status(404).json({ error: `no device ${id}` });
      return undefined;
    }
    return d;
  }

  router.get('/api/devices/:id/hourly', (req, res) => {
    const params = validate(idParams, req.params, res);
    const query = params && validate(hourlyQuerySchema, req.query, res);
    const d = query && device(req, res, params.id);
    if (!d) return;
    const tz = query.tz ?? siteTz;
    const hours = hoursOfDay(query.date, tz);
    const totals = store.energy.totals(d.key, hours);
    const body: HourlyResponse = {
      device_id: d.id,
      date: query.date,
      tz,
      max_hourly_kwh: d.max_hourly_kwh,
      hours: hours.map((h, i) => ({ start: formatLocal(h.start, tz), ...totals[i]! })),
    };
    res.json(body);
  });

  router.get('/api/devices/:id/daily', (req, res) => {
    const params = validate(idParams, req.params, res);
    const query = params && validate(dailyQuerySchema, req.query, res);
    const d = query && device(req, res, params.id);
    if (!d) return;
    const tz = query.tz ?? siteTz;
    const days = daysOfMonth(query.month, tz);
    const totals = store.energy.totals(d.key, days);
    const body: DailyResponse = {
      device_id: d.id,
      month: query.month,
      tz,
      max_hourly_kwh: d.max_hourly_kwh,
      days: days.map((day, i) => ({ date: day.date, start: formatLocal(day.start, tz), ...totals[i]! })),
    };
    res.json(body);
  });

  router.get('/api/devices/:id/quality', (req, res) => {
    const params = validate(idParams, req.params, res);
    const d = params && device(req, res, params.id);
    if (!d) return;
    const body: QualityResponse = { device_id: d.id, ...store.energy.quality(d.key) };
    res.json(body);
  });

  return router;
}
