// `npm run serve`: read config, build the parts, start them; on SIGINT/SIGTERM stop them in reverse order.
import { loadConfig } from '../services/config/config';
import { createLogger } from '../services/log/logger';
import { startHeadlessHost } from './headless-host';

const config = loadConfig();
const log = createLogger(config.logLevel, 'wattdesk');
const host = await startHeadlessHost(config, log);
log.info(
  { dataDir: config.dataDir, monitoring: `http://127.0.0.1:${host.monitoring.port}` },
  `WattDesk is running: monitoring API at http://127.0.0.1:${host.monitoring.port}/api/health`,
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
