import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useNavigate } from '../../../lib/router';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { joinVideoAsPractitioner, roomStateWithJoin } from '../../video/api/video-api';
import { claimReadied, handOver, unclaim } from '../../video/call/warm-calls';

/**
 * **Gå inn i videorommet**: joins (`POST …/video/join`) and opens the room. With a connection
 * readied while the patient waited, camera and microphone start at the press, and the call goes
 * on that connection as soon as the server has let the practitioner in (decision 0027).
 */
export function JoinRoomButton({
  appointmentId,
  describedBy,
}: {
  appointmentId: string;
  describedBy?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const errorId = useId();
  const join = useMutation({
    mutationFn: async () => {
      const readied = claimReadied(appointmentId);
      // Camera and microphone start while the server lets us in; the room page opens after
      // both, so the page's drawing does not hold them up.
      const [joined] = await Promise.all([
        joinVideoAsPractitioner(appointmentId),
        readied?.startMedia(),
      ]);
      return joined;
    },
    onError: () => unclaim(appointmentId),
    onSuccess: async (result) => {
      handOver(result.appointmentId);
      await navigate(`/arbeidsflate/video/${encodeURIComponent(result.appointmentId)}`, {
        state: roomStateWithJoin(result),
      });
    },
  });
  return (
    <div className="join-room">
      <Button
        variant="start"
        icon="video"
        isBusy={join.isPending}
        onClick={() => {
          if (!join.isPending) join.mutate();
        }}
        aria-describedby={
          [join.isError ? errorId : '', describedBy ?? ''].join(' ').trim() || undefined
        }
      >
        {join.isPending ? t('workspace.joining') : t('workspace.join')}
      </Button>
      {join.isError ? (
        <p id={errorId} className="field__error" role="alert">
          {errorMessage(join.error)}
        </p>
      ) : null}
    </div>
  );
}
