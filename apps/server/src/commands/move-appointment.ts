import type { StaffAppointment } from '@visitt/contracts';
import { canClinicMove, checkBookingTime, DAY, planMove, type Instant } from '@visitt/domain';
import { writeAudit } from '../db/audit';
import {
  findAppointmentTypeAndPatient,
  lockAppointmentForMove,
  updateAppointmentTime,
} from '../db/appointment-moves';
import { findAppointmentType } from '../db/clinics';
import {
  dropPlanned,
  findClinicSettings,
  findUserChannels,
  insertPlanned,
} from '../db/notifications';
import { withTransaction } from '../db/pool';
import { loadSchedules } from '../db/scheduling';
import { findStaffAppointment } from '../db/staff';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { parseInstant } from '../lib/zoned-format';
import { authorize } from '../policies/authorize';
import { presentStaffAppointment } from '../presenters/staff';
import { slotRulesOf } from '../scheduling/free-slots';
import { announceAppointmentsChanged } from '../signaling/messages';

/**
 * The clinic moves an appointment to another free time of the same practitioner (its
 * practitioner or an administrator of its clinic may; see `canClinicMove` for which ones). The time must be on the practitioner's
 * slot grid and free; notice and horizon are the patient's limits and do not bind the clinic.
 * Old reminders are dropped and the patient is told, in the same transaction.
 */
export async function moveAppointment(
  ctx: SignedInContext,
  id: string,
  newStart: string,
): Promise<StaffAppointment> {
  const current = await findStaffAppointment(ctx.db, id);
  if (!current) throw fail('not_found');
  const role = await authorize(ctx, 'appointment.manage', {
    clinicId: current.clinic.id,
    practitionerId: current.practitioner.id,
  });
  const now = ctx.clock.now();
  const movable = canClinicMove(current, now);
  if (!movable.ok)
    throw fail(movable.reason, 'Only a booked appointment that has not ended can be moved.');
  const refs = await findAppointmentTypeAndPatient(ctx.db, id);
  if (!refs) throw fail('not_found');
  const type = await findAppointmentType(ctx.db, refs.appointmentTypeId);
  if (!type) throw fail('not_found');
  const { patientId } = refs;
  const start = parseInstant(newStart);
  const rules = { ...slotRulesOf(type), minimumNotice: 0 as never, horizon: (730 * DAY) as never };

  await withTransaction(ctx.db, async (tx) => {
    const locked = await lockAppointmentForMove(tx, id, current.practitioner.id);
    // Changed since it was read (cancelled or marked a moment ago).
    if (locked?.status !== 'booked')
      throw fail('not_cancellable', 'Only a booked appointment that has not ended can be moved.');
    const practitionerId = current.practitioner.id;
    const around = { start: (start - DAY) as Instant, end: (start + DAY) as Instant };
    const schedule = (
      await loadSchedules(
        tx,
        { id: current.clinic.id, timeZone: current.timeZone },
        [practitionerId],
        around,
      )
    ).get(practitionerId)!;
    // The appointment's own time does not keep it from moving within it.
    const busy = schedule.busy.filter((b) => !(b.start === current.start && b.end === current.end));
    const decision = checkBookingTime(
      { availability: schedule.availability, busy, rules, now },
      start,
    );
    if (!decision.ok)
      throw fail(
        decision.reason === 'too_soon' || decision.reason === 'beyond_horizon'
          ? 'slot_unavailable'
          : decision.reason,
      );
    const version = locked.version + 1;
    await updateAppointmentTime(tx, id, {
      start: decision.value.start,
      end: decision.value.end,
      version,
      now,
    });
    await dropPlanned(tx, id, ['confirmation', 'reminder', 'moved'], 'moved', now);
    const planned = planMove(
      { id, version, modality: current.modality, start: decision.value.start },
      await findClinicSettings(tx, current.clinic.id),
      await findUserChannels(tx, patientId),
      now,
    );
    await insertPlanned(tx, { userId: patientId, appointmentId: id, version, now }, planned);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: role,
      action: 'appointment.move',
      entityType: 'appointment',
      entityIds: [id],
      clinicIds: [current.clinic.id],
      ip: ctx.ip,
      details: {
        from: new Date(current.start).toISOString(),
        to: new Date(decision.value.start).toISOString(),
      },
    });
  });
  await announceAppointmentsChanged(ctx.bus, current.practitioner.id, id);
  const moved = await findStaffAppointment(ctx.db, id);
  return presentStaffAppointment(moved!);
}
