// `npm run serve`: read config, build the parts, start them; on SIGINT/SIGTERM stop them in reverse order.
import { fileURLToPath } from 'node:url';
import { startEmbeddedServices } from '../host/embedded-services';
import { startUiGateway } from '../host/ui-gateway';
import { loadConfig } from '../services/config/config';
import { createLogger } from '../services/log/logger';

/** Where `electron-vite build` puts the renderer. */
const UI_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

const config = loadConfig();
const log = createLogger(config.logLevel, 'wattdesk');
const services = await startEmbeddedServices(config, log);
const gateway = await startUiGateway(services, config, log, { staticDir: UI_DIR });
const url = `http://127.0.0.1:${gateway.port}`;
log.info(
  {
    dataDir: config.dataDir,
    bus: services.bus.kind,
    users: `http://127.0.0.1:${services.users.port}`,
    devices: `http://127.0.0.1:${services.devices.port}`,
    monitoring: `http://127.0.0.1:${services.monitoring.port}`,
  },
  `monitoring API at http://127.0.0.1:${services.monitoring.port}/api/health`,
);
log.info(`WattDesk is running at ${url}`);
if (process.stdout.isTTY) console.log(`\n  Open ${url} in your browser.\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    void gateway
      .close()
      .then(() => services.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
