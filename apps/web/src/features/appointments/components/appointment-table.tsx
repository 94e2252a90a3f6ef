import type { Appointment } from '@visitt/contracts';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { StartVideoButton } from './start-video-button';
import { StatusBadge } from './status-badge';

/**
 * The portal's list of appointments: one row each (date, time, clinic, practitioner, type),
 * with the video icon — **Start videokonsultasjon** — at the right end of a video appointment's row.
 */
export function AppointmentTable({
  appointments,
  caption,
  showStatus = false,
}: {
  appointments: Appointment[];
  caption: string;
  showStatus?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="appointment-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.colDate')}</th>
            <th scope="col">{t('appointments.colTime')}</th>
            <th scope="col">{t('appointments.colClinic')}</th>
            <th scope="col">{t('appointments.colPractitioner')}</th>
            <th scope="col">{t('appointments.colType')}</th>
            <th scope="col" className="appointment-table__video-col">
              {showStatus ? t('appointment.status') : t('appointments.colVideo')}
            </th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((appointment) => {
            const zone = appointment.timeZone;
            return (
              <tr
                key={appointment.id}
                className={appointment.status === 'cancelled' ? 'is-cancelled' : undefined}
              >
                <td>
                  <Link to={`/timer/${appointment.id}`} className="appointment-table__date">
                    {format.longDate(appointment.start, zone)}
                  </Link>
                </td>
                <td className="appointment-table__time">
                  {t('appointment.timeRange', {
                    start: format.time(appointment.start, zone),
                    end: format.time(appointment.end, zone),
                  })}
                </td>
                <td>
                  {appointment.clinic.name}
                  {appointment.clinic.town ? (
                    <span className="muted block">{appointment.clinic.town}</span>
                  ) : null}
                </td>
                <td>
                  {appointment.practitioner.name}
                  {appointment.practitioner.title ? (
                    <span className="muted block">{appointment.practitioner.title}</span>
                  ) : null}
                </td>
                <td>
                  <span className="type-cell">
                    {appointment.modality === 'video' ? (
                      <Icon name="video" size={16} className="muted" />
                    ) : (
                      <Icon name="clinic" size={16} className="muted" />
                    )}
                    {appointment.appointmentType.name}
                  </span>
                </td>
                <td className="appointment-table__video">
                  {showStatus ? (
                    <StatusBadge status={appointment.status} />
                  ) : (
                    <StartVideoButton appointment={appointment} variant="icon" />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
