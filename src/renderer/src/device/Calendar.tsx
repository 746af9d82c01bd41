// A month grid to pick a day from, driven by mouse or keyboard: arrows move a day or a week, Page Up and
// Page Down a month, Home and End to the week's ends, Enter picks, Escape closes.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, addMonths, monthGrid, monthOf, weekdayOf } from '../format/calendar-dates';
import { longDate, monthName } from '../format/format-time';

const WEEKDAYS = [
  ['Mo', 'Monday'],
  ['Tu', 'Tuesday'],
  ['We', 'Wednesday'],
  ['Th', 'Thursday'],
  ['Fr', 'Friday'],
  ['Sa', 'Saturday'],
  ['Su', 'Sunday'],
] as const;

function sameDayInMonth(date: string, months: number): string {
  const month = addMonths(monthOf(date), months);
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const day = `${month}-${date.slice(8, 10)}`;
  return day > last ? last : day;
}

export function Calendar({
  selected,
  today,
  onPick,
  onClose,
}: {
  selected: string;
  today: string;
  onPick: (date: string) => void;
  onClose: () => void;
}) {
  const [focused, setFocused] = useState(selected);
  const grid = useRef<HTMLTableElement>(null);
  const month = monthOf(focused);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => sameDayInMonth(focused, -1),
      PageDown: () => sameDayInMonth(focused, 1),
      Home: () => addDays(focused, -weekdayOf(focused)),
      End: () => addDays(focused, 6 - weekdayOf(focused)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocused(move());
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="calendar" role="dialog" aria-label="Choose a day" onKeyDown={onKeyDown}>
      <div className="calendar-head">
        <button
          type="button"
          className="button button-small"
          aria-label="Previous month"
          onClick={() => setFocused(sameDayInMonth(focused, -1))}
        >
          ‹
        </button>
        <h2 className="calendar-title" aria-live="polite">
          {monthName(month)}
        </h2>
        <button
          type="button"
          className="button button-small"
          aria-label="Next month"
          onClick={() => setFocused(sameDayInMonth(focused, 1))}
        >
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-label={monthName(month)}>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) =>
                date ? (
                  <td key={date} role="gridcell" aria-selected={date === selected}>
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === focused ? 0 : -1}
                      aria-label={longDate(date)}
                      aria-current={date === today ? 'date' : undefined}
                      className={date === selected ? 'calendar-day calendar-selected' : 'calendar-day'}
                      onClick={() => onPick(date)}
                    >
                      {Number(date.slice(8, 10))}
                    </button>
                  </td>
                ) : (
                  <td key={`pad-${j}`} role="gridcell" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar-foot">
        <button type="button" className="button-link button" onClick={() => onPick(today)}>
          Today
        </button>
        <button type="button" className="button-link button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
