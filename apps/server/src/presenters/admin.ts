import type {
  AdminAppointmentType,
  AdminClinic,
  AdminPractitioner,
  AuditEntry,
  ClinicClosure,
  HoursException,
  InvitationState,
  OutsideAppointment,
  StaffInvitation,
  StaffMember,
  WeeklyHoursBlock,
} from '@visitt/contracts';
import type { Instant, TimeZoneId } from '@visitt/domain';
import type { AdminTypeRow } from '../db/appointment-types';
import type { AuditAppointment, AuditRow } from '../db/audit-log';
import type { BookedAheadRow } from '../db/booked-ahead';
import type { AdminClinicRow } from '../db/clinic-profile';
import type { ClosureRow } from '../db/closures';
import type { ExceptionRow, WeeklyRow } from '../db/hours';
import type { InvitationRow } from '../db/invitations';
import type { ClinicPractitionerRow } from '../db/practitioners';
import type { MemberRow } from '../db/staff-members';
import { zonedFormatter } from '../lib/zoned-format';

export const presentAdminClinic = (c: AdminClinicRow): AdminClinic => ({
  id: c.id,
  name: c.name,
  address: c.address,
  town: c.town,
  timeZone: c.timeZone,
  listed: c.listed,
  requireStrongAuthForVideo: c.requireStrongAuthForVideo,
  language: c.language,
  videoInfo: c.videoInfo,
  phone: c.phone,
});

export function presentStaffMember(m: MemberRow, timeZone: TimeZoneId): StaffMember {
  const format = zonedFormatter(timeZone);
  return {
    userId: m.userId,
    name: m.name,
    email: m.email,
    roles: m.roles,
    active: m.active,
    deactivatedAt: m.deactivatedAt ? format(m.deactivatedAt) : null,
    authenticator: m.authenticator,
    practitioner: m.practitioner,
    since: format(m.createdAt),
  };
}

/** Where an invitation stands at `now`: revoked and accepted stay so; an open one expires. */
export function invitationState(
  i: Pick<InvitationRow, 'revokedAt' | 'acceptedAt' | 'expiresAt'>,
  now: Instant,
): InvitationState {
  if (i.revokedAt !== null) return 'revoked';
  if (i.acceptedAt !== null) return 'accepted';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export function presentInvitation(
  i: InvitationRow,
  timeZone: TimeZoneId,
  now: Instant,
): StaffInvitation {
  const format = zonedFormatter(timeZone);
  return {
    id: i.id,
    email: i.email,
    roles: i.roles,
    practitionerName: i.practitionerName,
    practitionerTitle: i.practitionerTitle,
    practitionerId: i.practitionerId,
    state: invitationState(i, now),
    invitedBy: i.invitedBy,
    createdAt: format(i.createdAt),
    expiresAt: format(i.expiresAt),
  };
}

export const presentAdminPractitioner = (p: ClinicPractitionerRow): AdminPractitioner => ({
  id: p.id,
  name: p.name,
  title: p.title,
  active: p.active,
  userId: p.userId,
});

export const presentAdminType = (t: AdminTypeRow): AdminAppointmentType => ({
  id: t.id,
  name: t.name,
  description: t.description,
  durationMinutes: t.durationMinutes,
  slotStepMinutes: t.slotStepMinutes,
  modality: t.modality,
  minimumNoticeMinutes: t.minimumNoticeMinutes,
  horizonDays: t.horizonDays,
  cancellationDeadlineMinutes: t.cancellationDeadlineMinutes,
  bookableOnline: t.bookableOnline,
  active: t.active,
  practitionerIds: t.practitionerIds,
});

export const presentWeekly = (w: WeeklyRow): WeeklyHoursBlock => ({
  weekday: w.weekday,
  start: w.start,
  end: w.end,
  validFrom: w.validFrom,
  validUntil: w.validUntil,
});

export const presentException = (e: ExceptionRow): HoursException => ({
  date: e.date,
  kind: e.kind,
  start: e.start,
  end: e.end,
  note: e.note,
});

export const presentClosure = (c: ClosureRow): ClinicClosure => ({
  from: c.from,
  to: c.to,
  reason: c.reason,
});

export function presentOutside(
  a: BookedAheadRow & { newlyOutside: boolean },
  timeZone: TimeZoneId,
): OutsideAppointment {
  const format = zonedFormatter(timeZone);
  return {
    id: a.id,
    start: format(a.start),
    end: format(a.end),
    modality: a.modality,
    practitioner: a.practitioner,
    patient: { name: a.patientName },
    appointmentType: a.appointmentType,
    newlyOutside: a.newlyOutside,
  };
}

/** An audit entry on the clinic's clock; a read of a list with every record it named. */
export function presentAuditEntry(e: AuditRow, timeZone: TimeZoneId): AuditEntry {
  const format = zonedFormatter(timeZone);
  const appointmentOf = (a: AuditAppointment | null) =>
    a ? { start: format(a.start), practitioner: a.practitioner } : null;
  return {
    id: e.id,
    at: format(e.at),
    actor: e.actor,
    role: e.role,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    appointment: appointmentOf(e.appointment),
    listed: e.listed
      ? e.listed.map((x) => ({ id: x.id, appointment: appointmentOf(x.appointment) }))
      : null,
    person: e.person,
    ip: e.ip,
    details: e.details,
  };
}
