import type { StaffAppointment } from '@visitt/contracts';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import type { RoomStateKind } from '../room-state';

/**
 * The live state of a video appointment's room ("Venter i videorommet", "Åpner kl. 08:45" …),
 * with since when the patient has waited, and for how long when it has been long
 * (`longWaitMinutes`: "Har ventet i 6 min"); nothing for an appointment without a room to show.
 * `id` lets **Gå inn i videorommet** point to it.
 */
export function RoomBadge({
  appointment,
  state,
  id,
  className = 'ws-room',
  longWaitMinutes = null,
}: {
  appointment: StaffAppointment;
  state: RoomStateKind;
  id: string;
  className?: string;
  longWaitMinutes?: number | null;
}) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  const video = appointment.video;
  if (!video || state === 'none' || state === 'cancelled') return null;
  const label =
    state === 'opens'
      ? t('workspace.room.opensAt', { time: format.time(video.opensAt, zone) })
      : state === 'open'
        ? t('workspace.room.open')
        : state === 'not_started'
          ? t('workspace.room.notStarted')
          : t(`workspace.room.${state}`);
  return (
    <p id={id} className={className}>
      <span className={`room-badge room-badge--${state}`}>
        {state === 'waiting' ? <span className="room-badge__dot" aria-hidden="true" /> : null}
        <span className="visually-hidden">{t('workspace.videoRoom')}: </span>
        {label}
      </span>
      {video.room.startedAt && (state === 'waiting' || state === 'reconnecting') ? (
        <span className="ws-room__since">
          {t('workspace.startedAt', { time: format.time(video.room.startedAt, zone) })}
        </span>
      ) : null}
      {longWaitMinutes !== null ? (
        <span className="ws-room__long-wait">
          <Icon name="alert" size={16} />
          {t('workspace.longWait', { minutes: longWaitMinutes })}
        </span>
      ) : null}
    </p>
  );
}
