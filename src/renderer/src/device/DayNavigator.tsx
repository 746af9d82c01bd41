// Moves between days: previous, next, today, or any day from the calendar.
import { useEffect, useRef, useState } from 'react';
import { addDays } from '../format/calendar-dates';
import { longDate } from '../format/format-time';
import { Calendar } from './Calendar';

export function DayNavigator({
  date,
  today,
  onChange,
}: {
  date: string;
  today: string;
  onChange: (date: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="day-nav" role="group" aria-label="Day">
      <button type="button" className="button" onClick={() => onChange(addDays(date, -1))}>
        ‹ Previous day
      </button>
      <div className="day-nav-picker" ref={box}>
        <button
          ref={toggle}
          type="button"
          className="button day-nav-date"
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={() => setOpen((v) => !v)}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="12" rx="2" fill="none" stroke="currentColor" />
            <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
          </svg>
          <span>{longDate(date)}</span>
          <span className="visually-hidden">, choose a day</span>
        </button>
        {open && (
          <Calendar
            selected={date}
            today={today}
            onPick={(d) => {
              onChange(d);
              close();
            }}
            onClose={close}
          />
        )}
      </div>
      <button type="button" className="button" onClick={() => onChange(addDays(date, 1))}>
        Next day ›
      </button>
      <button type="button" className="button" onClick={() => onChange(today)} disabled={date === today}>
        Today
      </button>
    </div>
  );
}
