import type { Appointment } from '@visitt/contracts';
import { useNavigate } from 'react-router';

/**
 * Starts the video consultation of `appointment`: opens its page, where the video room lives.
 * The page receives `{ startVideo: true }` in the location state, so it can enter the room at once.
 */
export function useStartVideo(): (appointment: Pick<Appointment, 'id'>) => void {
  const navigate = useNavigate();
  return (appointment) => {
    void navigate(`/timer/${encodeURIComponent(appointment.id)}`, { state: { startVideo: true } });
  };
}
