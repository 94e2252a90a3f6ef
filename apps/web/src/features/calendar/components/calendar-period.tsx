import type { StaffAppointment } from '@visitt/contracts';
import { useId } from 'react';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useI18n, useT } from '../../../i18n';
import { formatShortDate } from '../../../lib/dates';
import {
  calendarHref,
  countActive,
  daysBetween,
  groupByDay,
  viewRange,
  type CalendarPlace,
} from '../calendar-view';
import { CalendarEntry } from './calendar-entry';

interface PeriodProps {
  place: CalendarPlace;
  today: string;
  appointments: readonly StaffAppointment[];
  now: number;
  /** The calendar's own URL, handed to each appointment's page for its "back". */
  from: string;
}

/**
 * The appointments of the period: one list for a day; for a week, a section per day (seven
 * columns on a wide screen, one list after the other on a phone), each day's heading a link to
 * that day alone.
 */
export function CalendarPeriod({ place, today, appointments, now, from }: PeriodProps) {
  const t = useT();
  const format = useFormat();
  const range = viewRange(place);
  const days = daysBetween(range.from, range.to);
  const byDay = groupByDay(appointments, days);

  if (place.view === 'day') {
    const list = byDay.get(place.day) ?? [];
    if (list.length === 0)
      return (
        <div className="empty-card">
          <Icon name="calendar" size={32} className="muted" />
          <p>{t('calendar.emptyDay')}</p>
        </div>
      );
    return (
      <ul
        className="cal-list"
        role="list"
        aria-label={t('calendar.listLabel', { date: format.plainDate(place.day) })}
      >
        {list.map((appointment) => (
          <CalendarEntry key={appointment.id} appointment={appointment} now={now} from={from} />
        ))}
      </ul>
    );
  }

  return (
    <div className="cal-week">
      {days.map((day) => (
        <CalendarDay
          key={day}
          day={day}
          isToday={day === today}
          appointments={byDay.get(day) ?? []}
          now={now}
          from={from}
        />
      ))}
    </div>
  );
}

function CalendarDay({
  day,
  isToday,
  appointments,
  now,
  from,
}: {
  day: string;
  isToday: boolean;
  appointments: readonly StaffAppointment[];
  now: number;
  from: string;
}) {
  const t = useT();
  const { intlLocale } = useI18n();
  const headingId = useId();
  const active = countActive(appointments);

  return (
    <section
      className={[
        'cal-day',
        isToday ? 'cal-day--today' : '',
        appointments.length === 0 ? 'cal-day--empty' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cal-day__title">
        <Link to={calendarHref({ day, view: 'day' })} className="cal-day__link">
          {/* Without the year: the week's heading has it. */}
          {formatShortDate(`${day}T12:00:00Z`, 'UTC', intlLocale)}
        </Link>
        {isToday ? <span className="cal-day__today">{t('calendar.todayMark')}</span> : null}
      </h3>
      {appointments.length === 0 ? (
        <p className="cal-day__empty">{t('calendar.emptyDayShort')}</p>
      ) : (
        <>
          <p className="cal-day__count">
            {active === 1 ? t('calendar.countOne') : t('calendar.countMany', { count: active })}
          </p>
          <ul className="cal-list cal-list--compact" role="list">
            {appointments.map((appointment) => (
              <CalendarEntry
                key={appointment.id}
                appointment={appointment}
                now={now}
                from={from}
                isCompact
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
