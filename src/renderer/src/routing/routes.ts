// The screens as paths of the one origin (the host's gateway, or app://wattdesk in Electron), e.g.
// `/devices/<id>?date=2026-01-31`; the host answers every such path with the UI, which routes here.

export type Route =
  | { name: 'devices' }
  | { name: 'device'; id: string; view: 'day' | 'month'; date?: string; month?: string }
  | { name: 'alerts' }
  | { name: 'admin-users' }
  | { name: 'admin-devices' }
  | { name: 'simulator' }
  /** Desktop only: the app's own settings. */
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function deviceRoute(id: string, query: URLSearchParams): Route {
  const date = query.get('date') ?? undefined;
  const month = query.get('month') ?? undefined;
  return {
    name: 'device',
    id,
    view: query.get('view') === 'month' ? 'month' : 'day',
    date: date && DATE.test(date) ? date : undefined,
    month: month && MONTH.test(month) ? month : undefined,
  };
}

/** The route of a path with its query; `/devices?device=<id>` is read as `/devices/<id>` too. */
export function parseRoute(pathAndQuery: string): Route {
  const [rawPath = '', rawQuery = ''] = pathAndQuery.split('?');
  const path = rawPath.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(rawQuery);
  const nested = /^\/devices\/([^/]+)$/.exec(path);
  if (nested) return deviceRoute(decodeURIComponent(nested[1]!), query);
  switch (path) {
    case '/':
    case '/devices': {
      const id = query.get('device');
      return id ? deviceRoute(id, query) : { name: 'devices' };
    }
    case '/alerts':
      return { name: 'alerts' };
    case '/users':
    case '/admin/users':
      return { name: 'admin-users' };
    case '/manage-devices':
    case '/admin/devices':
      return { name: 'admin-devices' };
    case '/simulator':
      return { name: 'simulator' };
    case '/settings':
      return { name: 'settings' };
    default:
      return { name: 'not-found', path };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'devices':
      return '/devices';
    case 'device': {
      const query = new URLSearchParams();
      if (route.view === 'month') query.set('view', 'month');
      if (route.view === 'day' && route.date) query.set('date', route.date);
      if (route.view === 'month' && route.month) query.set('month', route.month);
      const q = query.toString();
      return `/devices/${encodeURIComponent(route.id)}${q ? `?${q}` : ''}`;
    }
    case 'alerts':
      return '/alerts';
    case 'admin-users':
      return '/users';
    case 'admin-devices':
      return '/manage-devices';
    case 'simulator':
      return '/simulator';
    case 'settings':
      return '/settings';
    case 'not-found':
      return route.path;
  }
}
