import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Appointment, AppointmentList } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/** All the patient's appointments; the client splits them into upcoming and past. */
export function useMyAppointments() {
  return useQuery({
    queryKey: ['appointments', 'all'],
    queryFn: ({ signal }) =>
      apiRequest<AppointmentList>('/me/appointments', { query: { scope: 'all' }, signal }),
    staleTime: 30_000,
  });
}

/** One appointment of the patient. */
export function useAppointment(id: string | undefined) {
  return useQuery({
    queryKey: ['appointment', id],
    queryFn: ({ signal }) =>
      apiRequest<Appointment>(`/appointments/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id != null,
  });
}

/** Cancels the appointment (within the clinic's deadline). */
export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<Appointment>(`/appointments/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
      }),
    onSuccess: async (appointment) => {
      queryClient.setQueryData(['appointment', appointment.id], appointment);
      await queryClient.invalidateQueries({ queryKey: ['appointments'] });
      await queryClient.invalidateQueries({ queryKey: ['slots', appointment.clinic.id] });
    },
  });
}

/** The link that downloads the appointment as an iCalendar file. */
export function calendarFileUrl(id: string): string {
  return `/api/v1/appointments/${encodeURIComponent(id)}/calendar.ics`;
}
