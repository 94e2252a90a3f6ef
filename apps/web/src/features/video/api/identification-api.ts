import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IdentificationMethod, IdentificationStatus } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

const path = (appointmentId: string) =>
  `/staff/appointments/${encodeURIComponent(appointmentId)}/identification`;

export const identificationKey = (appointmentId: string) =>
  ['identification', appointmentId] as const;

/**
 * How the patient of `appointmentId` was identified, and whether the practitioner must still be
 * asked before ending (the practitioner's side only; each read is audited, so read once).
 */
export function useIdentification(appointmentId: string, enabled = true) {
  return useQuery({
    queryKey: identificationKey(appointmentId),
    queryFn: () => apiRequest<IdentificationStatus>(path(appointmentId)),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Records (or corrects) how the patient was identified. */
export function useRecordIdentification(appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (method: IdentificationMethod) =>
      apiRequest<IdentificationStatus>(path(appointmentId), { method: 'PUT', body: { method } }),
    onSuccess: (status) => queryClient.setQueryData(identificationKey(appointmentId), status),
  });
}
