import type { Me } from '@visitt/contracts';
import { useQuery } from '@tanstack/react-query';
import { getMe, meQueryKey } from '../api/auth-api';

/** The signed-in user (`me` null when signed out) and whether that is known yet. */
export function useMe(): { me: Me | null; isLoading: boolean; error: unknown } {
  const query = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
  return { me: query.data ?? null, isLoading: query.isPending, error: query.error };
}
