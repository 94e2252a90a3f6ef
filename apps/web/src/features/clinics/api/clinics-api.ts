import { useQuery } from '@tanstack/react-query';
import type { Clinic } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/** Clinics matching `q` (name or town), those the patient used before first. */
export function useClinicSearch(q: string) {
  return useQuery({
    queryKey: ['clinics', q],
    queryFn: ({ signal }) =>
      apiRequest<Clinic[]>('/clinics', { query: { q: q || undefined }, signal }),
    placeholderData: (previous) => previous,
  });
}

/** One clinic. */
export function useClinic(clinicId: string | undefined) {
  return useQuery({
    queryKey: ['clinic', clinicId],
    queryFn: ({ signal }) =>
      apiRequest<Clinic>(`/clinics/${encodeURIComponent(clinicId ?? '')}`, { signal }),
    enabled: clinicId != null,
    staleTime: 10 * 60_000,
  });
}
