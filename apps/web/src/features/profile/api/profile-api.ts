import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';
import { meQueryKey } from '../../auth/api/auth-api';
import type { ProfileValues } from '../profile-form';

/** Saves given name, family name and date of birth on the signed-in user; the new `me` is cached. */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileValues) => apiRequest<Me>('/me', { method: 'PATCH', body }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
