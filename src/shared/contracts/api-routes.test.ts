import { describe, expect, it } from 'vitest';
import { apiRoutes, serviceOfPath } from './api-routes';

describe('api routes', () => {
  it('builds paths with encoded ids and only the query parameters given', () => {
    expect(apiRoutes['hourly-get']({ device_id: 'a b/c', date: '2026-03-29' })).toEqual({
      service: 'monitoring',
      method: 'GET',
      path: '/api/devices/a%20b%2Fc/hourly?date=2026-03-29',
    });
    expect(apiRoutes['alerts-list']({ acknowledged: false, device_id: 'm1' }).path).toBe(
      '/api/alerts?acknowledged=false&device_id=m1',
    );
    expect(apiRoutes['alerts-list']({}).path).toBe('/api/alerts');
  });

  it('sends the changes of an update as the body', () => {
    expect(apiRoutes['device-update']({ id: 'd1', changes: { max_hourly_kwh: 2 } })).toEqual({
      service: 'devices',
      method: 'PATCH',
      path: '/api/devices/d1',
      body: { max_hourly_kwh: 2 },
    });
  });

  it('routes every request to the service that owns its path', () => {
    for (const [name, build] of Object.entries(apiRoutes)) {
      const call = (build as (a: unknown) => { service: string; path: string })({
        id: 'x',
        device_id: 'x',
        date: '2026-01-01',
        month: '2026-01',
        changes: {},
        password: 'p',
      });
      expect(serviceOfPath(call.path), name).toBe(call.service);
    }
  });

  it('tells the monitoring routes under /api/devices from the devices service ones', () => {
    expect(serviceOfPath('/api/devices/x/hourly?date=2026-01-01')).toBe('monitoring');
    expect(serviceOfPath('/api/devices/x')).toBe('devices');
    expect(serviceOfPath('/api/devices/snapshot')).toBe('devices');
    expect(serviceOfPath('/ws')).toBe('monitoring');
    expect(serviceOfPath('/api/auth/login')).toBe('users');
    expect(serviceOfPath('/.well-known/jwks.json')).toBe('users');
    expect(serviceOfPath('/index.html')).toBeNull();
  });
});
