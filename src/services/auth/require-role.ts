// Express middleware, after requireAuth: the caller's role must be one of those given, or 403.
import type { RequestHandler } from 'express';
import type { Role } from '../../shared/contracts/auth';
import { currentUser } from './require-auth';

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const { role } = currentUser(req);
    if (roles.includes(role)) {
      next();
      return;
    }
    res.status(403).json({ error: `needs role ${roles.join(' or ')}; you are ${role}` });
  };
}
