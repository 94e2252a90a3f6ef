import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Guest, GuestList, InviteGuestBody, InvitedGuest } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

const path = (appointmentId: string) =>
  `/staff/appointments/${encodeURIComponent(appointmentId)}/guests`;
const guestPath = (appointmentId: string, guestId: string) =>
  `${path(appointmentId)}/${encodeURIComponent(guestId)}`;

export const guestsKey = (appointmentId: string) => ['guests', appointmentId] as const;

/**
 * The guests of `appointmentId`, revoked and removed ones included (the appointment's
 * practitioner only: an administrator is refused with 403 `forbidden`, anyone else 404). Each
 * read is audited, so it is not read again on every focus.
 */
export function useGuests(appointmentId: string, enabled = true) {
  return useQuery({
    queryKey: guestsKey(appointmentId),
    queryFn: () => apiRequest<GuestList>(path(appointmentId)),
    enabled,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** `guest` in place of its old self in the cached list (kept until the list is read again). */
function useReplaceGuest(appointmentId: string) {
  const queryClient = useQueryClient();
  return async (guest: Guest) => {
    queryClient.setQueryData<GuestList>(guestsKey(appointmentId), (list) =>
      list?.map((other) => (other.id === guest.id ? guest : other)),
    );
    await queryClient.invalidateQueries({ queryKey: guestsKey(appointmentId) });
  };
}

/**
 * Invites a guest. With `email` or `phone` the server sends the link there; the answer carries
 * the link either way (the only time it is shown). Fails with `too_many_guests` (409),
 * `channel_unavailable` (503), `sms_country_not_allowed` (422), `validation_failed` (400),
 * `not_video`, `already_cancelled` or `too_late`.
 */
export function useInviteGuest(appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteGuestBody) =>
      apiRequest<InvitedGuest>(path(appointmentId), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsKey(appointmentId) }),
  });
}

/** Revokes a guest's link for good; a guest who has been in the call is removed from it. */
export function useRevokeGuest(appointmentId: string) {
  const replaceGuest = useReplaceGuest(appointmentId);
  return useMutation({
    mutationFn: (guestId: string) =>
      apiRequest<Guest>(guestPath(appointmentId, guestId), { method: 'DELETE' }),
    onSuccess: replaceGuest,
  });
}

/**
 * Lets a waiting guest into the call. Fails with 409 `not_in_call` unless the practitioner is
 * in the call, `guest_not_waiting` unless the guest waits in the room.
 */
export function useAdmitGuest(appointmentId: string) {
  const replaceGuest = useReplaceGuest(appointmentId);
  return useMutation({
    mutationFn: (guestId: string) =>
      apiRequest<Guest>(`${guestPath(appointmentId, guestId)}/admit`, { method: 'POST' }),
    onSuccess: replaceGuest,
  });
}
