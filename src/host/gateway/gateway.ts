// One origin for the browser: the built UI, the host's routes, and every service's API and live feed,
// proxied to wherever the services run (embedded ports or remote URLs).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { serviceOfPath, type ServiceName } from '../../shared/contracts/api-routes';
import { errorMiddleware } from '../../services/http/error-middleware';
import type { Logger } from '../../services/log/logger';
import { proxyRequest, proxyUpgrade } from './proxy';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Base URLs of the three services. */
  targets: Record<Exclude<ServiceName, 'host'>, string>;
  hostRoutes: Router;
  /** The built renderer (index.html and assets), if built. */
  staticDir: string;
  log: Logger;
}

export interface Gateway {
  port: number;
  close(): Promise<void>;
}

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const targets = {
    users: new URL(o.targets.users),
    devices: new URL(o.targets.devices),
    monitoring: new URL(o.targets.monitoring),
  };
  const app = express();
  app.disable('x-powered-by');
  app.use(o.hostRoutes);
  app.use((req, res, next) => {
    const service = serviceOfPath(req.originalUrl);
    if (service === null || service === 'host') return next();
    proxyRequest(targets[service], req, res, () =>
      res.status(502).json({ error: `the ${service} service is not reachable` }),
    );
  });
  app.use('/api', (req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.originalUrl}` });
  });
  const index = join(o.staticDir, 'index.html');
  app.use(express.static(o.staticDir, { index: 'index.html' }));
  // The UI routes on the client: any other page is the app.
  app.get('/{*path}', (_req, res) => {
    if (existsSync(index)) res.sendFile(index);
    else
      res
        .status(503)
        .type('text')
        .send('The UI is not built: run `npm run build`, or start with `npm run serve`.');
  });
  app.use(errorMiddleware(o.log));

  const server: Server = createServer(app);
  // Upgraded sockets are no longer the HTTP server's: closing it would wait on them forever.
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    if (serviceOfPath(req.url ?? '') !== 'monitoring') return socket.destroy();
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    proxyUpgrade(targets.monitoring, req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
      }),
  };
}
