import type { StaffAppointment } from '@visitt/contracts';
import { useId } from 'react';
import { Icon } from '../../../components/ui/icon';
import { StatusBadge } from '../../appointments/components/status-badge';
import { BirthDate } from '../../profile/components/birth-date';
import { useFormat, useT } from '../../../i18n';
import { localDateOf } from '../../../lib/dates';
import { canJoin, patientName, roomState } from '../room-state';
import { isLongWait, minutesWaited } from '../waiting';
import { JoinRoomButton } from './join-room-button';
import { RoomBadge } from './room-badge';
import { InPersonRequestBox } from './in-person-request-box';
import { StatusSender } from './status-sender';

/** The id of an appointment's row, for links from the "waiting" summary. */
export const rowId = (appointmentId: string) => `time-${appointmentId}`;

/**
 * One appointment of the day: time, patient, type and modality, the patient's comment, and for
 * video the live room state — highlighted while the patient waits, more strongly after a long
 * wait ("Har ventet i 6 min"), with **Gå inn i videorommet** and the status messages.
 */
export function WorkspaceRow({
  appointment,
  day,
  now,
}: {
  appointment: StaffAppointment;
  /** The list's day (`YYYY-MM-DD`): a room open across midnight shows its own date. */
  day: string;
  now: number;
}) {
  const t = useT();
  const format = useFormat();
  const ids = { name: useId(), state: useId() };
  const zone = appointment.timeZone;
  const state = roomState(appointment, now);
  const name = patientName(appointment.patient, t('workspace.patientUnknown'));
  const contact = [appointment.patient.email, appointment.patient.phone].filter(
    (value): value is string => value != null && value !== name,
  );
  const isJoinable = canJoin(appointment, now);
  const longWaitMinutes = isLongWait(appointment, now) ? minutesWaited(appointment, now) : null;

  return (
    <li
      id={rowId(appointment.id)}
      className={`ws-row ws-row--${state}${longWaitMinutes !== null ? ' ws-row--long-wait' : ''}`}
      tabIndex={-1}
    >
      <article className="ws-row__body" aria-labelledby={ids.name}>
        <p className="ws-row__time">
          {localDateOf(appointment.start, zone) === day ? null : (
            <span className="ws-row__date">{format.shortDate(appointment.start, zone)} </span>
          )}
          {t('appointment.timeRange', {
            start: format.time(appointment.start, zone),
            end: format.time(appointment.end, zone),
          })}
        </p>
        <div className="ws-row__main">
          <h3 id={ids.name} className="ws-row__name">
            {name}
            {appointment.patient.birthDate ? (
              <>
                {' '}
                <BirthDate date={appointment.patient.birthDate} className="ws-row__born" />
              </>
            ) : null}
          </h3>
          <p className="ws-row__type">
            <Icon name={appointment.modality === 'video' ? 'video' : 'clinic'} size={18} />
            <span>
              {appointment.appointmentType.name}
              <span className="muted"> · {t(`modality.${appointment.modality}`)}</span>
            </span>
          </p>
          {contact.length > 0 ? (
            <p className="ws-row__contact muted">
              <span className="visually-hidden">{t('workspace.contact')}: </span>
              {contact.join(' · ')}
            </p>
          ) : null}
          {appointment.comment ? (
            <div className="ws-row__comment">
              <p className="ws-row__label">{t('workspace.comment')}</p>
              <p className="details__comment">{appointment.comment}</p>
            </div>
          ) : null}
          <InPersonRequestBox appointment={appointment} />
        </div>
        <div className="ws-row__state">
          {appointment.status === 'booked' ? null : <StatusBadge status={appointment.status} />}
          <RoomBadge
            appointment={appointment}
            state={state}
            id={ids.state}
            longWaitMinutes={longWaitMinutes}
          />
        </div>
        {isJoinable ? (
          <div className="ws-row__actions">
            <JoinRoomButton appointmentId={appointment.id} describedBy={ids.state} />
            {state === 'waiting' || state === 'reconnecting' ? (
              <StatusSender appointment={appointment} />
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
