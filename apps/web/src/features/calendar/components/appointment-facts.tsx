import type { StaffAppointmentDetail } from '@visitt/contracts';
import type { ReactNode } from 'react';
import { useFormat, useI18n, useT } from '../../../i18n';
import { StatusBadge } from '../../appointments/components/status-badge';
import { formatBirthDate } from '../../profile/profile-form';
import { patientName } from '../../workspace/room-state';
import { durationMinutes, statusKey } from '../calendar-view';

/**
 * Who, how to reach them, what they wrote, what, when and what has happened to it — as a
 * description list. Contact details are links (mail, phone) so they can be used at once.
 */
export function AppointmentFacts({ appointment }: { appointment: StaffAppointmentDetail }) {
  const t = useT();
  const format = useFormat();
  const { intlLocale } = useI18n();
  const zone = appointment.timeZone;
  const { patient } = appointment;
  const notGiven = <span className="muted">{t('calendar.detail.notGiven')}</span>;

  return (
    <dl className="details">
      <Row label={t('calendar.detail.patient')}>
        {patientName(patient, t('workspace.patientUnknown'))}
      </Row>
      <Row label={t('profile.bornLabel')}>
        {patient.birthDate ? formatBirthDate(patient.birthDate, intlLocale) : notGiven}
      </Row>
      <Row label={t('calendar.detail.email')}>
        {patient.email ? <a href={`mailto:${patient.email}`}>{patient.email}</a> : notGiven}
      </Row>
      <Row label={t('calendar.detail.phone')}>
        {patient.phone ? (
          <a href={`tel:${patient.phone.replace(/\s+/g, '')}`} className="cal-facts__phone">
            {patient.phone}
          </a>
        ) : (
          notGiven
        )}
      </Row>
      <Row label={t('workspace.comment')}>
        {appointment.comment ? (
          <span className="details__comment">{appointment.comment}</span>
        ) : (
          <span className="muted">{t('workspace.noComment')}</span>
        )}
      </Row>
      <Row label={t('appointment.date')}>{format.longDate(appointment.start, zone)}</Row>
      <Row label={t('appointment.time')}>
        {t('appointment.timeRange', {
          start: format.time(appointment.start, zone),
          end: format.time(appointment.end, zone),
        })}
        <span className="muted">
          {' · '}
          {t('calendar.duration', { minutes: durationMinutes(appointment) })}
        </span>
      </Row>
      <Row label={t('appointment.type')}>{appointment.appointmentType.name}</Row>
      <Row label={t('appointment.kind')}>{t(`modality.${appointment.modality}`)}</Row>
      <Row label={t('appointment.status')}>
        <StatusBadge status={appointment.status} />
      </Row>
      <Row label={t('calendar.detail.history')}>
        <History appointment={appointment} />
      </Row>
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** When it was booked, and who cancelled or marked it, when — with the clinic's message. */
function History({ appointment }: { appointment: StaffAppointmentDetail }) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  const when = (iso: string) => format.dateTime(iso, zone);
  const lines: ReactNode[] = [`${t('calendar.detail.booked')} ${when(appointment.createdAt)}`];
  if (appointment.cancelledAt) {
    lines.push(
      t(
        appointment.cancelledBy === 'clinic'
          ? 'calendar.detail.cancelledByClinic'
          : appointment.cancelledBy === 'patient'
            ? 'calendar.detail.cancelledByPatient'
            : 'calendar.detail.cancelledAt',
        { when: when(appointment.cancelledAt) },
      ),
    );
  }
  if (appointment.cancellationMessage) {
    lines.push(
      <>
        <span className="block">{t('calendar.detail.messageSent')}</span>
        <span className="cal-history__message details__comment">
          {appointment.cancellationMessage}
        </span>
      </>,
    );
  }
  if (appointment.statusChangedAt && appointment.status !== 'booked') {
    const status = t(statusKey(appointment.status));
    const by = appointment.statusChangedBy;
    const at = when(appointment.statusChangedAt);
    lines.push(
      by
        ? t('calendar.detail.markedBy', {
            status,
            when: at,
            name: by.name?.trim() || t('calendar.detail.someStaff'),
          })
        : // No one: the system marked it (a video appointment nobody joined).
          t('calendar.detail.markedBySystem', { status, when: at }),
    );
  }
  return (
    <ul className="cal-history" role="list">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
