// Standalone monitoring service: `npm run service:monitoring`, against the configured RabbitMQ.
// Tokens are checked against the users service's JWKS; with a service account it resyncs devices at start.
import { JWKS_PATH } from '../../shared/contracts/auth';
import { serviceAccountTokens } from '../auth/service-token-source';
import { createTokenVerifier } from '../auth/token-verifier';
import { connectBus } from '../bus/connect-bus';
import { loadConfig } from '../config/config';
import { createLogger } from '../log/logger';
import { httpDeviceSnapshot } from './ingest/device-resync';
import { startMonitoringService } from './monitoring-service';

const config = loadConfig();
const log = createLogger(config.logLevel, 'monitoring');
const bus = await connectBus(config.amqpUrl, log);
const tokens = config.serviceAccount && serviceAccountTokens(config.usersUrl, config.serviceAccount);
if (!tokens)
  log.info('no WATTDESK_SERVICE_USERNAME: devices are learnt from the devices queue only, no snapshot');
const service = await startMonitoringService({
  config,
  bus,
  log,
  host: '0.0.0.0',
  verifier: createTokenVerifier({ jwksUrl: `${config.usersUrl}${JWKS_PATH}` }),
  deviceSnapshot: tokens ? httpDeviceSnapshot(config.devicesUrl, () => tokens.token()) : undefined,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    void service
      .close()
      .then(() => bus.close())
      .then(() => process.exit(0));
  });
}
