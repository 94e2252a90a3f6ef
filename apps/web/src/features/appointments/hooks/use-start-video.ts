import { useMutation } from '@tanstack/react-query';
import type { Appointment } from '@visitt/contracts';
import { useNavigate } from '../../../lib/router';
import { roomStateWithJoin, startVideo } from '../../video/api/video-api';

/**
 * Starts the video consultation of an appointment (`POST …/video/start`, which also tells the
 * practitioner) and goes into its video room, handing over what the room needs to join. A
 * refusal (`too_early`, `too_late`, `not_video`, `not_allowed`) stays on the mutation as `error`.
 */
export function useStartVideo() {
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: (appointment: Pick<Appointment, 'id'>) => startVideo(appointment.id),
    onSuccess: async (join) => {
      await navigate(`/timer/${encodeURIComponent(join.appointmentId)}/video`, {
        state: roomStateWithJoin(join),
      });
    },
  });
  return {
    start: (appointment: Pick<Appointment, 'id'>) => {
      if (!mutation.isPending) mutation.mutate(appointment);
    },
    isPending: mutation.isPending,
    error: mutation.error,
  };
}
