import type { StaffAppointment } from '@visitt/contracts';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { StatusBadge } from '../../appointments/components/status-badge';
import { typeWithDuration } from '../../booking/type-label';
import { BirthDate } from '../../profile/components/birth-date';
import { patientName } from '../../workspace/room-state';
import { appointmentHref, durationMinutes, liveMark, type LiveMark } from '../calendar-view';

/** Where the appointment page's "back" goes: the calendar view the entry was opened from. */
export interface FromCalendarState {
  calendar: string;
}

/**
 * One appointment in the calendar: time and patient (the link to its page), type with a video
 * icon, duration, status, and — live — a patient waiting in the video room ("Venter nå").
 */
export function CalendarEntry({
  appointment,
  now,
  from,
  isCompact = false,
}: {
  appointment: StaffAppointment;
  now: number;
  /** The calendar's own URL, so the appointment page can come back to the same view. */
  from: string;
  isCompact?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  const live = liveMark(appointment, now);
  const isVideo = appointment.modality === 'video';
  const minutes = durationMinutes(appointment);
  const state: FromCalendarState = { calendar: from };
  const classes = [
    'cal-entry',
    `cal-entry--${appointment.status}`,
    live ? `cal-entry--${live}` : '',
    isCompact ? 'cal-entry--compact' : '',
  ];

  return (
    <li className={classes.filter(Boolean).join(' ')}>
      <Link to={appointmentHref(appointment.id)} state={state} className="cal-entry__link">
        <span className="cal-entry__time">
          {t('appointment.timeRange', {
            start: format.time(appointment.start, zone),
            end: format.time(appointment.end, zone),
          })}
        </span>{' '}
        <span className="cal-entry__name">
          {patientName(appointment.patient, t('workspace.patientUnknown'))}
        </span>
        {appointment.patient.birthDate && !isCompact ? (
          <>
            {' '}
            <BirthDate date={appointment.patient.birthDate} className="cal-entry__born" />
          </>
        ) : null}
      </Link>
      <p className="cal-entry__what">
        <Icon name={isVideo ? 'video' : 'clinic'} size={16} className="cal-entry__icon" />
        <span>
          <span className="visually-hidden">{t(`modality.${appointment.modality}`)}: </span>
          {typeWithDuration(
            appointment.appointmentType.name,
            minutes,
            t('calendar.duration', { minutes }),
          )}
        </span>
      </p>
      <p className="cal-entry__marks">
        <StatusBadge status={appointment.status} />
        {live ? <LiveBadge mark={live} /> : null}
      </p>
    </li>
  );
}

/** "Venter nå" (pulsing), "I samtale" or "Kobler til igjen". */
function LiveBadge({ mark }: { mark: LiveMark }) {
  const t = useT();
  return (
    <span className={`room-badge room-badge--${mark} cal-entry__live`}>
      {mark === 'waiting' ? <span className="room-badge__dot" aria-hidden="true" /> : null}
      {t(`calendar.live.${mark}`)}
    </span>
  );
}
