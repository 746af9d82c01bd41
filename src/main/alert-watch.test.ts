import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ApiEventName, ApiEvents } from '../shared/contracts/api';
import type { AuthUser } from '../shared/contracts/auth';
import type { Alert } from '../shared/contracts/monitoring-api';
import type { ClientChanges } from '../host/http-api-client';
import { quietLog } from '../services/testing/monitoring-harness';
import { waitFor } from '../services/testing/wait';
import { AlertWatch, type AlertWatchDeps, type WatchState } from './alert-watch';

const USER: AuthUser = { id: 'u', username: 'dana', role: 'client' };
const alert = (id: number): Alert => ({
  id,
  device_id: 'd',
  user_id: 'u',
  hour_start: '2026-01-31T10:00:00+00:00',
  tz: 'UTC',
  kwh: 3,
  max_hourly_kwh: 2,
  raised_at: '2026-01-31T10:30:00+00:00',
  acknowledged_at: null,
});

/** A client whose unacknowledged alerts are a list the test changes, and whose events the test emits. */
function fakeClient() {
  const changes = new EventEmitter<ClientChanges>();
  const events = new EventEmitter();
  const state = { user: null as AuthUser | null, unacknowledged: [] as Alert[], lists: 0 };
  const client: AlertWatchDeps['client'] = {
    changes,
    user: () => state.user,
    invoke: (async (name: string) => {
      if (name !== 'alerts-list') throw new Error(`unexpected ${name}`);
      state.lists++;
      return { alerts: [...state.unacknowledged] };
    }) as AlertWatchDeps['client']['invoke'],
    on: <K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
  };
  const emit = <K extends ApiEventName>(event: K, payload: ApiEvents[K]) => events.emit(event, payload);
  return { client, state, changes, emit, events };
}

function watch() {
  const fake = fakeClient();
  const states: WatchState[] = [];
  const alerts: Alert[] = [];
  const w = new AlertWatch({
    client: fake.client,
    onChange: (s) => states.push(s),
    onAlert: (a) => alerts.push(a),
    log: quietLog,
  });
  w.start();
  return { ...fake, w, states, alerts };
}

describe('the alert watch', () => {
  it('follows sign-in, the live feed and the count of unacknowledged alerts', async () => {
    const { w, state, changes, emit, states } = watch();
    expect(w.current()).toEqual({ signedIn: false, connected: false, unacknowledged: 0 });

    state.user = USER;
    state.unacknowledged = [alert(1)];
    changes.emit('session', USER);
    await waitFor(() => w.current().unacknowledged === 1, { what: 'the first count' });
    emit('feed-state', { state: 'connected' });
    expect(w.current()).toEqual({ signedIn: true, connected: true, unacknowledged: 1 });

    emit('feed-state', { state: 'reconnecting', retry_at: 0 });
    expect(w.current().connected).toBe(false);

    state.user = null;
    changes.emit('session', null);
    expect(w.current()).toEqual({ signedIn: false, connected: false, unacknowledged: 0 });
    expect(states.length).toBeGreaterThanOrEqual(4);
  });

  it('passes each alert on and counts again after an alert or an acknowledgement', async () => {
    const { w, state, changes, emit, alerts } = watch();
    state.user = USER;
    changes.emit('session', USER);
    state.unacknowledged = [alert(1), alert(2)];
    emit('alert-raised', alert(2));
    expect(alerts.map((a) => a.id)).toEqual([2]);
    await waitFor(() => w.current().unacknowledged === 2, { what: 'the count after an alert' });

    state.unacknowledged = [alert(2)];
    changes.emit('succeeded', 'devices-list');
    changes.emit('succeeded', 'alert-ack');
    await waitFor(() => w.current().unacknowledged === 1, { what: 'the count after an acknowledgement' });
  });

  it('counts nothing while signed out and stops listening when stopped', async () => {
    const { w, state, emit, events } = watch();
    await w.recount();
    expect(state.lists).toBe(0);
    w.stop();
    expect(events.listenerCount('alert-raised')).toBe(0);
    emit('feed-state', { state: 'connected' });
    expect(w.current().connected).toBe(false);
  });
});
