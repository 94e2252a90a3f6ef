import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  keepPreviousData,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  AdminClinic,
  AuditActors,
  AuditPage,
  NotificationSettings,
  StaffInvitation,
  StaffMember,
  StaffOverview,
} from '@visitt/contracts';
import {
  type InviteStaffBody,
  type UpdateClinicBody,
  type UpdateStaffBody,
} from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';
import { meQueryKey } from '../../auth/api/auth-api';
import { auditQuery, type AuditFilters } from '../audit-filters';

/** Every query of one clinic's administration starts with this key. */
export const adminQueryKey = (clinicId: string) => ['admin', clinicId] as const;

const clinicPath = (clinicId: string) => `/admin/clinics/${clinicId}`;

// ------------------------------------------------------------------------------- profile

export const adminClinicQueryKey = (clinicId: string) =>
  [...adminQueryKey(clinicId), 'profile'] as const;

/** The clinic's profile (name, address, town, time zone, listing, strong sign-in for video). */
export function useAdminClinic(clinicId: string) {
  return useQuery({
    queryKey: adminClinicQueryKey(clinicId),
    queryFn: ({ signal }) => apiRequest<AdminClinic>(clinicPath(clinicId), { signal }),
  });
}

/**
 * Replaces the clinic's profile. Rejects with 409 `hours_conflict` (read it with
 * `readHoursConflict`) when a new time zone would put booked appointments outside the hours;
 * nothing is saved then, and the same body with `confirm: true` saves anyway.
 */
export function useSaveClinic(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClinicBody) =>
      apiRequest<AdminClinic>(clinicPath(clinicId), { method: 'PUT', body }),
    onSuccess: async (clinic) => {
      queryClient.setQueryData(adminClinicQueryKey(clinicId), clinic);
      // The clinic's name is in `me` (the memberships) and its zone in every admin page.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: adminQueryKey(clinicId) }),
      ]);
    },
  });
}

// ------------------------------------------------------------------------------- staff

export const staffQueryKey = (clinicId: string) => [...adminQueryKey(clinicId), 'staff'] as const;

/** Members with their roles, open (and expired) invitations, and the practitioners. */
export function useStaffOverview(clinicId: string) {
  return useQuery({
    queryKey: staffQueryKey(clinicId),
    queryFn: ({ signal }) => apiRequest<StaffOverview>(`${clinicPath(clinicId)}/staff`, { signal }),
  });
}

/**
 * Invites someone by e-mail (a link valid for 7 days; a new invitation to the same address
 * replaces an open one). Rejects with 409 `already_member` or 503 `channel_unavailable`.
 */
export function useInviteStaff(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteStaffBody) =>
      apiRequest<StaffInvitation>(`${clinicPath(clinicId)}/invitations`, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueryKey(clinicId) }),
  });
}

/** Withdraws an invitation; its link stops working at once. */
export function useRevokeInvitation(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest(`${clinicPath(clinicId)}/invitations/${invitationId}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueryKey(clinicId) }),
  });
}

/** Puts a member as the API answered into the cached staff overview. */
function putMember(queryClient: QueryClient, clinicId: string, saved: StaffMember) {
  queryClient.setQueryData<StaffOverview>(staffQueryKey(clinicId), (overview) =>
    overview
      ? {
          ...overview,
          members: overview.members.map((m) => (m.userId === saved.userId ? saved : m)),
        }
      : overview,
  );
}

/**
 * Changes a member's roles, or deactivates (their sessions end at once) or reactivates them.
 * Rejects with 422 `last_admin` when no active administrator would be left.
 */
export function useUpdateStaff(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateStaffBody }) =>
      apiRequest<StaffMember>(`${clinicPath(clinicId)}/staff/${userId}`, {
        method: 'PATCH',
        body,
      }),
    // At once, not after the refetch: the page moves focus to the member's new buttons.
    onSuccess: (saved) => putMember(queryClient, clinicId, saved),
    onSettled: async () => {
      // Their own roles may have changed: `me` decides what the header and this area show.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: staffQueryKey(clinicId) }),
        queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
      ]);
    },
  });
}

/**
 * Removes a member's authenticator app and recovery codes (a lost phone) and ends their sessions:
 * their next staff sign-in sets up a new app.
 */
export function useResetAuthenticator(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest<StaffMember>(`${clinicPath(clinicId)}/staff/${userId}/authenticator`, {
        method: 'DELETE',
      }),
    onSuccess: (saved) => putMember(queryClient, clinicId, saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueryKey(clinicId) }),
  });
}

// ------------------------------------------------------------------------------- notifications

export const notificationSettingsQueryKey = (clinicId: string) =>
  [...adminQueryKey(clinicId), 'notification-settings'] as const;

/** Which messages the clinic sends, on which channels, and when reminders go out. */
export function useNotificationSettings(clinicId: string) {
  return useQuery({
    queryKey: notificationSettingsQueryKey(clinicId),
    queryFn: ({ signal }) =>
      apiRequest<NotificationSettings>(`${clinicPath(clinicId)}/notification-settings`, {
        signal,
      }),
  });
}

/** Replaces the clinic's notification settings. */
export function useSaveNotificationSettings(clinicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) =>
      apiRequest<NotificationSettings>(`${clinicPath(clinicId)}/notification-settings`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (settings) =>
      queryClient.setQueryData(notificationSettingsQueryKey(clinicId), settings),
  });
}

// ------------------------------------------------------------------------------- audit log

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, page by page (`fetchNextPage` loads older entries). */
export function useAuditLog(clinicId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...adminQueryKey(clinicId), 'audit', filters] as const,
    queryFn: ({ signal, pageParam }) =>
      apiRequest<AuditPage>(`${clinicPath(clinicId)}/audit`, {
        signal,
        query: {
          ...auditQuery(filters),
          limit: String(AUDIT_PAGE_SIZE),
          before: pageParam === null ? undefined : String(pageParam),
        },
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    // A log is read as it stood when opened; new entries come with "Oppdater" or a new filter.
    refetchOnWindowFocus: false,
  });
}

/**
 * People who appear in the log (patients too) whose name or e-mail address contains `q`, at
 * most 20: the choices of the "who" filter. Each search is recorded in the log, so it runs only
 * while `enabled` (the list is open) and keeps earlier answers while the next one loads.
 */
export function useAuditActors(clinicId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...adminQueryKey(clinicId), 'audit-actors', q] as const,
    queryFn: ({ signal }) =>
      apiRequest<AuditActors>(`${clinicPath(clinicId)}/audit/actors`, {
        signal,
        query: { q },
      }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
