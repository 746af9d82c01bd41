// Colours and type of the Victory charts (Victory styles SVG inline, so these are values, not CSS classes).
// They match tokens.css; bars keep at least 3:1 against the white background.
export const chartColours = {
  bar: '#3a76b8',
  over: '#d0471c',
  missing: '#8b95a3',
  limit: '#b3261e',
  axis: '#4d5968',
  grid: '#e3e7ed',
  text: '#17202b',
};

const font = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export const axisStyle = {
  axis: { stroke: chartColours.axis },
  tickLabels: { fontSize: 11, fill: chartColours.axis, fontFamily: font, padding: 5 },
  axisLabel: { fontSize: 12, fill: chartColours.text, fontFamily: font, padding: 34 },
  grid: { stroke: 'transparent' },
  ticks: { stroke: chartColours.axis, size: 4 },
};

export const valueAxisStyle = {
  ...axisStyle,
  axis: { stroke: 'transparent' },
  grid: { stroke: chartColours.grid },
  ticks: { stroke: 'transparent', size: 0 },
  axisLabel: { ...axisStyle.axisLabel, padding: 42 },
};

export const tooltipStyle = { fontSize: 12, fontFamily: font, fill: chartColours.text };
export const tooltipFlyout = { fill: '#ffffff', stroke: '#9aa5b3', strokeWidth: 1 };

/** The top of the value axis: room above the tallest bar and the limit line. */
export function valueMax(values: number[], limit: number | null): number {
  const top = Math.max(0, ...values, limit ?? 0);
  return top > 0 ? top * 1.15 : 1;
}
