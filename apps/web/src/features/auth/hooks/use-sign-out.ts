import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout, meQueryKey } from '../api/auth-api';

/** Signs out, forgets everything cached for the user and goes home. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'outbox' });
      queryClient.setQueryData(meQueryKey, null);
      await navigate('/');
    },
  });
}
