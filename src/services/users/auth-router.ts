// /api/auth: sign in, refresh, sign out. Answers name the problem without telling which usernames exist.
import { Router } from 'express';
import { loginRequestSchema, logoutRequestSchema, refreshRequestSchema } from '../../shared/contracts/auth';
import { validate } from '../http/validate';
import type { Sessions } from './sessions';

const REFRESH_REFUSALS = {
  unknown: 'refresh token is not valid',
  expired: 'refresh token expired: sign in again',
  revoked: 'refresh token was revoked: sign in again',
  reused: 'refresh token was already used: the session is ended, sign in again',
} as const;

export function authRouter(sessions: Sessions): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const body = validate(loginRequestSchema, req.body, res);
    if (!body) return;
    const result = await sessions.login(body.username, body.password, req.ip ?? 'unknown');
    if (result.ok) {
      res.json(result.value);
    } else if (result.error === 'rate-limited') {
      res
        .status(429)
        .set('Retry-After', String(result.retryAfterS))
        .json({ error: `too many sign-in attempts: try again in ${result.retryAfterS} s` });
    } else {
      res.status(401).json({ error: 'wrong username or password' });
    }
  });

  router.post('/refresh', async (req, res) => {
    const body = validate(refreshRequestSchema, req.body, res);
    if (!body) return;
    const result = await sessions.refresh(body.refresh_token);
    if (result.ok) res.json(result.value);
    else res.status(401).json({ error: REFRESH_REFUSALS[result.error] });
  });

  router.post('/logout', (req, res) => {
    const body = validate(logoutRequestSchema, req.body, res);
    if (!body) return;
    sessions.logout(body.refresh_token);
    res.status(204).end();
  });

  return router;
}
