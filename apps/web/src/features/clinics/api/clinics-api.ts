import { useQuery } from '@tanstack/react-query';
import { Clinic } from '@visitt/contracts';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api';

const ClinicList = z.array(Clinic);

/** Clinics matching `q` (name or town), those the patient used before first. */
export function useClinicSearch(q: string) {
  return useQuery({
    queryKey: ['clinics', q],
    queryFn: ({ signal }) =>
      apiRequest('/clinics', { query: { q: q || undefined }, schema: ClinicList, signal }),
    placeholderData: (previous) => previous,
  });
}

/** One clinic. */
export function useClinic(clinicId: string | undefined) {
  return useQuery({
    queryKey: ['clinic', clinicId],
    queryFn: ({ signal }) =>
      apiRequest(`/clinics/${encodeURIComponent(clinicId ?? '')}`, { schema: Clinic, signal }),
    enabled: clinicId != null,
    staleTime: 10 * 60_000,
  });
}
