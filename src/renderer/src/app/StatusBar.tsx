// The bar at the bottom: which bus carries the readings, and whether the live feed is connected.
import { useLive } from '../live/LiveProvider';
import { useNow } from '../hooks/use-now';
import { useHostStatus } from './HostStatusProvider';

export function StatusBar() {
  const status = useHostStatus();
  const { feed } = useLive();
  const now = useNow(1_000, feed.state === 'reconnecting');
  const bus = status?.bus;
  const busText = !bus
    ? 'Bus: checking…'
    : bus.kind === 'rabbitmq'
      ? `Bus: RabbitMQ${bus.connected ? '' : ' (disconnected)'}`
      : 'Bus: in-process';
  const busDot = !bus ? '' : bus.connected ? 'status-dot-ok' : 'status-dot-bad';

  let feedText: string;
  let feedDot: string;
  if (feed.state === 'connected') {
    feedText = 'Live feed: connected';
    feedDot = 'status-dot-ok';
  } else if (feed.state === 'connecting') {
    feedText = 'Live feed: connecting…';
    feedDot = 'status-dot-warn';
  } else {
    const seconds = Math.max(0, Math.ceil((feed.retry_at - now) / 1000));
    feedText = seconds > 0 ? `Live feed: reconnecting in ${seconds} s` : 'Live feed: reconnecting…';
    feedDot = 'status-dot-bad';
  }

  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-item">
        <span className={`status-dot ${busDot}`} aria-hidden="true" />
        {busText}
      </span>
      <span className="status-item" data-testid="feed-state">
        <span className={`status-dot ${feedDot}`} aria-hidden="true" />
        {feedText}
      </span>
      <span className="status-item spacer">{status ? `Site time zone: ${status.site_tz}` : ''}</span>
    </footer>
  );
}
