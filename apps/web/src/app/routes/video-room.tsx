import type { RoomRole } from '@visitt/contracts';
import { useCallback } from 'react';
import { useLocation, useNavigate, useParams } from '../../lib/router';
import {
  endedByFrom,
  endedStartFrom,
  freshJoinFrom,
  roomStateEnded,
  useVideoJoin,
} from '../../features/video/api/room-join';
import {
  CallFailure,
  EndedScreen,
  failureCodeOf,
  RoomLoading,
  VideoRoom,
} from '../../features/video/components/video-room';

/** `/timer/:id/video`: the patient's video room. */
export function PatientVideoPage() {
  return <VideoRoomPage role="patient" backTo="/timer" />;
}

/** `/arbeidsflate/video/:id`: the practitioner's side of the same room. */
export function PractitionerVideoPage() {
  return <VideoRoomPage role="practitioner" backTo="/arbeidsflate" />;
}

/**
 * Enters the room with the join handed over by the previous page, or asks for it (start for
 * the patient, join for the practitioner) when opened from a link or reloaded — so a reload
 * rejoins the same call by itself. Once the call is over the end screen stays, reload or not.
 */
function VideoRoomPage({ role, backTo }: { role: RoomRole; backTo: string }) {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const endedBy = endedByFrom(location.state);
  const join = useVideoJoin(role, endedBy ? undefined : id, freshJoinFrom(location.state, id));
  const { pathname } = location;

  const handleEnded = useCallback(
    (by: RoomRole, start: string) =>
      void navigate(pathname, { replace: true, state: roomStateEnded(by, start) }),
    [navigate, pathname],
  );
  // Without the ended state the page asks for the way in again (start or join), as on a reload.
  const handleRejoin = useCallback(
    () => void navigate(pathname, { replace: true, state: null }),
    [navigate, pathname],
  );

  if (endedBy)
    return (
      <EndedScreen
        by={endedBy}
        role={role}
        start={endedStartFrom(location.state)}
        backTo={backTo}
        onRejoin={handleRejoin}
        appointmentId={id}
      />
    );
  if (join.isError)
    return (
      <CallFailure
        code={failureCodeOf(join.error)}
        role={role}
        backTo={backTo}
        onRetry={() => void join.refetch()}
      />
    );
  if (!join.data) return <RoomLoading />;
  return <VideoRoom join={join.data} backTo={backTo} onEnded={handleEnded} />;
}
