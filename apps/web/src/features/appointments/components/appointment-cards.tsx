import type { Appointment } from '@visitt/contracts';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { useNow } from '../../../lib/use-now';
import { videoState } from '../appointment-state';
import { StartVideoButton } from './start-video-button';
import { StatusBadge } from './status-badge';

/**
 * The app's list of appointments: a card each, opening the appointment. A video consultation
 * that can be started now carries **Start videokonsultasjon** on its card (below the link, since
 * a button may not sit inside one).
 */
export function AppointmentCards({
  appointments,
  showStatus = false,
}: {
  appointments: Appointment[];
  showStatus?: boolean;
}) {
  const now = useNow(10_000);
  return (
    <ul className="card-list" role="list">
      {appointments.map((appointment) =>
        videoState(appointment, now) === 'open' && appointment.status === 'booked' ? (
          <li key={appointment.id} className="appointment-card-group">
            <AppointmentCard appointment={appointment} showStatus={showStatus} />
            <div className="appointment-card-group__start">
              <StartVideoButton appointment={appointment} variant="full" />
            </div>
          </li>
        ) : (
          <li key={appointment.id}>
            <AppointmentCard appointment={appointment} showStatus={showStatus} />
          </li>
        ),
      )}
    </ul>
  );
}

export function AppointmentCard({
  appointment,
  showStatus = false,
}: {
  appointment: Appointment;
  showStatus?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  return (
    <Link
      to={`/timer/${appointment.id}`}
      className={`appointment-card${appointment.status === 'cancelled' ? ' is-cancelled' : ''}`}
    >
      <span className="appointment-card__when">
        <span className="appointment-card__date">{format.longDate(appointment.start, zone)}</span>
        <span className="appointment-card__time">
          {t('appointment.timeRange', {
            start: format.time(appointment.start, zone),
            end: format.time(appointment.end, zone),
          })}
        </span>
      </span>
      <span className="appointment-card__what">
        <Icon name={appointment.modality === 'video' ? 'video' : 'clinic'} size={18} />
        {appointment.appointmentType.name}
      </span>
      <span className="appointment-card__who">
        {appointment.practitioner.name} · {appointment.clinic.name}
      </span>
      {showStatus || appointment.status !== 'booked' ? (
        <StatusBadge status={appointment.status} />
      ) : null}
      <Icon name="chevronRight" className="appointment-card__chevron" />
    </Link>
  );
}
