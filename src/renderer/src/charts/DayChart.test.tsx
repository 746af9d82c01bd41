// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { formatLocal, hoursOfDay } from '../../../shared/time/local-time';
import { dayBars } from './chart-data';
import { DayChart } from './DayChart';

afterEach(cleanup);

const tz = 'Europe/Helsinki';

function day(date: string, kwh: (i: number) => number, readings = 6): HourlyResponse {
  return {
    device_id: 'd1',
    date,
    tz,
    max_hourly_kwh: 1,
    hours: hoursOfDay(date, tz).map((h, i) => ({ start: formatLocal(h.start, tz), kwh: kwh(i), readings })),
  };
}

const later = Date.UTC(2030, 0, 1);

describe('the day chart', () => {
  it('draws a bar per hour with the limit, and says what it shows for screen readers', () => {
    const bars = dayBars(
      day('2026-01-15', (i) => (i === 18 ? 1.4 : 0.5)),
      later,
    );
    render(<DayChart title="Energy per hour" bars={bars} limit={1} />);
    const chart = screen.getByTestId('day-chart');
    expect(chart.querySelector('svg[role="img"] desc')?.textContent).toBe(
      '24 hours, 12.9 kWh in total; highest 1.40 kWh at 18:00; 1 hour over the limit of 1.00 kWh',
    );
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Limit: 1.00 kWh per hour');
  });

  it('shows the 25 hours of the fall-back day as a table, the repeated hour by its offset', async () => {
    const bars = dayBars(
      day('2026-10-25', (i) => (i === 3 ? 1.2 : 0.3)),
      later,
    );
    render(<DayChart title="Energy per hour" bars={bars} limit={1} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show as table' }));

    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(25);
    expect(rows.slice(2, 5).map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '02:00',
      '03:00 +03:00',
      '03:00 +02:00',
    ]);
    expect(rows[3]!.textContent).toContain('Over the limit');
    expect(screen.getByRole('button', { name: 'Show as chart' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the 23 hours of the spring-forward day, and the past hours without readings', async () => {
    const response = day('2026-03-29', () => 0, 0);
    const bars = dayBars(response, Date.parse('2026-03-29T06:30:00+03:00'));
    render(<DayChart title="Energy per hour" bars={bars} limit={1} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(23);
    expect(rows.filter((r) => r.textContent?.includes('No readings'))).toHaveLength(5); // 00, 01, 02, 04, 05
  });
});
