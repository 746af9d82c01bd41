// The days of one month as bars; a day opens from its bar or from the table.
import { VictoryAxis, VictoryBar, VictoryChart, VictoryContainer, VictoryTooltip } from 'victory';
import { formatKwh, kwhNumber } from '../format/format-energy';
import { shortDate } from '../format/format-time';
import { useWidth } from '../hooks/use-width';
import { navigate } from '../routing/use-route';
import { ChartFrame } from './ChartFrame';
import type { DayBar } from './chart-data';
import {
  axisStyle,
  chartColours,
  tooltipFlyout,
  tooltipStyle,
  valueAxisStyle,
  valueMax,
} from './chart-theme';

const HEIGHT = 330;

export function MonthTable({ bars, dayHref }: { bars: DayBar[]; dayHref: (date: string) => string }) {
  return (
    <table>
      <caption className="visually-hidden">Energy per day</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col" className="num">
            Energy (kWh)
          </th>
          <th scope="col" className="num">
            Readings
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.date}>
            <th scope="row">
              <a href={dayHref(b.date)}>{shortDate(b.date)}</a>
            </th>
            <td className="num">{kwhNumber(b.kwh)}</td>
            <td className="num">{b.readings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonthChart({
  title,
  bars,
  dayHref,
}: {
  title: string;
  bars: DayBar[];
  dayHref: (date: string) => string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(900);
  const slot = (width - 80) / Math.max(1, bars.length);
  const top = valueMax(
    bars.map((b) => b.kwh),
    null,
  );
  const total = bars.reduce((s, b) => s + b.kwh, 0);
  const chart = (
    <div ref={ref} data-testid="month-chart">
      <VictoryChart
        width={width}
        height={HEIGHT}
        padding={{ top: 14, right: 16, bottom: 52, left: 64 }}
        domain={{ x: [0.5, bars.length + 0.5], y: [0, top] }}
        containerComponent={
          <VictoryContainer
            responsive={false}
            title={title}
            desc={`${bars.length} days, ${formatKwh(total)} in total`}
            role="img"
          />
        }
      >
        <VictoryAxis
          tickValues={bars.map((b) => b.x)}
          tickFormat={(x: number) => (x === 1 || x % 5 === 0 ? String(x) : '')}
          label="Day of the month"
          style={axisStyle}
        />
        <VictoryAxis
          dependentAxis
          label="Energy (kWh)"
          tickFormat={(y: number) => kwhNumber(y)}
          style={valueAxisStyle}
        />
        <VictoryBar
          data={bars.map((b) => ({ ...b, y: b.kwh }))}
          barWidth={slot * 0.7}
          cornerRadius={{ top: 2 }}
          labels={({ datum }: { datum: DayBar }) => `${shortDate(datum.date)}: ${formatKwh(datum.kwh)}`}
          labelComponent={<VictoryTooltip style={tooltipStyle} flyoutStyle={tooltipFlyout} />}
          style={{ data: { fill: chartColours.bar, cursor: 'pointer' } }}
          events={[
            {
              target: 'data',
              eventHandlers: {
                onClick: (_e: unknown, props: { datum?: DayBar }) => {
                  if (props.datum) navigate(dayHref(props.datum.date));
                  return [];
                },
              },
            },
          ]}
        />
      </VictoryChart>
    </div>
  );
  return (
    <ChartFrame
      title={title}
      legend={[{ label: 'Energy per day', swatch: 'bar' }]}
      chart={chart}
      table={<MonthTable bars={bars} dayHref={dayHref} />}
    />
  );
}
