import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

describe('routes', () => {
  it('round-trips every screen through its address', () => {
    const routes: Route[] = [
      { name: 'devices' },
      { name: 'device', id: 'a b/c', view: 'day', date: '2026-10-25' },
      { name: 'device', id: 'd1', view: 'month', month: '2026-10' },
      { name: 'alerts' },
      { name: 'admin-users' },
      { name: 'admin-devices' },
      { name: 'simulator' },
      { name: 'settings' },
    ];
    for (const route of routes)
      expect(parseRoute(routeHref(route))).toEqual({ date: undefined, month: undefined, ...route });
  });

  it('gives a device page its own path, as the desktop notifications open it', () => {
    expect(routeHref({ name: 'device', id: 'd1', view: 'day', date: '2026-01-02' })).toBe(
      '/devices/d1?date=2026-01-02',
    );
    expect(parseRoute('/devices?device=d1&view=month')).toMatchObject({
      name: 'device',
      id: 'd1',
      view: 'month',
    });
  });

  it('ignores a malformed date rather than asking the host for it', () => {
    expect(parseRoute('/devices/d1?date=yesterday')).toMatchObject({
      name: 'device',
      date: undefined,
    });
  });

  it('starts at the devices, and knows an unknown address', () => {
    expect(parseRoute('/')).toEqual({ name: 'devices' });
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });
});
