import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  AccessibilityContact,
  AccessibilityReportBody,
  AccessibilityReportSent,
} from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/** Where this installation takes accessibility reports (the address, or none). */
export function useAccessibilityContact() {
  return useQuery({
    queryKey: ['accessibility-contact'],
    queryFn: ({ signal }) => apiRequest<AccessibilityContact>('/accessibility', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Sends a report to the operator's accessibility contact (e-mailed; nothing is stored). */
export function useSendAccessibilityReport() {
  return useMutation({
    mutationFn: (body: AccessibilityReportBody) =>
      apiRequest<AccessibilityReportSent>('/accessibility/reports', { method: 'POST', body }),
  });
}
