import type { StaffAppointmentDetail } from '@visitt/contracts';
import { useId } from 'react';
import { useFormat, useT } from '../../../i18n';
import { JoinRoomButton } from '../../workspace/components/join-room-button';
import { canJoin, roomState } from '../../workspace/room-state';

/**
 * The video room of a video appointment, live: its state ("Venter i videorommet", "Åpner kl.
 * 08:45" …) and, once the patient has started, **Gå inn i videorommet** as in the workspace.
 */
export function AppointmentRoom({
  appointment,
  now,
}: {
  appointment: StaffAppointmentDetail;
  now: number;
}) {
  const t = useT();
  const format = useFormat();
  const ids = { heading: useId(), state: useId() };
  const video = appointment.video;
  if (!video || appointment.status === 'cancelled') return null;
  const zone = appointment.timeZone;
  const state = roomState(appointment, now);
  const label =
    state === 'opens'
      ? t('workspace.room.opensAt', { time: format.time(video.opensAt, zone) })
      : state === 'open'
        ? t('workspace.room.open')
        : state === 'not_started'
          ? t('workspace.room.notStarted')
          : state === 'none' || state === 'cancelled'
            ? null
            : t(`workspace.room.${state}`);

  return (
    <section className="card video-panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="section__title">
        {t('calendar.room.heading')}
      </h2>
      {label ? (
        <p id={ids.state} className="ws-room cal-room__state">
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
        </p>
      ) : null}
      {canJoin(appointment, now) ? (
        <JoinRoomButton appointmentId={appointment.id} describedBy={ids.state} />
      ) : state === 'opens' || state === 'open' ? (
        <p className="note">{t('calendar.room.noJoinYet')}</p>
      ) : null}
    </section>
  );
}
