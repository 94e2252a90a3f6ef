import { Link, useSearchParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { calendarHref } from '../../features/calendar/calendar-view';
import { useStaffAppointments } from '../../features/workspace/api/workspace-api';
import { PushToggle } from '../../features/push/components/push-toggle';
import { NotificationToggle } from '../../features/workspace/components/notification-toggle';
import { rowId, WorkspaceRow } from '../../features/workspace/components/workspace-row';
import type { LiveStatus } from '../../features/workspace/hooks/use-workspace-live';
import { patientName } from '../../features/workspace/room-state';
import { isWaiting } from '../../features/workspace/waiting';
import { useFormat, useT } from '../../i18n';
import { todayIn } from '../../lib/dates';
import { addDays, isLocalDate } from '../../lib/calendar-dates';
import { useNow } from '../../lib/use-now';
import { Page } from '../layouts/page';
import { useStaffAlerts } from '../layouts/staff-alerts-context';

/** Until an appointment tells the clinic's zone, the product's default. */
const DEFAULT_ZONE = 'Europe/Oslo';

/**
 * `/arbeidsflate?dag=`: the practitioner's day (today unless `dag` says otherwise), each
 * appointment with its live video room. A patient who starts is highlighted within a second;
 * the staff shell's waiting alerts announce, ring for, notify and count in the tab title today's
 * waiting patients, whatever day is shown (and on the other staff pages too). Their live line
 * and their "Slå på lyd" notice are shown here.
 */
export function WorkspacePage() {
  const t = useT();
  const format = useFormat();
  const now = useNow(15_000);
  const [searchParams] = useSearchParams();
  const dayParam = searchParams.get('dag');
  const chosenDay = isLocalDate(dayParam) ? dayParam : null;
  const appointments = useStaffAppointments(chosenDay);
  const alerts = useStaffAlerts();
  const zone = appointments.data?.[0]?.timeZone ?? DEFAULT_ZONE;
  const today = todayIn(zone, now);
  const day = chosenDay ?? today;
  const isToday = day === today;
  const list = appointments.data ?? [];
  const waiting = list.filter((a) => isWaiting(a, now));
  const dayHref = (date: string) =>
    date === today ? '/arbeidsflate' : `/arbeidsflate?dag=${date}`;
  const dateText = format.plainDate(day);

  return (
    <Page title={t('workspace.title')} className="workspace">
      <div className="ws-toolbar">
        <nav className="day-nav" aria-label={t('workspace.dayLabel')}>
          <Link
            to={dayHref(addDays(day, -1))}
            className="day-nav__step"
            aria-label={t('workspace.prevDay')}
          >
            <Icon name="chevronLeft" />
          </Link>
          {/* Live: stepping a day keeps focus on the arrow, so the new date is read out. */}
          <h2 className="day-nav__date" aria-live="polite">
            {isToday ? `${t('workspace.today')}, ${dateText}` : dateText}
          </h2>
          <Link
            to={dayHref(addDays(day, 1))}
            className="day-nav__step"
            aria-label={t('workspace.nextDay')}
          >
            <Icon name="chevronRight" />
          </Link>
          {isToday ? null : (
            <Link to="/arbeidsflate" className="text-link day-nav__today">
              {t('workspace.today')}
            </Link>
          )}
        </nav>
        <div className="ws-toolbar__end">
          <LiveIndicator status={alerts.live ?? 'connecting'} />
          <ButtonLink to={calendarHref({ day, view: 'week' })} variant="secondary" icon="calendar">
            {t('workspace.calendarLink')}
          </ButtonLink>
        </div>
      </div>
      {/* The shell's "Slå på lyd" notice, when the browser holds sound back, stands here. */}
      <div ref={alerts.setNoticeSlot} />
      <div className="ws-alerts">
        <NotificationToggle />
        <PushToggle audience="staff" />
      </div>

      {waiting.length > 0 ? (
        <ul className="ws-waiting" role="list">
          {waiting.map((a) => (
            <li key={a.id}>
              <a href={`#${rowId(a.id)}`} className="ws-waiting__link">
                <span className="room-badge__dot" aria-hidden="true" />
                {t('workspace.announceWaiting', {
                  name: patientName(a.patient, t('workspace.patientUnknown')),
                })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.isError ? (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty-card">
          <Icon name="calendar" size={32} className="muted" />
          <p>{t('workspace.none')}</p>
        </div>
      ) : (
        <>
          <p className="visually-hidden">{t('workspace.count', { count: list.length })}</p>
          <ul
            className="ws-list"
            role="list"
            aria-label={t('workspace.listTitle', { date: dateText })}
          >
            {list.map((appointment) => (
              <WorkspaceRow key={appointment.id} appointment={appointment} day={day} now={now} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function LiveIndicator({ status }: { status: LiveStatus }) {
  const t = useT();
  return (
    <p className={`ws-live ws-live--${status}`} role="status">
      <span className="ws-live__dot" aria-hidden="true" />
      {t(`workspace.live.${status}`)}
    </p>
  );
}
