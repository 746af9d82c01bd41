// Where a replay is: its phase, how much is sent and left, the rate, and the simulated time reached.
import type { SimulatorState } from '../../../shared/contracts/simulator-api';
import { formatCount, formatRate } from '../format/format-energy';
import { dateTime } from '../format/format-time';

const PHASE: Record<SimulatorState['phase'], { text: string; badge: string }> = {
  idle: { text: 'Idle', badge: 'badge-quiet' },
  running: { text: 'Running', badge: 'badge-ok' },
  paused: { text: 'Paused', badge: 'badge-warn' },
  completed: { text: 'Completed', badge: 'badge-ok' },
  stopped: { text: 'Stopped', badge: 'badge-quiet' },
  failed: { text: 'Failed', badge: 'badge-over' },
};

export function SimulatorProgress({ state, tz }: { state: SimulatorState; tz: string }) {
  const total = state.remaining !== null ? state.sent + state.remaining : null;
  const share = total ? state.sent / total : null;
  const phase = PHASE[state.phase];
  return (
    <section className="panel sim-progress" aria-labelledby="sim-progress-title">
      <div className="sim-progress-head">
        <h2 id="sim-progress-title">Progress</h2>
        <span className={`badge ${phase.badge}`} data-testid="simulator-phase">
          {phase.text}
        </span>
      </div>
      <div
        className="sim-bar"
        role="progressbar"
        aria-label="Readings sent"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
        aria-valuetext={share === null ? `${formatCount(state.sent)} sent` : `${Math.round(share * 100)} %`}
      >
        <span style={{ width: `${(share ?? 0) * 100}%` }} />
      </div>
      <dl className="sim-figures">
        <div>
          <dt>Sent</dt>
          <dd className="numeric" data-testid="simulator-sent">
            {formatCount(state.sent)}
          </dd>
        </div>
        <div>
          <dt>Left</dt>
          <dd className="numeric">{state.remaining === null ? '–' : formatCount(state.remaining)}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd className="numeric">{formatRate(state.rate)}</dd>
        </div>
        <div>
          <dt>Simulated time</dt>
          <dd className="numeric">
            {state.simulated_time ? dateTime(Date.parse(state.simulated_time), tz) : '–'}
          </dd>
        </div>
        <div>
          <dt>Bad lines</dt>
          <dd className="numeric">{formatCount(state.bad_lines)}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>{state.file_name ?? '–'}</dd>
        </div>
      </dl>
      {state.failure && (
        <p className="form-error" role="alert">
          {state.failure}
        </p>
      )}
    </section>
  );
}
