// `npm run service:monitoring`: the monitoring service alone, against RabbitMQ. Tokens are checked against
// the users service's JWKS; with a service account it catches up on every device from the snapshot.
import { JWKS_PATH } from '../../shared/contracts/auth';
import { serviceAccountTokens } from '../auth/service-token-source';
import { createTokenVerifier } from '../auth/token-verifier';
import { runStandalone } from '../standalone';
import { httpDeviceSnapshot } from './ingest/device-resync';
import { startMonitoringService } from './monitoring-service';

runStandalone('monitoring', ({ config, bus, log }) => {
  const tokens = config.serviceAccount && serviceAccountTokens(config.usersUrl, config.serviceAccount);
  if (!tokens) log.info('no WATTDESK_SERVICE_USERNAME: devices are learnt from the devices queue only');
  return startMonitoringService({
    config,
    bus,
    log,
    host: '0.0.0.0',
    verifier: createTokenVerifier({ jwksUrl: `${config.usersUrl}${JWKS_PATH}` }),
    deviceSnapshot: tokens ? httpDeviceSnapshot(config.devicesUrl, () => tokens.token()) : undefined,
  });
});
