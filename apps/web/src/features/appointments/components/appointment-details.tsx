import type { Appointment } from '@visitt/contracts';
import { useFormat, useT } from '../../../i18n';
import { typeWithDuration } from '../../booking/type-label';
import { StatusBadge } from './status-badge';

/** What, when, where and with whom, as a description list. */
export function AppointmentDetails({
  appointment,
  showComment = true,
}: {
  appointment: Appointment;
  showComment?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  return (
    <dl className="details">
      <div className="details__row">
        <dt>{t('appointment.date')}</dt>
        <dd>{format.longDate(appointment.start, zone)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.time')}</dt>
        <dd>
          {t('appointment.timeRange', {
            start: format.time(appointment.start, zone),
            end: format.time(appointment.end, zone),
          })}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.type')}</dt>
        <dd>
          {typeWithDuration(
            appointment.appointmentType.name,
            appointment.appointmentType.durationMinutes,
            t('booking.duration', { minutes: appointment.appointmentType.durationMinutes }),
          )}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.kind')}</dt>
        <dd>{t(`modality.${appointment.modality}`)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.practitioner')}</dt>
        <dd>
          {appointment.practitioner.name}
          {appointment.practitioner.title ? (
            <span className="muted"> · {appointment.practitioner.title}</span>
          ) : null}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.clinic')}</dt>
        <dd>
          {appointment.clinic.name}
          {appointment.clinic.town ? (
            <span className="muted"> · {appointment.clinic.town}</span>
          ) : null}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('appointment.status')}</dt>
        <dd>
          <StatusBadge status={appointment.status} />
        </dd>
      </div>
      {showComment ? (
        <div className="details__row">
          <dt>{t('appointment.comment')}</dt>
          <dd className={appointment.comment ? 'details__comment' : 'muted'}>
            {appointment.comment || t('appointment.noComment')}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
