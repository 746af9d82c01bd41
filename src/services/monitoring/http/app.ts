// The monitoring HTTP API, built without listening so tests can mount it on an ephemeral port.
import express, { type Express } from 'express';
import type { Logger } from '../../log/logger';
import { errorMiddleware, notFound } from '../../http/error-middleware';
import type { MonitoringStore } from '../store/monitoring-store';
import { alertsRouter } from './alerts-router';
import { openAccess, type DeviceAccess } from './device-access';
import { energyRouter } from './energy-router';

export interface MonitoringAppDeps {
  store: MonitoringStore;
  tz: string;
  log: Logger;
  /** What /api/health reports beyond "ok": bus and consumer state. */
  health: () => Record<string, unknown>;
  access?: DeviceAccess;
}

export function createApp(deps: MonitoringAppDeps): Express {
  const access = deps.access ?? openAccess;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', service: 'monitoring', ...deps.health() });
  });
  app.use(energyRouter(deps.store, deps.tz, access));
  app.use(alertsRouter(deps.store, access));
  app.use(notFound);
  app.use(errorMiddleware(deps.log));
  return app;
}
