// Over-limit alerts the moment they arrive, top right, announced politely; each links to its hour.
import { useEffect, useState } from 'react';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { deviceName, useLive } from '../live/LiveProvider';
import { routeHref } from '../routing/routes';
import { alertBrief, alertDate, alertSummary } from './alert-text';

/** A toast leaves by itself after this long, unless the pointer or focus is on it, ms. */
const TOAST_MS = 20_000;

function Toast({ alert, name }: { alert: Alert; name: string }) {
  const { dismissToast, acknowledge } = useLive();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismissToast(alert.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, alert.id, dismissToast]);
  return (
    <div
      className="toast"
      data-testid="alert-toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div className="toast-icon" aria-hidden="true">
        !
      </div>
      <div className="toast-body">
        <p className="toast-title">Over the limit: {name}</p>
        <p className="toast-text" aria-hidden="true">
          {alertBrief(alert)}
        </p>
        <p className="visually-hidden">{alertSummary(alert, name)}</p>
        <div className="toast-actions">
          <a
            href={routeHref({ name: 'device', id: alert.device_id, view: 'day', date: alertDate(alert) })}
            onClick={() => dismissToast(alert.id)}
          >
            View the hour
          </a>
          <button type="button" className="button-link button" onClick={() => void acknowledge(alert.id)}>
            Acknowledge
          </button>
        </div>
      </div>
      <button
        type="button"
        className="toast-close"
        aria-label={`Dismiss the alert for ${name}`}
        onClick={() => dismissToast(alert.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  const { toasts, devices } = useLive();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Alerts as they arrive">
      {toasts.map((alert) => (
        <Toast
          key={alert.id}
          alert={alert}
          name={deviceName(
            devices?.find((d) => d.id === alert.device_id),
            alert.device_id,
          )}
        />
      ))}
    </div>
  );
}
