// The signed-in app: header, the screen of the current route, the status bar, and alert toasts.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { DevicesAdminScreen } from '../admin/DevicesAdminScreen';
import { UsersScreen } from '../admin/UsersScreen';
import { DevicePageSkeleton } from '../components/Skeleton';
import { Toasts } from '../components/Toasts';
import { routeHref, type Route } from '../routing/routes';
import { navigate, useRoute } from '../routing/use-route';
import { AlertsScreen } from '../screens/AlertsScreen';
import { MyDevicesScreen } from '../screens/MyDevicesScreen';
import { useUser } from '../session/SessionProvider';
import { SimulatorScreen } from '../screens/SimulatorScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { Header } from './Header';
import { PageHeading } from './PageHeading';
import { StatusBar } from './StatusBar';

// The charts (Victory) load with the first device page opened, not before sign-in.
const DeviceScreen = lazy(() => import('../screens/DeviceScreen').then((m) => ({ default: m.DeviceScreen })));

function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <PageHeading title={title} />
      <div className="panel empty-state">{children}</div>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const user = useUser();
  const adminOnly = route.name === 'admin-users' || route.name === 'admin-devices';
  if (adminOnly && user.role !== 'admin') {
    return (
      <Message title="For administrators">
        <p>Only administrators manage users and devices.</p>
      </Message>
    );
  }
  switch (route.name) {
    case 'devices':
      return <MyDevicesScreen />;
    case 'device':
      return (
        <Suspense fallback={<DevicePageSkeleton />}>
          <DeviceScreen key={route.id} route={route} />
        </Suspense>
      );
    case 'alerts':
      return <AlertsScreen />;
    case 'admin-users':
      return <UsersScreen />;
    case 'admin-devices':
      return <DevicesAdminScreen />;
    case 'simulator':
      return <SimulatorScreen />;
    case 'settings':
      return window.wattdesk ? (
        <div className="page">
          <SettingsScreen />
        </div>
      ) : (
        <Message title="Settings">
          <p>
            In a browser, WattDesk is configured where <code>npm run serve</code> runs, with{' '}
            <code>WATTDESK_*</code> environment variables (see the README).
          </p>
        </Message>
      );
    case 'not-found':
      return (
        <Message title="Page not found">
          <p>
            There is nothing at this address. Go to <a href={routeHref({ name: 'devices' })}>your devices</a>.
          </p>
        </Message>
      );
  }
}

/**
 * Electron opens the simulator in its own window, loading /simulator: that window shows the simulator alone.
 * In a browser, /simulator is one screen among the others.
 */
const SIMULATOR_WINDOW =
  (Boolean(window.wattdesk) && window.location.pathname === '/simulator') ||
  new URLSearchParams(window.location.search).get('window') === 'simulator';

export function Shell() {
  const api = useApi();
  const route = useRoute();
  const simulatorOnly = SIMULATOR_WINDOW;
  // The desktop host may ask for a screen, e.g. from a notification that was clicked.
  useEffect(() => api.on('navigate', ({ path }) => navigate(path)), [api]);
  const skip = () => document.getElementById('main')?.focus();
  return (
    <div className={simulatorOnly ? 'app app-single' : 'app'}>
      <button type="button" className="skip-link button-link button" onClick={skip}>
        Skip to content
      </button>
      {!simulatorOnly && <Header route={route} />}
      <main id="main" className="main" tabIndex={-1}>
        {simulatorOnly ? <SimulatorScreen /> : <Screen route={route} />}
      </main>
      <StatusBar />
      <Toasts />
    </div>
  );
}
