import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeSent, MyNotifications } from '@visitt/contracts';
import { type ContactCodeBody, type ContactVerifyBody } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';
import { meQueryKey } from '../../auth/api/auth-api';
import type { MessageChannel } from '../contact-format';

// Not under ['me']: a 401 from any query but `me` itself signs the user out in the client
// (app/query-client.ts), and that test looks at the first part of the key.
export const myNotificationsQueryKey = ['my-notifications'] as const;

/** Where and how the signed-in user gets messages: addresses, their choices (with times), push. */
export function useMyNotifications() {
  return useQuery({
    queryKey: myNotificationsQueryKey,
    queryFn: ({ signal }) => apiRequest<MyNotifications>('/me/notifications', { signal }),
    staleTime: 30_000,
  });
}

/**
 * Turns messages on one channel on or off; the server stores the choice with its time (the
 * consent record). Rejects with `contact_not_verified` for an address that is not verified.
 */
export function useSetChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, enabled }: { channel: MessageChannel; enabled: boolean }) =>
      apiRequest<MyNotifications>(`/me/notifications/${channel}`, {
        method: 'PUT',
        body: { enabled },
      }),
    onSuccess: (settings) => queryClient.setQueryData(myNotificationsQueryKey, settings),
  });
}

/**
 * Sends a 6-digit code to a new e-mail address or mobile number (202). Rejects with
 * `reauth_required` when the sign-in is older than 15 minutes, `rate_limited` (with Retry-After)
 * or `channel_unavailable`.
 */
export function requestContactCode(body: ContactCodeBody): Promise<CodeSent> {
  return apiRequest<CodeSent>('/me/contact/code', { method: 'POST', body });
}

/**
 * Makes the new address the user's with the code: verified, and messages to it switched on.
 * Rejects with `invalid_code`, `address_in_use` (another account has it) or `reauth_required`.
 */
export function useVerifyContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactVerifyBody) =>
      apiRequest<MyNotifications>('/me/contact/verify', { method: 'POST', body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(myNotificationsQueryKey, settings);
      // The user's e-mail and phone are in `me` too (the sign-in form, the workspace).
      await queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
    },
  });
}
