import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffAppointmentList } from '@visitt/contracts';
import { type StaffAppointment } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/**
 * The prefix of every list of the practitioner's appointments in the cache (the workspace's days,
 * the calendar's days and weeks); live updates reach them all, and an action refreshes them all.
 */
export const staffAppointmentsKey = ['staff-appointments'] as const;

/** The prefix of every appointment's details as staff see them; live room updates reach these too. */
export const staffAppointmentDetailsKey = ['staff-appointment'] as const;

/** One appointment's details as staff see them. */
export const staffAppointmentKey = (id: string) => [...staffAppointmentDetailsKey, id] as const;

/** The query of one day's list (`date`, or today when null): its key and how it is read. */
function dayQuery(date: string | null) {
  return queryOptions({
    queryKey: [...staffAppointmentsKey, date ?? 'today'],
    queryFn: ({ signal }) =>
      apiRequest<StaffAppointmentList>('/staff/appointments', {
        query: { date: date ?? undefined },
        signal,
      }),
  });
}

/**
 * The signed-in practitioner's appointments of `date` (`YYYY-MM-DD` on the clinic's calendar),
 * or of today when null. Live room changes arrive over the socket (use-workspace-live); the
 * minute poll only catches what a lost socket missed.
 */
export function useStaffAppointments(date: string | null) {
  return useQuery({ ...dayQuery(date), refetchInterval: 60_000 });
}

/**
 * Today's list (the clinic's today, as the server tells it) for the waiting alerts of the whole
 * staff area. It is the workspace's own today, under the same key, so one read serves both. Each
 * read is audited, so it is not polled: room changes, bookings and reconnects come over the
 * socket, and on the workspace its minute poll keeps it fresh. A list read in the last minute is
 * taken as it is, so the alerts and the workspace opening together do not read it twice.
 */
export function useTodayAppointments() {
  return useQuery({ ...dayQuery(null), staleTime: 60_000 });
}

/** Sends a short status to the patient in the waiting room and keeps it in the day list. */
export function useSendStatus(appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest(`/staff/appointments/${encodeURIComponent(appointmentId)}/video/status`, {
        method: 'POST',
        body: { text },
      }),
    onSuccess: (_nothing, text) => {
      const statusMessage = { text, at: new Date().toISOString() };
      queryClient.setQueriesData<StaffAppointment[]>({ queryKey: staffAppointmentsKey }, (list) =>
        list?.map((a) =>
          a.id === appointmentId && a.video
            ? { ...a, video: { ...a.video, room: { ...a.video.room, statusMessage } } }
            : a,
        ),
      );
    },
  });
}

/**
 * Answers the patient's request to come in instead; the patient gets the answer as a message.
 * Every list and the appointment's details are read again, so all show it answered.
 */
export function useAnswerInPersonRequest(appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest<StaffAppointment>(
        `/staff/appointments/${encodeURIComponent(appointmentId)}/in-person-request/answer`,
        { method: 'POST', body: { text } },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffAppointmentsKey }),
        queryClient.invalidateQueries({ queryKey: staffAppointmentKey(appointmentId) }),
      ]),
  });
}
