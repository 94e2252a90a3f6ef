import type { Appointment } from '@visitt/contracts';
import { canRequestInPerson, hasVideoRoom, instant } from '@visitt/domain';
import { useId, useState } from 'react';
import { useParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { calendarFileUrl, useAppointment } from '../../features/appointments/api/appointments-api';
import { AppointmentDetails } from '../../features/appointments/components/appointment-details';
import { CancelAppointment } from '../../features/appointments/components/cancel-appointment';
import { StartVideoButton } from '../../features/appointments/components/start-video-button';
import { DeviceTestLink } from '../../features/device-test/components/device-test-link';
import { useVideoInfo } from '../../features/appointments/api/in-person-api';
import {
  InPersonRequestStatus,
  VideoInfoDialog,
} from '../../features/appointments/components/video-info-dialog';
import { Button } from '../../components/ui/button';
import { useNow } from '../../lib/use-now';
import { StrongAuthNotice } from '../../features/auth/components/strong-auth-notice';
import { useFormat, useT } from '../../i18n';
import { Page } from '../layouts/page';
import { useShell } from '../layouts/shell-context';

/**
 * One appointment: **Start videokonsultasjon** for video appointments (which opens the video
 * room at `/timer/:id/video`), the details, cancelling and the calendar file.
 */
export function AppointmentPage() {
  const t = useT();
  const format = useFormat();
  const { isWide } = useShell();
  const { id } = useParams();
  const appointment = useAppointment(id);
  const videoHeading = useId();
  const cancelHeading = useId();
  const data = appointment.data;
  const title = data
    ? t('appointment.title', { date: format.longDate(data.start, data.timeZone) })
    : t('appointment.fallbackTitle');

  return (
    <Page title={title} appTitle={t('nav.myCalendar')} back="/timer" className="appointment-page">
      {appointment.isPending ? (
        <LoadingState />
      ) : appointment.isError ? (
        <ErrorState error={appointment.error} onRetry={() => void appointment.refetch()} />
      ) : data ? (
        <div className="appointment-layout">
          <div className="appointment-layout__main">
            <p className="appointment-when">
              <Icon name="clock" />
              <span>
                {t('appointment.timeRange', {
                  start: format.time(data.start, data.timeZone),
                  end: format.time(data.end, data.timeZone),
                })}
                {' · '}
                {data.appointmentType.name}
              </span>
            </p>
            {hasVideoRoom(data).ok ? (
              <section className="card video-panel" aria-labelledby={videoHeading}>
                <h2 id={videoHeading} className="section__title">
                  {t('appointment.videoHeading')}
                </h2>
                <StrongAuthNotice clinicId={data.clinic.id} />
                <StartVideoButton appointment={data} variant="full" />
                <InPersonRequestOfAppointment appointment={data} />
                <DeviceTestLink />
              </section>
            ) : data.modality === 'video' ? (
              // Cancelled: the clinic's answer to a request to come in may be why.
              <InPersonRequestOfAppointment appointment={data} />
            ) : null}
            <section className="card" aria-labelledby="appointment-details">
              <h2 id="appointment-details" className="section__title">
                {t('appointment.details')}
              </h2>
              <AppointmentDetails appointment={data} />
            </section>
          </div>
          <aside className="appointment-layout__side" aria-label={t('appointment.cancelHeading')}>
            <section className="card" aria-labelledby={cancelHeading}>
              <h2 id={cancelHeading} className="section__title">
                {t('appointment.cancelHeading')}
              </h2>
              <CancelAppointment appointment={data} block={!isWide} />
            </section>
            {data.status === 'booked' ? (
              <a
                className={`btn btn--secondary btn--md${isWide ? '' : ' btn--block'}`}
                href={calendarFileUrl(data.id)}
                download
              >
                <Icon name="download" />
                <span>{t('appointment.calendarFile')}</span>
              </a>
            ) : null}
          </aside>
        </div>
      ) : null}
    </Page>
  );
}

/**
 * The patient's request to come in instead, and the clinic's answer, where the call starts; and
 * the way to ask any time before the video window closes, not only from the information step.
 */
function InPersonRequestOfAppointment({ appointment }: { appointment: Appointment }) {
  const t = useT();
  const now = useNow(60_000);
  const info = useVideoInfo(appointment.id);
  const [isAsking, setIsAsking] = useState(false);
  const request = info.data?.inPersonRequest;
  if (request) return <InPersonRequestStatus appointment={appointment} request={request} />;
  const canAsk = canRequestInPerson(
    {
      status: appointment.status,
      modality: appointment.modality,
      start: instant(Date.parse(appointment.start)),
    },
    instant(now),
  ).ok;
  if (!canAsk || !info.data) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setIsAsking(true)}>
        {t('videoInfo.askInPerson')}
      </Button>
      <VideoInfoDialog
        appointment={appointment}
        isOpen={isAsking}
        onClose={() => setIsAsking(false)}
      />
    </>
  );
}
