import { useQuery } from '@tanstack/react-query';
import type { OutboxList } from '@visitt/contracts';
import { ApiError, apiRequest } from '../../../lib/api';

/** Messages sent in the demo, newest first; null when the installation has no outbox (404). */
async function getOutbox(signal?: AbortSignal) {
  try {
    return await apiRequest<OutboxList>('/dev/outbox', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The demo outbox; `refetchInterval` polls it (for codes that are on their way). */
export function useOutbox(refetchInterval: number | false = false) {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => getOutbox(signal),
    refetchInterval,
    retry: false,
  });
}

/** Whether this installation has the demo outbox (so links to it may be shown). */
export function useHasOutbox(): boolean {
  const { data } = useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => getOutbox(signal),
    staleTime: Infinity,
    retry: false,
  });
  return data != null;
}
