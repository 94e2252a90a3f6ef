import { Uuid } from '@visitt/contracts';
import type { TranslationKey } from '../../i18n';
import { isLocalDate } from '../../lib/calendar-dates';

/**
 * Actions the log names in words (`admin.audit.actions.<action with _ for .>`); anything else is
 * shown as the API wrote it.
 */
export const KNOWN_AUDIT_ACTIONS = [
  'appointment.create',
  'appointment.read',
  'appointment.cancel',
  'appointment.move',
  'appointment.status',
  'video.start',
  'video.join',
  'video.status',
  'video.phone_switch',
  'video.end',
  'settings.clinic.change',
  'settings.hours.change',
  'settings.closures.change',
  'settings.notifications.change',
  'staff.invite',
  'staff.invitation.accept',
  'staff.invitation.revoke',
  'staff.change',
  'staff.read',
  'audit.read',
  'audit.actors.read',
  'staff.activate',
  'staff.deactivate',
  'appointment_type.create',
  'appointment_type.change',
  'appointment_type.delete',
  'appointment_type.deactivate',
  'contact.verify',
  'appointment.identify',
  'guest.invite',
  'guest.open',
  'guest.admit',
  'guest.revoke',
] as const;
export type KnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

/** What the action filter offers: whole groups (`prefix.*`) and the most asked-for actions. */
export const AUDIT_ACTION_FILTERS = [
  'appointment.*',
  'appointment.read',
  'appointment.create',
  'appointment.cancel',
  'appointment.move',
  'appointment.status',
  'video.*',
  'settings.*',
  'appointment_type.*',
  'staff.*',
] as const;
export type AuditActionFilter = (typeof AUDIT_ACTION_FILTERS)[number];

/** The catalogue key of each action filter's label. */
export const AUDIT_FILTER_LABELS = {
  'appointment.*': 'admin.audit.filterActions.appointment_all',
  'appointment.read': 'admin.audit.filterActions.appointment_read',
  'appointment.create': 'admin.audit.filterActions.appointment_create',
  'appointment.cancel': 'admin.audit.filterActions.appointment_cancel',
  'appointment.move': 'admin.audit.filterActions.appointment_move',
  'appointment.status': 'admin.audit.filterActions.appointment_status',
  'video.*': 'admin.audit.filterActions.video_all',
  'settings.*': 'admin.audit.filterActions.settings_all',
  'appointment_type.*': 'admin.audit.filterActions.appointment_type_all',
  'staff.*': 'admin.audit.filterActions.staff_all',
} as const satisfies Record<AuditActionFilter, TranslationKey>;

const ACTION_LABELS = Object.fromEntries(
  KNOWN_AUDIT_ACTIONS.map((action) => [
    action,
    `admin.audit.actions.${action.replace(/\./g, '_')}`,
  ]),
) as Record<KnownAuditAction, TranslationKey>;

/**
 * The catalogue key naming `action` in words (`settings.clinic.change` →
 * `admin.audit.actions.settings_clinic_change`), or null for an action the client does not know
 * (shown as the API wrote it).
 */
export function auditActionLabel(action: string): TranslationKey | null {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action)
    ? ACTION_LABELS[action as KnownAuditAction]
    : null;
}

/** The filters of the log as they stand in the page's address (`?fra=&til=&handling=&hvem=&gjelder=`). */
export interface AuditFilters {
  /** First day, `YYYY-MM-DD` on the clinic's calendar. */
  from?: string;
  /** Last day (inclusive). */
  to?: string;
  action?: AuditActionFilter;
  actorUserId?: string;
  /** The appointment (or other thing) the entries are about. */
  entityId?: string;
}

const PARAMS = {
  from: 'fra',
  to: 'til',
  action: 'handling',
  actorUserId: 'hvem',
  entityId: 'gjelder',
} as const satisfies Record<keyof AuditFilters, string>;

/** The filters in `params`, leaving out any that are not well formed (a hand-edited address). */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const from = params.get(PARAMS.from);
  const to = params.get(PARAMS.to);
  const action = params.get(PARAMS.action);
  const actor = params.get(PARAMS.actorUserId);
  const entity = params.get(PARAMS.entityId);
  if (isLocalDate(from)) filters.from = from;
  if (isLocalDate(to)) filters.to = to;
  if (action && (AUDIT_ACTION_FILTERS as readonly string[]).includes(action))
    filters.action = action as AuditActionFilter;
  if (actor && Uuid.safeParse(actor).success) filters.actorUserId = actor;
  if (entity && Uuid.safeParse(entity).success) filters.entityId = entity;
  return filters;
}

/** The page's search parameters for `filters` (empty ones left out). */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof AuditFilters)[]) {
    const value = filters[key];
    if (value) params.set(PARAMS[key], value);
  }
  return params;
}

/** The API's query for `filters` (dates are read on the clinic's calendar by the server). */
export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return {
    from: filters.from,
    to: filters.to,
    action: filters.action,
    actorUserId: filters.actorUserId,
    entityId: filters.entityId,
  };
}

/** Whether any filter is set. */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some(Boolean);
}

/** The first block of a UUID, enough to tell entries apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
