// The devices service's HTTP app, built from its parts; index.ts or the embedding host makes it listen.
import express, { type Express } from 'express';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Logger } from '../log/logger';
import type { DeviceStore } from './device-store';
import { devicesRouter } from './devices-router';
import { errorMiddleware, notFound } from '../http/error-middleware';

export interface DevicesAppDeps {
  store: DeviceStore;
  verifier: TokenVerifier;
  /** What `/api/health` reports besides `status`. */
  health: () => Record<string, unknown>;
  log: Logger;
}

export function createApp(deps: DevicesAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '16kb' }));

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', service: 'devices', ...deps.health() });
  });
  app.use('/api/devices', devicesRouter(deps.store, deps.verifier));

  app.use(notFound);
  app.use(errorMiddleware(deps.log));
  return app;
}
