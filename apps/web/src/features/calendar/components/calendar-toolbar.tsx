import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useI18n, useT } from '../../../i18n';
import { formatPlainDate } from '../../../lib/dates';
import {
  calendarHref,
  containsDay,
  formatDayRange,
  isoWeek,
  stepPlace,
  viewRange,
  type CalendarPlace,
  type CalendarView,
} from '../calendar-view';

/**
 * The period shown (its h2) with previous / next / today, and the day–week switch. All are
 * links, so each view has its URL and back and forward step through them.
 */
export function CalendarToolbar({ place, today }: { place: CalendarPlace; today: string }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const { from, to } = viewRange(place);
  const heading =
    place.view === 'day'
      ? t(place.day === today ? 'calendar.dayHeadingToday' : 'calendar.dayHeading', {
          date: formatPlainDate(place.day, intlLocale, true),
        })
      : t('calendar.weekHeading', {
          week: isoWeek(place.day),
          range: formatDayRange(from, to, intlLocale),
        });

  return (
    <div className="cal-toolbar">
      <nav className="day-nav cal-toolbar__period" aria-label={t('calendar.periodLabel')}>
        <Link
          to={calendarHref(stepPlace(place, -1))}
          className="day-nav__step"
          aria-label={t(`calendar.prev.${place.view}`)}
        >
          <Icon name="chevronLeft" />
        </Link>
        {/* Live: stepping keeps focus on the arrow, so the new period is read out. */}
        <h2 className="day-nav__date cal-toolbar__heading" aria-live="polite">
          {heading}
        </h2>
        <Link
          to={calendarHref(stepPlace(place, 1))}
          className="day-nav__step"
          aria-label={t(`calendar.next.${place.view}`)}
        >
          <Icon name="chevronRight" />
        </Link>
        {containsDay(place, today) ? null : (
          <Link to={calendarHref({ ...place, day: today })} className="text-link day-nav__today">
            {t('calendar.today')}
          </Link>
        )}
      </nav>
      <nav className="view-switch cal-toolbar__views" aria-label={t('calendar.viewLabel')}>
        {(['day', 'week'] as const satisfies CalendarView[]).map((view) => (
          <Link
            key={view}
            to={calendarHref({ ...place, view })}
            className="view-switch__option"
            aria-current={view === place.view ? 'page' : undefined}
          >
            {t(`calendar.views.${view}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
