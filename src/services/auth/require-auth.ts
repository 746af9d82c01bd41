// Express middleware: a valid `Authorization: Bearer <access token>` or 401; sets `req.user`.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthUser } from '../../shared/contracts/auth';
import type { TokenVerifier } from './token-verifier';

declare module 'express-serve-static-core' {
  interface Request {
    /** The verified caller, set by requireAuth. */
    user?: AuthUser;
  }
}

export function requireAuth(verifier: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer ([^\s]+)$/i.exec(req.get('authorization') ?? '');
    if (!match) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ error: 'sign in first: send Authorization: Bearer <access token>' });
      return;
    }
    const result = await verifier.verify(match[1]!);
    if (result.ok) {
      req.user = result.user;
      next();
      return;
    }
    if (result.reason === 'unavailable') {
      res.status(503).json({ error: 'cannot check tokens now: the users service keys are unreachable' });
      return;
    }
    res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: result.error });
  };
}

/** The caller of a route behind requireAuth; a route without it is a programming error. */
export function currentUser(req: Request): AuthUser {
  if (!req.user) throw new Error(`route ${req.method} ${req.path} is missing requireAuth`);
  return req.user;
}
