import { useId } from 'react';
import { Link, useSearchParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { useMyAppointments } from '../../features/appointments/api/appointments-api';
import { splitAppointments } from '../../features/appointments/appointment-state';
import { AppointmentCards } from '../../features/appointments/components/appointment-cards';
import { AppointmentTable } from '../../features/appointments/components/appointment-table';
import { StartBookingButton } from '../../features/booking/components/start-booking-button';
import { NotificationsSummary } from '../../features/notifications/components/notifications-summary';
import { useT } from '../../i18n';
import { useNow } from '../../lib/use-now';
import { Page } from '../layouts/page';
import { useShell } from '../layouts/shell-context';

/** **Min kalender**: upcoming appointments, and past and cancelled ones behind a switch. */
export function AppointmentsPage() {
  const t = useT();
  const { isWide } = useShell();
  const now = useNow(30_000);
  const [searchParams] = useSearchParams();
  const showPast = searchParams.get('vis') === 'tidligere';
  const appointments = useMyAppointments();
  const switchId = useId();
  const { upcoming, past } = splitAppointments(appointments.data ?? [], now);
  const list = showPast ? past : upcoming;
  const caption = showPast ? t('appointments.past') : t('appointments.upcoming');

  return (
    <Page title={t('appointments.title')} appTitle={t('nav.myCalendar')}>
      <nav className="view-switch" aria-labelledby={switchId}>
        <span id={switchId} className="visually-hidden">
          {t('appointments.viewLabel')}
        </span>
        <Link
          to="/timer"
          className="view-switch__option"
          aria-current={showPast ? undefined : 'page'}
          replace
        >
          {t('appointments.upcoming')}
        </Link>
        <Link
          to="/timer?vis=tidligere"
          className="view-switch__option"
          aria-current={showPast ? 'page' : undefined}
          replace
        >
          {t('appointments.past')}
        </Link>
      </nav>
      <h2 className="visually-hidden">{caption}</h2>
      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.isError ? (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty-card">
          <Icon name="calendar" size={32} className="muted" />
          <p>{showPast ? t('appointments.noPast') : t('appointments.noUpcoming')}</p>
          {showPast ? null : <StartBookingButton layout={isWide ? 'portal' : 'app'} />}
        </div>
      ) : isWide ? (
        <AppointmentTable appointments={list} caption={caption} showStatus={showPast} />
      ) : (
        <AppointmentCards appointments={list} showStatus={showPast} />
      )}
      {showPast ? null : <NotificationsSummary />}
    </Page>
  );
}
