import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '../../../lib/router';
import { forgetPushOnThisDevice } from '../../push/forget-push';
import { logout, meQueryKey } from '../api/auth-api';

/**
 * Signs out, forgets everything cached for the user and goes home. This browser stops getting
 * the user's push notifications first (it needs the session), so the next person on a shared
 * computer does not see them.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await forgetPushOnThisDevice();
      return logout();
    },
    onSettled: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'outbox' });
      queryClient.setQueryData(meQueryKey, null);
      await navigate('/');
    },
  });
}
