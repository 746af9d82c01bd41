// Alerts on the desktop: the tray (state, count, menu) and native notifications, both fed by the alert
// watch. Started once the windows exist; stopped in reverse order.
import type { Settings } from '../shared/contracts/settings';
import type { HttpApiClient } from '../host/http-api-client';
import type { Logger } from '../services/log/logger';
import { AlertWatch } from './alert-watch';
import { DesktopNotifier } from './notifications';
import { DesktopTray } from './tray';
import { trayView } from './tray-state';
import type { DesktopWindows } from './windows';

export interface DesktopAlertsDeps {
  client: HttpApiClient;
  settings: { get(): Settings };
  windows: DesktopWindows;
  trayIcons: string;
  quit(): void;
  log: Logger;
}

export function startDesktopAlerts(d: DesktopAlertsDeps): { stop(): void } {
  const redraw = () =>
    tray.render(
      trayView({
        ...watch.current(),
        notifications: d.settings.get().notifications,
        pausedUntil: notifier.pausedUntil(),
        now: Date.now(),
        tz: d.settings.get().site_tz,
      }),
    );
  const notifier = new DesktopNotifier({
    client: d.client,
    enabled: () => d.settings.get().notifications,
    openRoute: (route) => d.windows.showMain(route),
    onPauseChange: redraw,
    log: d.log,
  });
  const watch = new AlertWatch({
    client: d.client,
    onChange: redraw,
    onAlert: (alert) => void notifier.alert(alert),
    log: d.log,
  });
  const tray = new DesktopTray(d.trayIcons, {
    open: () => d.windows.showMain(),
    simulator: () => d.windows.showSimulator(),
    pause: () => notifier.pause(),
    resume: () => notifier.resume(),
    quit: d.quit,
  });
  redraw();
  watch.start();
  return {
    stop: () => {
      watch.stop();
      tray.destroy();
      notifier.stop();
    },
  };
}
