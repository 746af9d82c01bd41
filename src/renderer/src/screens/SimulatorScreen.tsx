// The simulator: replay the bundled sample or a CSV of your own into chosen devices, at a chosen speed,
// with start, pause and stop. The host runs the replay on its bus; this screen only drives it.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/contracts/api';
import {
  MAX_UPLOAD_BYTES,
  type SimulatorStartRequest,
  type SimulatorState,
} from '../../../shared/contracts/simulator-api';
import { formatLocal } from '../../../shared/time/local-time';
import { useApi } from '../api/api-context';
import { useHostStatus } from '../app/HostStatusProvider';
import { PageHeading } from '../app/PageHeading';
import { Skeleton } from '../components/Skeleton';
import { wallTimeToInstant } from '../format/calendar-dates';
import { deviceName, useLive } from '../live/LiveProvider';
import { useUser } from '../session/SessionProvider';
import { SimulatorProgress } from './SimulatorProgress';
import { asSentence, failureText } from '../format/failure-text';

const SPEEDS: Array<{ value: string; label: string }> = [
  { value: '1', label: '1× (real time)' },
  { value: '60', label: '60× (an hour a minute)' },
  { value: '180', label: '180× (10 minutes in 3⅓ s)' },
  { value: '600', label: '600× (10 minutes a second)' },
  { value: '3600', label: '3,600× (an hour a second)' },
  { value: 'max', label: 'As fast as the bus confirms' },
];

const ACTIVE: ReadonlyArray<SimulatorState['phase']> = ['running', 'paused'];

