// The desktop as host: its status, the first-run password, the simulator and the settings, answered in
// main with the same role rules as the headless gateway's host routes.
import { ApiError, type ApiRequests } from '../shared/contracts/api';
import type { AuthUser } from '../shared/contracts/auth';
import type { HostStatus } from '../shared/contracts/host-api';
import type { Settings } from '../shared/contracts/settings';
import { SimulatorBusyError, type SimulatorController } from '../host/simulator-controller';
import type { ApiHost, HostRequestName } from '../host/http-api-client';

export interface DesktopHostDeps {
  status(): HostStatus;
  /** The generated first admin password, until the admin sets a new one. */
  firstRun: { password: string | null };
  simulator: SimulatorController;
  settings: { get(): Settings; set(next: Settings): Settings };
}

type Answer<K extends HostRequestName> = (
  args: ApiRequests[K]['args'],
  user: AuthUser | null,
) => ApiRequests[K]['result'] | Promise<ApiRequests[K]['result']>;

export function desktopHost(deps: DesktopHostDeps): ApiHost {
  const answers: { [K in HostRequestName]: Answer<K> } = {
    'first-run-get': () => ({ generated_admin_password: deps.firstRun.password }),
    'first-run-complete': (_, user) => {
      admin(user);
      deps.firstRun.password = null;
    },
    'status-get': () => deps.status(),
    'simulator-get': (_, user) => {
      signedIn(user);
      return deps.simulator.state();
    },
    'simulator-start': (args, user) => {
      admin(user);
      try {
        return deps.simulator.start(args);
      } catch (err) {
        if (err instanceof SimulatorBusyError) throw new ApiError(409, err.message);
        throw err;
      }
    },
    'simulator-pause': (_, user) => (admin(user), deps.simulator.pause()),
    'simulator-resume': (_, user) => (admin(user), deps.simulator.resume()),
    'simulator-stop': (_, user) => (admin(user), deps.simulator.stop()),
    // The settings are this computer's, not an account's: reachable signed out, to fix a wrong service URL.
    'settings-get': () => deps.settings.get(),
    'settings-set': (args) => deps.settings.set(args),
  };
  return {
    invoke: async (name, args, user) => (answers[name] as Answer<typeof name>)(args, user),
  };
}

function signedIn(user: AuthUser | null): asserts user is AuthUser {
  if (!user) throw new ApiError(401, 'sign in first');
}

function admin(user: AuthUser | null): void {
  signedIn(user);
  if (user.role !== 'admin') throw new ApiError(403, 'only an admin may do this');
}
