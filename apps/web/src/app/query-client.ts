import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../features/auth/api/auth-api';
import { isApiError } from '../lib/api';

/**
 * The one query client. When any call answers 401 the session is gone: forgetting the user makes
 * the protected pages send the patient to sign in (and back to where they were).
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 'unauthorized') && query.queryKey[0] !== meQueryKey[0])
          client.setQueryData(meQueryKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error, 'unauthorized')) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 &&
          (!isApiError(error) || error.code === 'network' || error.status >= 500),
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}
