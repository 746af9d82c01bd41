// The host's own routes: its status, the first-run password, and the simulator controls.
import express, { Router } from 'express';
import type { FirstRun, HostStatus } from '../../shared/contracts/host-api';
import { MAX_UPLOAD_BYTES, simulatorStartRequestSchema } from '../../shared/contracts/simulator-api';
import { requireAuth } from '../../services/auth/require-auth';
import { requireRole } from '../../services/auth/require-role';
import type { TokenVerifier } from '../../services/auth/token-verifier';
import { validate } from '../../services/http/validate';
import { SimulatorBusyError, type SimulatorController } from '../simulator-controller';

export interface HostRouterDeps {
  verifier: TokenVerifier;
  status: () => HostStatus;
  /** The generated first admin password, until the admin sets a new one. */
  firstRun: { password: string | null };
  simulator: SimulatorController;
}

export function hostRouter(deps: HostRouterDeps): Router {
  const router = Router();
  const auth = requireAuth(deps.verifier);
  const admin = [auth, requireRole('admin')];

  router.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway', bus: deps.status().bus });
  });
  router.get('/api/host/status', (_req, res) => {
    res.json(deps.status());
  });
  router.get('/api/host/first-run', (_req, res) => {
    res.json({ generated_admin_password: deps.firstRun.password } satisfies FirstRun);
  });
  router.post('/api/host/first-run/complete', ...admin, (_req, res) => {
    deps.firstRun.password = null;
    res.status(204).end();
  });

  router.get('/api/simulator', auth, (_req, res) => {
    res.json(deps.simulator.state());
  });
  router.post(
    '/api/simulator/start',
    ...admin,
    express.json({ limit: MAX_UPLOAD_BYTES + 64 * 1024 }),
    (req, res) => {
      const request = validate(simulatorStartRequestSchema, req.body, res);
      if (!request) return;
      try {
        res.json(deps.simulator.start(request));
      } catch (err) {
        if (!(err instanceof SimulatorBusyError)) throw err;
        res.status(409).json({ error: err.message });
      }
    },
  );
  router.post('/api/simulator/pause', ...admin, (_req, res) => {
    res.json(deps.simulator.pause());
  });
  router.post('/api/simulator/resume', ...admin, (_req, res) => {
    res.json(deps.simulator.resume());
  });
  router.post('/api/simulator/stop', ...admin, async (_req, res) => {
    res.json(await deps.simulator.stop());
  });
  return router;
}