export function SimulatorScreen() {
  const api = useApi();
  const user = useUser();
  const status = useHostStatus();
  const { devices } = useLive();
  const [state, setState] = useState<SimulatorState | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [source, setSource] = useState<'sample' | 'upload'>('sample');
  const [file, setFile] = useState<File | null>(null);
  const [speed, setSpeed] = useState('60');
  const [startMode, setStartMode] = useState<'now' | 'at'>('now');
  const [startAt, setStartAt] = useState('');
  const [loop, setLoop] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.invoke('simulator-get', undefined).then(
      (s) => live && setState(s),
      (err: unknown) => live && setFailure(failureText(err)),
    );
    const off = api.on('simulator-progress', (s) => setState(s));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (user.role !== 'admin') {
    return (
      <div className="page">
        <PageHeading title="Simulator" />
        <div className="panel empty-state">
          <p>Only administrators can run the simulator.</p>
        </div>
      </div>
    );
  }

  const act = async (action: () => Promise<SimulatorState>) => {
    setBusy(true);
    setFailure(null);
    try {
      setState(await action());
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        // `source.content` and the like belong to the field group they start with.
        const named = Object.entries(err.fields).map(([k, v]) => [k.split('.')[0]!, asSentence(v)]);
        setErrors(Object.fromEntries(named));
      }
      setFailure(failureText(err));
    } finally {
      setBusy(false);
    }
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (picked.length === 0) found.device_ids = 'Pick at least one device.';
    if (source === 'upload' && !file) found.source = 'Choose a CSV file.';
    if (file && source === 'upload' && file.size > MAX_UPLOAD_BYTES)
      found.source = 'The file is over 20 MB: replay it with `npm run simulate` instead.';
    if (startMode === 'at' && !startAt) found.start = 'Choose the time of the first reading.';
    setErrors(found);
    if (Object.keys(found).length || !status) return;
    const request: SimulatorStartRequest = {
      source:
        source === 'sample'
          ? { kind: 'sample' }
          : { kind: 'upload', file_name: file!.name, content: await file!.text() },
      device_ids: picked,
      speed: speed === 'max' ? 'max' : Number(speed),
      start:
        startMode === 'now' ? 'now' : formatLocal(wallTimeToInstant(startAt, status.site_tz), status.site_tz),
      loop,
    };
    await act(() => api.invoke('simulator-start', request));
  };

  const active = state !== null && ACTIVE.includes(state.phase);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <div className="page">
      <PageHeading
        title="Simulator"
        subtitle="Replays meter readings into the devices you pick, as if the meters were sending them now."
      />
      <div className="sim-layout">
        <form className="panel stack" onSubmit={(e) => void start(e)} noValidate aria-label="Replay settings">
          <fieldset className="field" aria-describedby={errors.device_ids ? 'sim-devices-error' : undefined}>
            <legend>Devices</legend>
            {!devices ? (
              <Skeleton height={60} />
            ) : devices.length === 0 ? (
              <p className="muted">No devices yet: add one under Manage devices first.</p>
            ) : (
              <ul className="sim-devices">
                {devices.map((d) => (
                  <li key={d.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={picked.includes(d.id)}
                        onChange={() => toggle(d.id)}
                        disabled={active}
                      />
                      <span>{deviceName(d, d.id)}</span>
                      <span className="muted mono">{d.id.slice(0, 8)}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {errors.device_ids && (
              <p id="sim-devices-error" className="field-error">
                {errors.device_ids}
              </p>
            )}
          </fieldset>

          <fieldset className="field">
            <legend>Readings</legend>
            <label className="choice">
              <input
                type="radio"
                name="source"
                checked={source === 'sample'}
                onChange={() => setSource('sample')}
                disabled={active}
              />
              The bundled sample: a year of readings every 10 minutes
            </label>
            <label className="choice">
              <input
                type="radio"
                name="source"
                checked={source === 'upload'}
                onChange={() => setSource('upload')}
                disabled={active}
              />
              A CSV file of your own
            </label>
            {source === 'upload' && (
              <input
                type="file"
                accept=".csv,text/csv"
                aria-label="CSV file"
                aria-invalid={errors.source ? true : undefined}
                aria-describedby={errors.source ? 'sim-source-error' : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                disabled={active}
              />
            )}
            {errors.source && (
              <p id="sim-source-error" className="field-error">
                {errors.source}
              </p>
            )}
          </fieldset>

          <div className="form-grid">
            <div className="field">
              <label htmlFor="sim-speed">Speed</label>
              <select
                id="sim-speed"
                value={speed}
                onChange={(e) => setSpeed(e.target.value)}
                disabled={active}
              >
                {SPEEDS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>First reading</legend>
              <label className="choice">
                <input
                  type="radio"
                  name="start"
                  checked={startMode === 'now'}
                  onChange={() => setStartMode('now')}
                  disabled={active}
                />
                Now
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="start"
                  checked={startMode === 'at'}
                  onChange={() => setStartMode('at')}
                  disabled={active}
                />
                At a time ({status?.site_tz ?? 'site time'})
              </label>
              {startMode === 'at' && (
                <input
                  type="datetime-local"
                  aria-label="Time of the first reading"
                  aria-invalid={errors.start ? true : undefined}
                  aria-describedby={errors.start ? 'sim-start-error' : undefined}
                  value={startAt}
                  onChange={(e) => setStartAt(e.target.value)}
                  disabled={active}
                />
              )}
              {errors.start && (
                <p id="sim-start-error" className="field-error">
                  {errors.start}
                </p>
              )}
            </fieldset>
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={loop}
              onChange={(e) => setLoop(e.target.checked)}
              disabled={active}
            />
            Loop: start over at the end, counting on from the last reading
          </label>

          {failure && (
            <p className="form-error" role="alert">
              {failure}
            </p>
          )}
          <div className="button-row">
            {!active && (
              <button type="submit" className="button button-primary" disabled={busy || !state}>
                Start
              </button>
            )}
            {state?.phase === 'running' && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void act(() => api.invoke('simulator-pause', undefined))}
              >
                Pause
              </button>
            )}
            {state?.phase === 'paused' && (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void act(() => api.invoke('simulator-resume', undefined))}
              >
                Resume
              </button>
            )}
            {active && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void act(() => api.invoke('simulator-stop', undefined))}
              >
                Stop
              </button>
            )}
          </div>
        </form>
        {state && status ? (
          <SimulatorProgress state={state} tz={status.site_tz} />
        ) : (
          <Skeleton height={300} />
        )}
      </div>
    </div>
  );
}
