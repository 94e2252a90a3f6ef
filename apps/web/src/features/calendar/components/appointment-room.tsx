import type { StaffAppointmentDetail } from '@visitt/contracts';
import { canInviteGuest, hasVideoRoom, instant } from '@visitt/domain';
import { useId } from 'react';
import { useT } from '../../../i18n';
import { GuestsSection } from '../../guests/components/guests-section';
import { IdentificationSection } from '../../video/components/identification-dialog';
import { ConsultationRecordLinks } from './consultation-record-links';
import { JoinRoomButton } from '../../workspace/components/join-room-button';
import { RoomBadge } from '../../workspace/components/room-badge';
import { canJoin, roomState } from '../../workspace/room-state';

/**
 * The video room of a video appointment, live: its state ("Venter i videorommet", "Åpner kl.
 * 08:45" …) and, once the patient has started, **Gå inn i videorommet** as in the workspace, and
 * how the patient was identified, and the consultation record for the journal. Its guests at any
 * time (they may be invited days ahead), until the room has closed.
 */
export function AppointmentRoom({
  appointment,
  now,
}: {
  appointment: StaffAppointmentDetail;
  now: number;
}) {
  const t = useT();
  const ids = { heading: useId(), state: useId() };
  if (!appointment.video || !hasVideoRoom(appointment).ok) return null;
  const state = roomState(appointment, now);
  // Whether the window still allows inviting; how many guests there are is the section's part.
  const canInvite = canInviteGuest(
    {
      status: appointment.status,
      modality: appointment.modality,
      start: instant(Date.parse(appointment.start)),
    },
    0,
    instant(now),
  ).ok;

  return (
    <section className="card video-panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="section__title">
        {t('calendar.room.heading')}
      </h2>
      <RoomBadge
        appointment={appointment}
        state={state}
        id={ids.state}
        className="ws-room cal-room__state"
      />
      {canJoin(appointment, now) ? (
        <JoinRoomButton appointmentId={appointment.id} describedBy={ids.state} />
      ) : state === 'opens' || state === 'open' ? (
        <p className="note">{t('calendar.room.noJoinYet')}</p>
      ) : null}
      {/* Once the patient has started: how they were identified, recorded or corrected. */}
      {appointment.video.room.startedAt != null && appointment.status !== 'cancelled' ? (
        <IdentificationSection appointmentId={appointment.id} timeZone={appointment.timeZone} />
      ) : null}
      {appointment.video.room.startedAt != null ? (
        <ConsultationRecordLinks appointmentId={appointment.id} />
      ) : null}
      {appointment.status !== 'cancelled' ? (
        <GuestsSection appointmentId={appointment.id} canInvite={canInvite} />
      ) : null}
    </section>
  );
}
