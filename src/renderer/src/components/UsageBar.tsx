// The current hour's energy against the limit, as a small bar that turns red past it.
import { formatKwh } from '../format/format-energy';

export function UsageBar({ kwh, limit, label }: { kwh: number; limit: number; label: string }) {
  const share = limit > 0 ? kwh / limit : 0;
  const over = kwh > limit;
  return (
    <div className="usage">
      <div
        className="usage-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(kwh, limit)}
        aria-valuetext={`${formatKwh(kwh)} of ${formatKwh(limit)}`}
      >
        <span
          className={over ? 'usage-fill usage-over' : 'usage-fill'}
          style={{ width: `${Math.min(share, 1) * 100}%` }}
        />
      </div>
      <span className="usage-text numeric">
        {formatKwh(kwh)} <span className="muted">/ {formatKwh(limit)}</span>
      </span>
    </div>
  );
}
