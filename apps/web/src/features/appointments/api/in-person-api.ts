import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InPersonRequest, VideoInfo } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

const videoInfoKey = (appointmentId: string) => ['video-info', appointmentId] as const;

/**
 * What the patient reads before the waiting room (the clinic's text, or null for the standard
 * one) and their request to come in instead, with the clinic's answer.
 */
export function useVideoInfo(appointmentId: string, isEnabled = true) {
  return useQuery({
    queryKey: videoInfoKey(appointmentId),
    queryFn: ({ signal }) =>
      apiRequest<VideoInfo>(`/appointments/${appointmentId}/video/info`, { signal }),
    enabled: isEnabled,
  });
}

/** "Be om oppmøte i stedet": sends the request; the information step shows it at once. */
export function useRequestInPerson(appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest<InPersonRequest>(`/appointments/${appointmentId}/in-person-request`, {
        method: 'POST',
        body: reason.trim() ? { reason } : {},
      }),
    onSuccess: (request) =>
      queryClient.setQueryData<VideoInfo>(videoInfoKey(appointmentId), (info) =>
        info ? { ...info, inPersonRequest: request } : info,
      ),
  });
}
