import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useNavigate } from '../../../lib/router';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { joinVideoAsPractitioner, roomStateWithJoin } from '../../video/api/video-api';

/** **Gå inn i videorommet**: joins (`POST …/video/join`) and opens the room. */
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
    mutationFn: () => joinVideoAsPractitioner(appointmentId),
    onSuccess: async (result) => {
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
