import type { StaffAppointment } from '@visitt/contracts';
import { checkBookingTime, DAY, planMove, type Instant, type UserId } from '@visitt/domain';
import { writeAudit } from '../db/audit';
import { practitionerLockSql } from '../db/appointments';
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
import { staffRoleFor } from '../policies/staff';
import { presentStaffAppointment } from '../presenters/staff';
import { slotRulesOf } from '../scheduling/free-slots';

/**
 * The clinic moves an appointment to another free time of the same practitioner (its
 * practitioner or an administrator of its clinic may). The time must be on the practitioner's
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
  const role = await staffRoleFor(
    ctx.db,
    ctx.actor.userId,
    current.clinic.id,
    current.practitioner.id,
  );
  if (!role) throw fail('not_found');
  if (current.status !== 'booked')
    throw fail('not_cancellable', 'Only a booked appointment can be moved.');
  const { rows } = await ctx.db.query<{ appointment_type_id: string; patient_id: string }>(
    'SELECT appointment_type_id, patient_id FROM appointments WHERE id = $1',
    [id],
  );
  const type = await findAppointmentType(ctx.db, rows[0]!.appointment_type_id);
  if (!type) throw fail('not_found');
  const patientId = rows[0]!.patient_id as UserId;
  const start = parseInstant(newStart);
  const now = ctx.clock.now();
  const rules = { ...slotRulesOf(type), minimumNotice: 0 as never, horizon: (730 * DAY) as never };

  await withTransaction(ctx.db, async (tx) => {
    // Queue with bookings of this practitioner (see practitionerLockSql), then lock the row.
    await tx.query(`SELECT ${practitionerLockSql('$1')}`, [current.practitioner.id]);
    const locked = await tx.query<{ version: number; status: string }>(
      'SELECT version, status FROM appointments WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (locked.rows[0]?.status !== 'booked')
      throw fail('not_cancellable', 'Only a booked appointment can be moved.');
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
    const version = locked.rows[0].version + 1;
    await tx.query(
      `UPDATE appointments SET starts_at = to_timestamp($2 / 1000.0), ends_at = to_timestamp($3 / 1000.0),
              version = $4, updated_at = to_timestamp($5 / 1000.0) WHERE id = $1`,
      [id, decision.value.start, decision.value.end, version, now],
    );
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
  const moved = await findStaffAppointment(ctx.db, id);
  return presentStaffAppointment(moved!);
}
