// /api/users (admins) and /api/me (anyone signed in): accounts, roles and password resets.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  createUserRequestSchema,
  setPasswordRequestSchema,
  updateUserRequestSchema,
  userIdSchema,
} from '../../shared/contracts/users-api';
import { currentUser, requireAuth } from '../auth/require-auth';
import { requireRole } from '../auth/require-role';
import type { TokenVerifier } from '../auth/token-verifier';
import { validate } from '../http/validate';
import { hashPassword } from './password-hash';
import type { UserChangeError, UserStore } from './user-store';

const pathSchema = z.object({ id: userIdSchema });

const CONFLICTS: Record<Exclude<UserChangeError, 'not-found'>, string> = {
  'username-taken': 'username is taken (usernames are case-insensitive)',
  'last-admin': 'the last admin cannot be demoted or deleted',
};

/**
 * Tokens are good for 15 minutes whatever happens to the account; here, where the accounts are, a deleted
 * account is refused at once and a changed role applies at once.
 */
function requireCurrentAccount(users: UserStore): RequestHandler {
  return (req, res, next) => {
    const caller = currentUser(req);
    const account = users.get(caller.id);
    if (!account) {
      res.status(401).json({ error: 'your account no longer exists' });
      return;
    }
    req.user = { id: account.id, username: account.username, role: account.role };
    next();
  };
}

export function usersRouter(users: UserStore, verifier: TokenVerifier): Router {
  const router = Router();
  const signedIn = [requireAuth(verifier), requireCurrentAccount(users)];
  const admin = [...signedIn, requireRole('admin')];

  router.get('/me', ...signedIn, (req, res) => {
    res.json(users.get(currentUser(req).id));
  });

  router.get('/users', ...admin, (_req, res) => {
    res.json(users.list());
  });

  router.post('/users', ...admin, async (req, res) => {
    const body = validate(createUserRequestSchema, req.body, res);
    if (!body) return;
    const { password, ...rest } = body;
    const created = users.create({ ...rest, password_hash: await hashPassword(password) });
    if (created.ok) res.status(201).location(`/api/users/${created.value.id}`).json(created.value);
    else res.status(409).json({ error: CONFLICTS[created.error], fields: { username: 'is taken' } });
  });

  router.get('/users/:id', ...admin, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    if (id === undefined) return;
    const user = users.get(id);
    if (user) res.json(user);
    else res.status(404).json({ error: `no user ${id}` });
  });

  router.patch('/users/:id', ...admin, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    const body = id === undefined ? undefined : validate(updateUserRequestSchema, req.body, res);
    if (id === undefined || !body) return;
    const updated = users.update(id, body);
    if (updated.ok) res.json(updated.value);
    else if (updated.error === 'not-found') res.status(404).json({ error: `no user ${id}` });
    else res.status(409).json({ error: CONFLICTS[updated.error] });
  });

  router.put('/users/:id/password', ...admin, async (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    const body = id === undefined ? undefined : validate(setPasswordRequestSchema, req.body, res);
    if (id === undefined || !body) return;
    const set = users.setPasswordHash(id, await hashPassword(body.password));
    if (set.ok) res.status(204).end();
    else res.status(404).json({ error: `no user ${id}` });
  });

  router.delete('/users/:id', ...admin, (req, res) => {
    const { id } = validate(pathSchema, req.params, res) ?? {};
    if (id === undefined) return;
    const deleted = users.delete(id);
    if (deleted.ok) res.status(204).end();
    else if (deleted.error === 'not-found') res.status(404).json({ error: `no user ${id}` });
    else res.status(409).json({ error: CONFLICTS[deleted.error] });
  });

  return router;
}
