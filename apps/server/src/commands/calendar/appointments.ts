import type { CalendarQuery, StaffAppointment, StaffAppointmentDetail } from '@visitt/contracts';
import { canClinicCancel, canMark, planCancellation } from '@visitt/domain';
import { writeAppointmentListRead, writeAppointmentRead, writeAudit } from '../../db/audit';
import {
  findAppointmentHistory,
  lockAppointment,
  markCancelledByClinic,
  markStatus,
} from '../../db/calendar';
import {
  dropPlanned,
  findClinicSettings,
  findUserChannels,
  insertPlanned,
} from '../../db/notifications';
import { withTransaction } from '../../db/pool';
import {
  findStaffAppointment,
  listPractitionerRange,
  type StaffAppointmentRow,
} from '../../db/staff';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import { authorize, authorizeWorkspace } from '../../policies/authorize';
import type { ActingRole } from '../../policies/rules';
import { presentStaffAppointment, presentStaffAppointmentDetail } from '../../presenters/staff';
import { announceAppointmentsChanged } from '../../signaling/messages';

/**
 * The signed-in practitioner's appointments on `from`…`to` (each clinic's calendar), across every
 * clinic where they practise, with live video room state; the read is audited as one row per clinic naming its appointments.
 * Someone who practises nowhere gets 403.
 */
export async function readCalendar(
  ctx: SignedInContext,
  query: CalendarQuery,
): Promise<StaffAppointment[]> {
  const practitionerIds = await authorizeWorkspace(ctx);
  const rows = await listPractitionerRange(ctx.db, practitionerIds, query.from, query.to);
  await writeAppointmentListRead(
    ctx.db,
    {
      at: ctx.clock.now(),
      actorUserId: ctx.actor.userId,
      actorRole: 'practitioner',
      ip: ctx.ip,
      details: { via: 'calendar' },
    },
    rows,
  );
  return rows.map(presentStaffAppointment);
}

/**
 * The appointment and the signed-in user's role for it: its practitioner, or an administrator of
 * its clinic. Anyone else gets 404, exactly as for an appointment that does not exist.
 */
async function appointmentForStaff(
  ctx: SignedInContext,
  id: string,
): Promise<{ appointment: StaffAppointmentRow; role: ActingRole }> {
  const appointment = await findStaffAppointment(ctx.db, id);
  if (!appointment) throw fail('not_found');
  const role = await authorize(ctx, 'appointment.manage', {
    clinicId: appointment.clinic.id,
    practitionerId: appointment.practitioner.id,
  });
  return { appointment, role };
}

async function detailOf(ctx: SignedInContext, id: string): Promise<StaffAppointmentDetail> {
  const [appointment, history] = await Promise.all([
    findStaffAppointment(ctx.db, id),
    findAppointmentHistory(ctx.db, id),
  ]);
  if (!appointment || !history) throw fail('not_found');
  return presentStaffAppointmentDetail(appointment, history);
}

/** One appointment with the patient's name, contact and comment; each view is audited. */
export async function readAppointmentDetail(
  ctx: SignedInContext,
  id: string,
): Promise<StaffAppointmentDetail> {
  const { appointment, role } = await appointmentForStaff(ctx, id);
  // Recorded before the data is returned: a read that fails to be audited does not happen.
  await writeAppointmentRead(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: role,
    ip: ctx.ip,
    appointment: { id: appointment.id, clinicId: appointment.clinic.id },
    details: { via: 'detail' },
  });
  return detailOf(ctx, id);
}

/**
 * Marks the appointment completed or no-show (see {@link canMark}), with who and when; audited.
 * Marking it again with the same status changes nothing.
 */
export async function markAppointment(
  ctx: SignedInContext,
  id: string,
  status: 'completed' | 'no_show',
): Promise<StaffAppointmentDetail> {
  const { appointment, role } = await appointmentForStaff(ctx, id);
  const now = ctx.clock.now();
  const isChanged = await withTransaction(ctx.db, async (tx) => {
    const locked = await lockAppointment(tx, id);
    if (!locked) throw fail('not_found');
    const decision = canMark(locked, now);
    if (!decision.ok) throw fail(decision.reason);
    if (locked.status === status) return false;
    await markStatus(tx, id, status, ctx.actor.userId, now);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: role,
      action: 'appointment.status',
      entityType: 'appointment',
      entityIds: [id],
      clinicIds: [locked.clinicId],
      ip: ctx.ip,
      details: { from: locked.status, to: status },
    });
    return true;
  });
  if (isChanged) await announceAppointmentsChanged(ctx.bus, appointment.practitioner.id, id);
  return detailOf(ctx, id);
}

/**
 * The clinic cancels a booked appointment (until its end; no deadline binds the clinic) with a
 * message to the patient, kept with the appointment. Its planned reminders are dropped and a
 * cancellation message to the patient is planned, in the same transaction; audited.
 */
export async function cancelByClinic(
  ctx: SignedInContext,
  id: string,
  message: string,
): Promise<StaffAppointmentDetail> {
  const { appointment, role } = await appointmentForStaff(ctx, id);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const locked = await lockAppointment(tx, id);
    if (!locked) throw fail('not_found');
    const decision = canClinicCancel(locked, now);
    if (!decision.ok) throw fail(decision.reason);
    await markCancelledByClinic(tx, id, ctx.actor.userId, message, now);
    await dropPlanned(tx, id, ['confirmation', 'reminder', 'moved'], 'cancelled', now);
    const planned = planCancellation(
      { id, version: 0, modality: locked.modality, start: locked.start },
      await findClinicSettings(tx, locked.clinicId),
      await findUserChannels(tx, locked.patientId),
      now,
    );
    await insertPlanned(
      tx,
      { userId: locked.patientId, appointmentId: id, version: null, now },
      planned,
    );
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: role,
      action: 'appointment.cancel',
      entityType: 'appointment',
      entityIds: [id],
      clinicIds: [locked.clinicId],
      ip: ctx.ip,
      // The message itself stays with the appointment, not in the trail.
      details: { by: 'clinic', messageLength: message.length },
    });
  });
  await announceAppointmentsChanged(ctx.bus, appointment.practitioner.id, id);
  return detailOf(ctx, id);
}
