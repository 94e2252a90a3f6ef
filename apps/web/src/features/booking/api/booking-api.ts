import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Appointment, AppointmentType, Practitioner, SlotList } from '@visitt/contracts';
import { type BookAppointmentBody, type Modality } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';
import { monthRange } from '../../../lib/calendar-dates';

/** Practitioners of the clinic with a free time of `modality`. */
export function usePractitioners(clinicId: string, modality: Modality) {
  return useQuery({
    queryKey: ['practitioners', clinicId, modality],
    queryFn: ({ signal }) =>
      apiRequest<Practitioner[]>(`/clinics/${clinicId}/practitioners`, {
        query: { modality },
        signal,
      }),
  });
}

/** Appointment types the practitioner offers online in `modality`. */
export function useAppointmentTypes(clinicId: string, practitionerId: string, modality: Modality) {
  return useQuery({
    queryKey: ['appointment-types', clinicId, practitionerId, modality],
    queryFn: ({ signal }) =>
      apiRequest<AppointmentType[]>(`/clinics/${clinicId}/appointment-types`, {
        query: { practitionerId, modality },
        signal,
      }),
  });
}

export const slotsQueryKey = (clinicId: string) => ['slots', clinicId] as const;

/**
 * Free slots in one month on the clinic's clock (one request per month keeps each under the
 * API's 62-day limit). Refetched when the window regains focus, since others book too.
 */
export function useMonthSlots(
  params: { clinicId: string; practitionerId: string; appointmentTypeId: string },
  month: string,
  timeZone: string | undefined,
) {
  return useQuery({
    queryKey: [
      ...slotsQueryKey(params.clinicId),
      params.practitionerId,
      params.appointmentTypeId,
      month,
      timeZone,
    ],
    queryFn: ({ signal }) => {
      const { from, to } = monthRange(month, timeZone ?? 'Europe/Oslo');
      return apiRequest<SlotList>(`/clinics/${params.clinicId}/slots`, {
        query: {
          practitionerId: params.practitionerId,
          appointmentTypeId: params.appointmentTypeId,
          from,
          to,
        },
        signal,
      });
    },
    enabled: timeZone != null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** Books a slot. The caller handles `slot_taken` and the other refusals. */
export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookAppointmentBody) =>
      apiRequest<Appointment>('/appointments', { method: 'POST', body }),
    onSuccess: async (appointment) => {
      queryClient.setQueryData(['appointment', appointment.id], appointment);
      await queryClient.invalidateQueries({ queryKey: ['appointments'] });
      await queryClient.invalidateQueries({ queryKey: slotsQueryKey(appointment.clinic.id) });
      await queryClient.invalidateQueries({ queryKey: ['practitioners', appointment.clinic.id] });
    },
    // Whatever the refusal, the free times shown next must be fresh (someone else may have
    // booked): refetch them now, although no page shows them at this moment, so the time step
    // never flashes the taken time.
    onError: () => queryClient.invalidateQueries({ queryKey: ['slots'], refetchType: 'all' }),
  });
}
