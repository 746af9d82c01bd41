// The monitoring HTTP API, built without listening so tests can mount it on an ephemeral port.
// Everything but /api/health needs a valid access token.
import express, { type Express } from 'express';
import { requireAuth } from '../../auth/require-auth';
import type { TokenVerifier } from '../../auth/token-verifier';
import { errorMiddleware, notFound } from '../../http/error-middleware';
import type { Logger } from '../../log/logger';
import type { MonitoringStore } from '../store/monitoring-store';
import { alertsRouter } from './alerts-router';
import { energyRouter } from './energy-router';

export interface MonitoringAppDeps {
  store: MonitoringStore;
  tz: string;
  log: Logger;
  verifier: TokenVerifier;
  /** What /api/health reports beyond "ok": bus and consumer state. */
  health: () => Record<string, unknown>;
}

export function createApp(deps: MonitoringAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', service: 'monitoring', ...deps.health() });
  });
  app.use('/api', requireAuth(deps.verifier));
  app.use(energyRouter(deps.store, deps.tz));
  app.use(alertsRouter(deps.store));
  app.use(notFound);
  app.use(errorMiddleware(deps.log));
  return app;
}
