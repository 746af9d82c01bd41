// The bar at the top: the app, where to go (with the count of unacknowledged alerts), who is signed in.
import type { ReactNode } from 'react';
import { Logo } from '../components/Logo';
import { useLive } from '../live/LiveProvider';
import { routeHref, type Route } from '../routing/routes';
import { useSession, useUser } from '../session/SessionProvider';

type Section = 'devices' | 'alerts' | 'admin-users' | 'admin-devices' | 'simulator' | 'settings';

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'devices':
    case 'device':
      return 'devices';
    case 'alerts':
    case 'admin-users':
    case 'admin-devices':
    case 'simulator':
    case 'settings':
      return route.name;
    default:
      return null;
  }
}

export function Header({ route }: { route: Route }) {
  const user = useUser();
  const { signOut } = useSession();
  const { openAlerts } = useLive();
  const current = sectionOf(route);
  const admin = user.role === 'admin';
  const link = (section: Section, label: string, extra?: ReactNode) => (
    <li>
      <a href={routeHref({ name: section } as Route)} aria-current={current === section ? 'page' : undefined}>
        {label}
        {extra}
      </a>
    </li>
  );
  const count = openAlerts.length;
  return (
    <header className="header">
      <a className="brand" href={routeHref({ name: 'devices' })}>
        <Logo />
        WattDesk
      </a>
      <nav aria-label="Main">
        <ul className="nav">
          {link('devices', admin ? 'Devices' : 'My devices')}
          {link(
            'alerts',
            'Alerts',
            count > 0 && (
              <span className="count-badge" aria-label={`${count} unacknowledged`}>
                {count > 99 ? '99+' : count}
              </span>
            ),
          )}
          {admin && link('admin-users', 'Users')}
          {admin && link('admin-devices', 'Manage devices')}
          {admin && link('simulator', 'Simulator')}
          {/* The desktop app has settings of its own; a browser's host is configured where it runs. */}
          {window.wattdesk && link('settings', 'Settings')}
        </ul>
      </nav>
      <div className="header-user">
        <span>
          <strong>{user.username}</strong> · {user.role}
        </span>
        <button type="button" className="button button-small" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
