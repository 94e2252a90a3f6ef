import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarAppointments,
  StaffAppointment,
  StaffAppointmentDetail,
} from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';
import { slotsQueryKey } from '../../booking/api/booking-api';
import { staffAppointmentKey, staffAppointmentsKey } from '../../workspace/api/workspace-api';
import type { Mark } from '../appointment-actions';

/**
 * The calendar's range in the cache, under the workspace's prefix: the live socket writes room
 * changes into it as into the workspace's day, and an action anywhere refreshes both.
 */
const calendarKey = (from: string, to: string) =>
  [...staffAppointmentsKey, 'range', from, to] as const;

/**
 * The signed-in practitioner's appointments from `from` to `to` (days on the clinic's calendar,
 * both inclusive), with live video state. While the next week loads, the last one stays shown.
 */
export function useCalendar(range: { from: string; to: string }) {
  return useQuery({
    queryKey: calendarKey(range.from, range.to),
    queryFn: ({ signal }) =>
      apiRequest<CalendarAppointments>('/staff/calendar', { query: range, signal }),
    placeholderData: keepPreviousData,
    // Bookings made meanwhile (and on returning to the tab); room changes come over the socket at
    // once. Every read is audited per appointment, so not more often than this.
    refetchInterval: 5 * 60_000,
  });
}

/** One appointment with the patient's contact and comment (each read is audited). */
export function useStaffAppointment(id: string | undefined) {
  return useQuery({
    queryKey: staffAppointmentKey(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<StaffAppointmentDetail>(`/staff/appointments/${encodeURIComponent(id ?? '')}`, {
        signal,
      }),
    enabled: id != null,
  });
}

/** After any change: every list (calendar and workspace) is fetched again. */
function useRefreshLists() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffAppointmentsKey });
}

/**
 * What a page does once an action has succeeded. Given to the hook, not to `mutate`: the form
 * that started the action may be gone by then (a cancelled appointment has none), and `mutate`'s
 * own callbacks do not run for an unmounted form.
 */
export type OnActionDone<T> = (result: T) => void;

/** Marks the appointment completed or no-show (422 `status_too_early` before it begins). */
export function useMarkAppointment(id: string, onDone: OnActionDone<StaffAppointmentDetail>) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (status: Mark) =>
      apiRequest<StaffAppointmentDetail>(`/staff/appointments/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        body: { status },
      }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(staffAppointmentKey(id), detail);
      onDone(detail);
      await refreshLists();
    },
  });
}

/** The clinic cancels with a message to the patient, who is told. */
export function useCancelByClinic(id: string, onDone: OnActionDone<StaffAppointmentDetail>) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (message: string) =>
      apiRequest<StaffAppointmentDetail>(`/staff/appointments/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
        body: { message },
      }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(staffAppointmentKey(id), detail);
      onDone(detail);
      await refreshLists();
      await queryClient.invalidateQueries({ queryKey: slotsQueryKey(detail.clinic.id) });
    },
  });
}

/** Moves the appointment to another free time of its practitioner; the patient is told. */
export function useMoveAppointment(
  appointment: Pick<StaffAppointment, 'id' | 'clinic'>,
  onDone: OnActionDone<StaffAppointment>,
) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  const { id } = appointment;
  return useMutation({
    mutationFn: (start: string) =>
      apiRequest<StaffAppointment>(`/staff/appointments/${encodeURIComponent(id)}/move`, {
        method: 'POST',
        body: { start },
      }),
    onSuccess: async (moved) => {
      onDone(moved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: staffAppointmentKey(id) }),
        refreshLists(),
      ]);
    },
    // Moved or refused, the free times shown must be fresh: someone may have booked meanwhile.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: slotsQueryKey(appointment.clinic.id) }),
  });
}
