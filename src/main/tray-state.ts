// What the tray shows, as data: its icon, tooltip, count and menu, from the app's state.
import { formatLocal } from '../shared/time/local-time';

export type TrayIcon = 'ok' | 'alert' | 'disconnected';
export type TrayAction = 'open' | 'simulator' | 'pause' | 'resume' | 'quit';
export type TrayMenuItem = { action: TrayAction; label: string } | { separator: true };

export interface TrayInput {
  signedIn: boolean;
  /** The live feed is up. */
  connected: boolean;
  unacknowledged: number;
  notifications: boolean;
  /** Epoch ms until which notifications are paused, or null. */
  pausedUntil: number | null;
  now: number;
  /** Zone to show the end of a pause in. */
  tz: string;
}

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** The count of unacknowledged alerts, '' for none, capped at 99+. */
  badge: string;
  menu: TrayMenuItem[];
}

export function trayView(s: TrayInput): TrayView {
  const icon: TrayIcon = !s.signedIn || !s.connected ? 'disconnected' : s.unacknowledged > 0 ? 'alert' : 'ok';
  const badge = s.unacknowledged <= 0 ? '' : s.unacknowledged > 99 ? '99+' : String(s.unacknowledged);
  const paused = s.pausedUntil !== null && s.now < s.pausedUntil;
  const lines = ['WattDesk'];
  if (!s.signedIn) lines.push('Signed out: open WattDesk to sign in');
  else if (!s.connected) lines.push('Live feed disconnected: reconnecting');
  if (s.signedIn)
    lines.push(
      s.unacknowledged === 0
        ? 'No unacknowledged alerts'
        : `${badge} unacknowledged alert${s.unacknowledged === 1 ? '' : 's'}`,
    );
  if (!s.notifications) lines.push('Notifications are off');
  else if (paused)
    lines.push(`Notifications paused until ${formatLocal(s.pausedUntil!, s.tz).slice(11, 16)}`);

  const menu: TrayMenuItem[] = [
    { action: 'open', label: 'Open' },
    { action: 'simulator', label: 'Simulator' },
  ];
  if (s.notifications)
    menu.push(
      paused
        ? { action: 'resume', label: 'Resume notifications' }
        : { action: 'pause', label: 'Pause notifications for 1 hour' },
    );
  menu.push({ separator: true }, { action: 'quit', label: 'Quit' });
  return { icon, tooltip: lines.join('\n'), badge, menu };
}
