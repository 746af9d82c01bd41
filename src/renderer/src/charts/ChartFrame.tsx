// A chart with its text alternative: a toggle between the picture and a table of the same numbers, a legend
// in words, and fixed height so nothing below it moves while data loads or the view changes.
import { useId, useState, type ReactNode } from 'react';

export interface LegendItem {
  label: string;
  swatch: 'bar' | 'over' | 'missing' | 'limit';
}

export function ChartFrame({
  title,
  legend,
  chart,
  table,
}: {
  title: string;
  legend: LegendItem[];
  chart: ReactNode;
  table: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const regionId = useId();
  return (
    <section className="chart-frame panel" aria-label={title}>
      <div className="chart-frame-head">
        <h2>{title}</h2>
        <button
          type="button"
          className="button button-small"
          aria-pressed={asTable}
          aria-controls={regionId}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <div id={regionId} className={asTable ? 'chart-frame-table' : 'chart-frame-chart'}>
        {asTable ? table : chart}
      </div>
      {!asTable && (
        <ul className="chart-legend" aria-label="Legend">
          {legend.map((item) => (
            <li key={item.label}>
              <span className={`swatch swatch-${item.swatch}`} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
