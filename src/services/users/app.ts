// The users service's HTTP app, built from its parts; index.ts or the embedding host makes it listen.
import express, { type Express } from 'express';
import type { JSONWebKeySet } from 'jose';
import { JWKS_PATH } from '../../shared/contracts/auth';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Logger } from '../log/logger';
import { authRouter } from './auth-router';
import { errorMiddleware, notFound } from '../http/error-middleware';
import type { Sessions } from './sessions';
import type { UserStore } from './user-store';
import { usersRouter } from './users-router';

export interface UsersAppDeps {
  users: UserStore;
  sessions: Sessions;
  verifier: TokenVerifier;
  publicKeySet: JSONWebKeySet;
  /** What `/api/health` reports besides `status`. */
  health: () => Record<string, unknown>;
  log: Logger;
}

export function createApp(deps: UsersAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // The sign-in rate limit counts by req.ip. Only a proxy on this machine (the host's gateway) is believed
  // about the client's address; anyone else's X-Forwarded-For is ignored, so it cannot dodge the limit.
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '16kb' }));

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', service: 'users', ...deps.health() });
  });
  app.get(JWKS_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(deps.publicKeySet);
  });
  app.use('/api/auth', authRouter(deps.sessions));
  app.use('/api', usersRouter(deps.users, deps.verifier));

  app.use(notFound);
  app.use(errorMiddleware(deps.log));
  return app;
}
