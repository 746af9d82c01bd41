// How clean a device's data is: readings the monitoring service had to treat specially.
import { useApi } from '../api/api-context';
import { Skeleton } from '../components/Skeleton';
import { formatCount } from '../format/format-energy';
import { useLoad } from '../hooks/use-load';
import { useLive } from '../live/LiveProvider';

const FIGURES = [
  { key: 'resets', label: 'Resets', hint: 'The register started again from zero.' },
  { key: 'glitches', label: 'Glitches', hint: 'A reading lower than the one before; skipped.' },
  { key: 'quarantined', label: 'Quarantined', hint: 'Implausibly high power; held back.' },
] as const;

export function QualityPanel({ deviceId }: { deviceId: string }) {
  const api = useApi();
  const { resyncs, pushes } = useLive();
  // Pushed totals mean new readings: refresh the counts at most every 30 pushes to stay cheap.
  const bucket = Math.floor(pushes / 30);
  const quality = useLoad(
    () => api.invoke('quality-get', { device_id: deviceId }),
    [api, deviceId, resyncs, bucket],
  );
  return (
    <section className="panel quality" aria-labelledby="quality-title">
      <h2 id="quality-title">Data quality</h2>
      <dl className="quality-figures">
        {FIGURES.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd className="numeric" data-testid={`quality-${f.key}`}>
              {quality.data ? (
                formatCount(quality.data[f.key])
              ) : quality.error ? (
                '–'
              ) : (
                <Skeleton width={40} height={26} />
              )}
            </dd>
            <dd className="field-hint">{f.hint}</dd>
          </div>
        ))}
      </dl>
      {quality.data && (
        <p className="field-hint">
          Also {formatCount(quality.data.duplicates)} duplicates ignored and{' '}
          {formatCount(quality.data.corrections)} corrections applied.
        </p>
      )}
    </section>
  );
}
