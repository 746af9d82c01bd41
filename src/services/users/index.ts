// `npm run service:users`: the users service alone, against RabbitMQ.
import { runStandalone } from '../standalone';
import { startUsersService } from './users-service';

runStandalone('users', (deps) => startUsersService({ ...deps, host: '0.0.0.0' }));
