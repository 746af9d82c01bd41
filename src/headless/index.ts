// `npm run serve`: read config, build the parts, start them; on SIGINT/SIGTERM stop them in reverse order.
import { loadConfig } from '../services/config/config';
import { createLogger } from '../services/log/logger';
import { startHeadlessHost } from './headless-host';

const config = loadConfig();
const log = createLogger(config.logLevel, 'wattdesk');
const host = await startHeadlessHost(config, log);
const urls = {
  users: `http://127.0.0.1:${host.users.port}`,
  devices: `http://127.0.0.1:${host.devices.port}`,
  monitoring: `http://127.0.0.1:${host.monitoring.port}`,
};
log.info(
  { dataDir: config.dataDir, bus: host.bus.kind, ...urls },
  `WattDesk is running: users API at ${urls.users}, devices API at ${urls.devices}, ` +
    `monitoring API at ${urls.monitoring}/api/health`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    void host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
