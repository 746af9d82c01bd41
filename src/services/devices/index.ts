// `npm run service:devices`: the devices service alone, against RabbitMQ, checking tokens with the users
// service's public keys at WATTDESK_USERS_URL.
import { runStandalone } from '../standalone';
import { startDevicesService } from './devices-service';

runStandalone('devices', (deps) => startDevicesService({ ...deps, host: '0.0.0.0' }));
