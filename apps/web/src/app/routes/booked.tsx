import { useParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { DeviceTestLink } from '../../features/device-test/components/device-test-link';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { calendarFileUrl, useAppointment } from '../../features/appointments/api/appointments-api';
import { AppointmentDetails } from '../../features/appointments/components/appointment-details';
import { StrongAuthNotice } from '../../features/auth/components/strong-auth-notice';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/** After booking: "Timen er bestilt", the details, the calendar file and the way to Min kalender. */
export function BookedPage() {
  const t = useT();
  const { id } = useParams();
  const appointment = useAppointment(id);
  return (
    <Page
      title={t('booking.doneTitle')}
      appTitle={t('nav.myCalendar')}
      back="/timer"
      className="booked"
    >
      {appointment.isPending ? (
        <LoadingState />
      ) : appointment.isError ? (
        <ErrorState error={appointment.error} onRetry={() => void appointment.refetch()} />
      ) : (
        <>
          <div className="success-banner">
            <Icon name="check" size={28} />
            <div>
              <p>{t('booking.doneIntro')}</p>
              {appointment.data.modality === 'video' ? <p>{t('booking.doneVideo')}</p> : null}
              <p className="muted">{t('booking.doneNotice')}</p>
            </div>
          </div>
          {appointment.data.modality === 'video' ? (
            <>
              <StrongAuthNotice clinicId={appointment.data.clinic.id} />
              <DeviceTestLink />
            </>
          ) : null}
          <div className="card">
            <AppointmentDetails appointment={appointment.data} />
          </div>
          <div className="action-row">
            <a
              className="btn btn--secondary btn--md"
              href={calendarFileUrl(appointment.data.id)}
              download
            >
              <Icon name="download" />
              <span>{t('booking.addToCalendar')}</span>
            </a>
            <ButtonLink to="/timer" variant="primary" icon="calendar">
              {t('booking.goToCalendar')}
            </ButtonLink>
          </div>
        </>
      )}
    </Page>
  );
}
