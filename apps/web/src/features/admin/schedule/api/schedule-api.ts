import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminAppointmentType,
  ClinicClosures,
  DeletedAppointmentType,
  OutsideAppointments,
  PractitionerHours,
  SavedClosures,
  SavedHours,
  SlotPreview,
} from '@visitt/contracts';
import {
  type AppointmentTypeBody,
  type PreviewBody,
  type PutClosuresBody,
  type PutHoursBody,
} from '@visitt/contracts';
import { apiRequest } from '../../../../lib/api';
import { adminQueryKey, useStaffOverview } from '../../api/admin-api';

export { useAdminClinic } from '../../api/admin-api';

// Under the admin area's key, so what invalidates a clinic's administration (a new time zone,
// say) refreshes these too. Never under 'me': a 401 here signs the user out in the client.
const scheduleKey = (clinicId: string) => [...adminQueryKey(clinicId), 'schedule'] as const;
const keys = {
  types: (clinicId: string) => [...scheduleKey(clinicId), 'types'] as const,
  hours: (clinicId: string, practitionerId: string) =>
    [...scheduleKey(clinicId), 'hours', practitionerId] as const,
  closures: (clinicId: string) => [...scheduleKey(clinicId), 'closures'] as const,
  outside: (clinicId: string) => [...scheduleKey(clinicId), 'outside'] as const,
  preview: (clinicId: string) => [...scheduleKey(clinicId), 'preview'] as const,
};

const base = (clinicId: string) => `/admin/clinics/${clinicId}`;

/** The clinic's practitioners (with or without a user account), for choosing and ticking. */
export function useClinicPractitioners(clinicId: string) {
  const overview = useStaffOverview(clinicId);
  return { ...overview, data: overview.data?.practitioners };
}

/** Every appointment type of the clinic, inactive ones included. */
export function useAdminTypes(clinicId: string) {
  return useQuery({
    queryKey: keys.types(clinicId),
    queryFn: ({ signal }) =>
      apiRequest<AdminAppointmentType[]>(`${base(clinicId)}/appointment-types`, {
        signal,
      }),
    staleTime: 30_000,
  });
}

/**
 * Creates a type (`typeId` null) or replaces one. Rejects with `validation_failed` (with
 * `issues`) or `unknown_practitioner`.
 */
export function useSaveType(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ typeId, body }: { typeId: string | null; body: AppointmentTypeBody }) =>
      apiRequest<AdminAppointmentType>(
        typeId
          ? `${base(clinicId)}/appointment-types/${typeId}`
          : `${base(clinicId)}/appointment-types`,
        { method: typeId ? 'PUT' : 'POST', body },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.types(clinicId) });
      await queryClient.invalidateQueries({ queryKey: keys.preview(clinicId) });
    },
  });
}

/** Deletes a type; one with appointments is deactivated instead (the answer says which). */
export function useDeleteType(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (typeId: string) =>
      apiRequest<DeletedAppointmentType>(`${base(clinicId)}/appointment-types/${typeId}`, {
        method: 'DELETE',
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.types(clinicId) });
      await queryClient.invalidateQueries({ queryKey: keys.preview(clinicId) });
    },
  });
}

/** A practitioner's saved weekly template and exceptions. */
export function usePractitionerHours(clinicId: string, practitionerId: string | null) {
  return useQuery({
    queryKey: keys.hours(clinicId, practitionerId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<PractitionerHours>(`${base(clinicId)}/practitioners/${practitionerId}/hours`, {
        signal,
      }),
    enabled: practitionerId != null,
    // Refetching while someone edits would only move the ground under the draft.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** After a change of hours or closures: the preview and the list of appointments outside. */
async function refreshAfterChange(
  queryClient: ReturnType<typeof useQueryClient>,
  clinicId: string,
) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.preview(clinicId) }),
    queryClient.invalidateQueries({ queryKey: keys.outside(clinicId) }),
  ]);
}

/**
 * Replaces a practitioner's hours. Rejects with 409 `hours_conflict` (nothing saved; read the
 * appointments with `readHoursConflict`) unless the body has `confirm: true`.
 */
export function useSaveHours(clinicId: string, practitionerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutHoursBody) =>
      apiRequest<SavedHours>(`${base(clinicId)}/practitioners/${practitionerId}/hours`, {
        method: 'PUT',
        body,
      }),
    onSuccess: async (saved) => {
      const { outside: _outside, ...hours } = saved;
      queryClient.setQueryData(keys.hours(clinicId, practitionerId), hours);
      await refreshAfterChange(queryClient, clinicId);
    },
  });
}

/** The clinic's closures. */
export function useClosures(clinicId: string) {
  return useQuery({
    queryKey: keys.closures(clinicId),
    queryFn: ({ signal }) => apiRequest<ClinicClosures>(`${base(clinicId)}/closures`, { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Replaces the clinic's closures; 409 `hours_conflict` as for hours. */
export function useSaveClosures(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutClosuresBody) =>
      apiRequest<SavedClosures>(`${base(clinicId)}/closures`, { method: 'PUT', body }),
    onSuccess: async (saved) => {
      const { outside: _outside, ...closures } = saved;
      queryClient.setQueryData(keys.closures(clinicId), closures);
      await refreshAfterChange(queryClient, clinicId);
    },
  });
}

/** Booked future appointments of the clinic that lie outside their practitioner's hours. */
export function useOutsideHours(clinicId: string) {
  return useQuery({
    queryKey: keys.outside(clinicId),
    queryFn: ({ signal }) =>
      apiRequest<OutsideAppointments>(`${base(clinicId)}/appointments-outside-hours`, {
        signal,
      }),
    staleTime: 30_000,
  });
}

export interface PreviewRequest {
  practitionerId: string;
  appointmentTypeId: string;
  /** Any date of the week (its Monday, here). */
  week: string;
  /** Proposed hours and closures (the draft); the saved ones when left out. */
  hours?: PreviewBody['hours'];
  closures?: PreviewBody['closures'];
  openHolidays?: PreviewBody['openHolidays'];
}

/**
 * A week as patients would see it: the saved hours (GET), or proposed ones (POST) when the
 * request carries a draft. The last answer stays on screen while the next one loads.
 */
export function useSlotPreview(clinicId: string, request: PreviewRequest | null) {
  return useQuery({
    queryKey: [...keys.preview(clinicId), request],
    queryFn: ({ signal }) => {
      const { practitionerId, appointmentTypeId, week, hours, closures, openHolidays } = request!;
      const path = `${base(clinicId)}/practitioners/${practitionerId}/preview`;
      if (hours === undefined && closures === undefined && openHolidays === undefined)
        return apiRequest<SlotPreview>(path, {
          query: { appointmentTypeId, week },
          signal,
        });
      const body: PreviewBody = {
        appointmentTypeId,
        week,
        ...(hours ? { hours } : {}),
        ...(closures ? { closures } : {}),
        ...(openHolidays ? { openHolidays } : {}),
      };
      return apiRequest<SlotPreview>(path, { method: 'POST', body, signal });
    },
    enabled: request != null,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
