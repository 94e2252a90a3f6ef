import { useQuery } from '@tanstack/react-query';
import type { AcceptedInvitation, PublicInvitation } from '@visitt/contracts';
import { type AcceptInvitationBody } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

export const invitationQueryKey = (token: string) => ['invitation', token] as const;

/** What an invitation link is for: the clinic, the roles and whether it still works. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationQueryKey(token),
    queryFn: ({ signal }) =>
      apiRequest<PublicInvitation>(`/invitations/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
}

/** Accepts the invitation as the signed-in user (whose verified e-mail it was sent to). */
export function acceptInvitation(
  token: string,
  body: AcceptInvitationBody,
): Promise<AcceptedInvitation> {
  return apiRequest<AcceptedInvitation>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body,
  });
}
