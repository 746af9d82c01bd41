// The hours of one day as bars: over-limit hours in the warning colour, hours without readings hatched, the
// limit as a dashed line. The same numbers are one click away as a table.
import {
  VictoryAxis,
  VictoryBar,
  VictoryChart,
  VictoryContainer,
  VictoryLine,
  VictoryTooltip,
} from 'victory';
import { formatKwh, kwhNumber } from '../format/format-energy';
import { useWidth } from '../hooks/use-width';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { HourBar } from './chart-data';
import {
  axisStyle,
  chartColours,
  tooltipFlyout,
  tooltipStyle,
  valueAxisStyle,
  valueMax,
} from './chart-theme';

const HEIGHT = 330;

function note(bar: HourBar): string {
  if (bar.over) return 'Over the limit';
  if (bar.missing) return 'No readings';
  return '';
}

/** What the chart shows, in one sentence, for screen readers. */
export function daySummary(bars: HourBar[], limit: number | null): string {
  const total = bars.reduce((s, b) => s + b.kwh, 0);
  const peak = bars.reduce<HourBar | undefined>((p, b) => (!p || b.kwh > p.kwh ? b : p), undefined);
  const over = bars.filter((b) => b.over).length;
  const missing = bars.filter((b) => b.missing).length;
  return [
    `${bars.length} hours, ${formatKwh(total)} in total`,
    peak && peak.kwh > 0 ? `highest ${formatKwh(peak.kwh)} at ${peak.label}` : 'no energy recorded',
    limit !== null ? `${over} ${over === 1 ? 'hour' : 'hours'} over the limit of ${formatKwh(limit)}` : null,
    missing ? `${missing} past ${missing === 1 ? 'hour' : 'hours'} without readings` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export function DayTable({ bars }: { bars: HourBar[] }) {
  return (
    <table>
      <caption className="visually-hidden">Energy per hour</caption>
      <thead>
        <tr>
          <th scope="col">Hour</th>
          <th scope="col" className="num">
            Energy (kWh)
          </th>
          <th scope="col" className="num">
            Readings
          </th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.start} className={b.over ? 'row-over' : undefined}>
            <th scope="row">{b.label}</th>
            <td className="num">{kwhNumber(b.kwh)}</td>
            <td className="num">{b.readings}</td>
            <td>{note(b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DayChart({ title, bars, limit }: { title: string; bars: HourBar[]; limit: number | null }) {
  const [ref, width] = useWidth<HTMLDivElement>(900);
  const slot = (width - 80) / Math.max(1, bars.length);
  const top = valueMax(
    bars.map((b) => b.kwh),
    limit,
  );
  const every = width < 700 ? 3 : 2;
  const legend: LegendItem[] = [
    { label: 'Within the limit', swatch: 'bar' },
    { label: 'Over the limit', swatch: 'over' },
    ...(limit !== null ? [{ label: `Limit: ${formatKwh(limit)} per hour`, swatch: 'limit' as const }] : []),
    { label: 'No readings in the hour', swatch: 'missing' },
  ];
  const chart = (
    <div ref={ref} data-testid="day-chart">
      <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
        <defs>
          <pattern
            id="wattdesk-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#eef0f3" />
            <rect width="2" height="6" fill={chartColours.missing} />
          </pattern>
        </defs>
      </svg>
      <VictoryChart
        width={width}
        height={HEIGHT}
        padding={{ top: 14, right: 16, bottom: 52, left: 64 }}
        domain={{ x: [0.5, bars.length + 0.5], y: [0, top] }}
        containerComponent={
          <VictoryContainer responsive={false} title={title} desc={daySummary(bars, limit)} role="img" />
        }
      >
        <VictoryAxis
          tickValues={bars.map((b) => b.x)}
          tickFormat={(x: number) => ((x - 1) % every === 0 ? (bars[x - 1]?.tick ?? '') : '')}
          label="Hour of the day (site time)"
          style={axisStyle}
        />
        <VictoryAxis
          dependentAxis
          label="Energy (kWh)"
          tickFormat={(y: number) => kwhNumber(y)}
          style={valueAxisStyle}
        />
        <VictoryBar
          data={bars.filter((b) => b.missing).map((b) => ({ x: b.x, y: top * 0.07 }))}
          barWidth={slot * 0.7}
          style={{ data: { fill: 'url(#wattdesk-hatch)', stroke: chartColours.missing, strokeWidth: 1 } }}
        />
        <VictoryBar
          data={bars.map((b) => ({ ...b, y: b.kwh }))}
          barWidth={slot * 0.7}
          cornerRadius={{ top: 2 }}
          labels={({ datum }: { datum: HourBar }) =>
            `${datum.label}: ${formatKwh(datum.kwh)}${note(datum) ? ` (${note(datum).toLowerCase()})` : ''}`
          }
          labelComponent={<VictoryTooltip style={tooltipStyle} flyoutStyle={tooltipFlyout} />}
          style={{
            data: {
              fill: ({ datum }: { datum?: HourBar }) => (datum?.over ? chartColours.over : chartColours.bar),
            },
          }}
        />
        {limit !== null && (
          <VictoryLine
            data={[
              { x: 0.5, y: limit },
              { x: bars.length + 0.5, y: limit },
            ]}
            style={{ data: { stroke: chartColours.limit, strokeWidth: 2, strokeDasharray: '6,4' } }}
          />
        )}
      </VictoryChart>
    </div>
  );
  return <ChartFrame title={title} legend={legend} chart={chart} table={<DayTable bars={bars} />} />;
}
