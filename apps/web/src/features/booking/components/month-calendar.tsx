import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useI18n, useT } from '../../../i18n';
import { monthOf, weekdayNames } from '../../../lib/dates';
import {
  addDays,
  addMonths,
  compareMonths,
  monthGrid,
  weekEdge,
} from '../../../lib/calendar-dates';

interface MonthCalendarProps {
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** Days (`YYYY-MM-DD`) with at least one free slot. */
  availableDays: ReadonlySet<string>;
  selectedDay: string | null;
  today: string;
  minMonth: string;
  maxMonth: string;
  /** True while the month's slots are on their way: no day is offered yet. */
  isLoading: boolean;
  onSelectDay: (day: string) => void;
  onChangeMonth: (month: string) => void;
}

/**
 * A month as a keyboard-navigable grid (the WAI-ARIA date-picker pattern): one day button in
 * the tab order, arrow keys move by day and week, Home/End to the week's edges, Page Up/Down
 * by month. Days without free slots are marked disabled but can still be reached, so moving
 * through the month is never blocked.
 */
export function MonthCalendar(props: MonthCalendarProps) {
  const {
    month,
    availableDays,
    selectedDay,
    today,
    minMonth,
    maxMonth,
    isLoading,
    onSelectDay,
    onChangeMonth,
  } = props;
  const t = useT();
  const { intlLocale } = useI18n();
  const format = useFormat();
  const headingId = useId();
  const grid = useRef<HTMLTableElement>(null);
  const shouldFocus = useRef(false);

  const defaultFocus = (): string => {
    if (selectedDay && monthOf(selectedDay) === month) return selectedDay;
    const firstAvailable = [...availableDays].filter((day) => monthOf(day) === month).sort()[0];
    if (firstAvailable) return firstAvailable;
    if (monthOf(today) === month) return today;
    return `${month}-01`;
  };
  // Null until the user moves within the grid: the default follows the free days as they load
  // (a keyboard user tabbing in lands on the first day with free times, not on a full today).
  const [focusedDay, setFocusedDay] = useState<string | null>(null);
  const focused =
    focusedDay !== null && monthOf(focusedDay) === month ? focusedDay : defaultFocus();

  useEffect(() => {
    // After a key press; when it crossed into another month, wait until that month is shown.
    if (!shouldFocus.current || focused !== focusedDay) return;
    shouldFocus.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused, focusedDay]);

  const canGoBack = compareMonths(month, minMonth) > 0;
  const canGoForward = compareMonths(month, maxMonth) < 0;
  const shortNames = weekdayNames(intlLocale, 'short');
  const longNames = weekdayNames(intlLocale, 'long');

  function moveFocus(day: string) {
    const target = monthOf(day);
    if (compareMonths(target, minMonth) < 0 || compareMonths(target, maxMonth) > 0) return;
    shouldFocus.current = true;
    setFocusedDay(day);
    if (target !== month) onChangeMonth(target);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>, day: string) {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => weekEdge(day, 'start'),
      End: () => weekEdge(day, 'end'),
      PageUp: () => clampDay(addMonths(monthOf(day), -1), Number(day.slice(8))),
      PageDown: () => clampDay(addMonths(monthOf(day), 1), Number(day.slice(8))),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveFocus(move());
  }

  function handleMonth(delta: number) {
    const target = addMonths(month, delta);
    setFocusedDay(null);
    onChangeMonth(target);
  }

  return (
    <div className="calendar" aria-busy={isLoading || undefined}>
      <div className="calendar__header">
        <button
          type="button"
          className="calendar__nav"
          onClick={() => handleMonth(-1)}
          disabled={!canGoBack}
          aria-label={t('booking.prevMonth')}
        >
          <Icon name="chevronLeft" />
        </button>
        <h2 id={headingId} className="calendar__month" aria-live="polite">
          {format.month(month)}
        </h2>
        <button
          type="button"
          className="calendar__nav"
          onClick={() => handleMonth(1)}
          disabled={!canGoForward}
          aria-label={t('booking.nextMonth')}
        >
          <Icon name="chevronRight" />
        </button>
      </div>
      <table ref={grid} role="grid" className="calendar__grid" aria-labelledby={headingId}>
        <thead>
          <tr>
            {shortNames.map((name, i) => (
              <th key={name} scope="col" abbr={longNames[i]}>
                {name.replace('.', '')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (!day) return <td key={`empty-${d}`} className="calendar__empty" />;
                const isAvailable = !isLoading && availableDays.has(day);
                const isSelected = day === selectedDay;
                const isToday = day === today;
                const date = format.plainDate(day);
                const label = [
                  t(isAvailable ? 'booking.dayAvailable' : 'booking.dayUnavailable', { date }),
                  isToday ? t('booking.today') : null,
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <td key={day} aria-selected={isSelected}>
                    <button
                      type="button"
                      data-day={day}
                      tabIndex={day === focused ? 0 : -1}
                      className={[
                        'calendar__day',
                        isAvailable ? 'is-available' : 'is-unavailable',
                        isSelected ? 'is-selected' : '',
                        isToday ? 'is-today' : '',
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      aria-label={label}
                      aria-disabled={!isAvailable || undefined}
                      aria-pressed={isSelected}
                      aria-current={isToday ? 'date' : undefined}
                      onClick={() => {
                        setFocusedDay(day);
                        if (isAvailable) onSelectDay(day);
                      }}
                      onKeyDown={(event) => handleKeyDown(event, day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar__legend" aria-hidden="true">
        <span className="calendar__legend-item">
          <span className="calendar__swatch calendar__swatch--available" />
          {t('booking.legendAvailable')}
        </span>
        <span className="calendar__legend-item">
          <span className="calendar__swatch calendar__swatch--unavailable" />
          {t('booking.legendUnavailable')}
        </span>
      </div>
    </div>
  );
}

/** Day `day` of `month`, or the month's last day when it is shorter. */
function clampDay(month: string, day: number): string {
  const grid = monthGrid(month)
    .flat()
    .filter((d): d is string => d != null);
  return grid[Math.min(day, grid.length) - 1] ?? `${month}-01`;
}
