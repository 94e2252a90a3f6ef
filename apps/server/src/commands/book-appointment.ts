import type { BookAppointmentBody } from '@visitt/contracts';
import { checkBookingTime, DAY, type Instant } from '@visitt/domain';
import {
  findPatientAppointment,
  insertAppointment,
  type AppointmentView,
} from '../db/appointments';
import { writeAudit } from '../db/audit';
import { findAppointmentType, findClinic, findPractitioner } from '../db/clinics';
import { withTransaction } from '../db/pool';
import { loadSchedules } from '../db/scheduling';
import type { SignedInContext } from '../http/context';
import { fail } from '../http/errors';
import { parseInstant } from '../lib/zoned-format';
import { slotRulesOf } from '../scheduling/free-slots';

/**
 * Books a free slot for the signed-in patient. The slot rules are checked against committed
 * appointments; a booking racing for the same time is stopped by the database's exclusion
 * constraint, which the error handler turns into 409 `slot_taken`. Either way nothing is written.
 */
export async function bookAppointment(
  ctx: SignedInContext,
  body: BookAppointmentBody,
): Promise<AppointmentView> {
  const patientId = ctx.actor.userId;
  const [type, practitioner] = await Promise.all([
    findAppointmentType(ctx.db, body.appointmentTypeId),
    findPractitioner(ctx.db, body.practitionerId),
  ]);
  if (!type || !type.active || !practitioner || practitioner.clinicId !== type.clinicId) {
    throw fail('not_found', 'No such practitioner or appointment type.');
  }
  if (!type.bookableOnline || !type.practitionerIds.includes(practitioner.id))
    throw fail('not_bookable');
  const clinic = await findClinic(ctx.db, type.clinicId, null);
  if (!clinic) throw fail('not_found');

  const start = parseInstant(body.start);
  const now = ctx.clock.now();
  const rules = slotRulesOf(type);
  const comment = body.comment ? body.comment : null;

  const id = await withTransaction(ctx.db, async (tx) => {
    // A day either side covers any slot containing `start`, whatever the zone's offset.
    const around = {
      start: (start - DAY) as Instant,
      end: (start + rules.duration + DAY) as Instant,
    };
    const schedule = (await loadSchedules(tx, clinic, [practitioner.id], around)).get(
      practitioner.id,
    )!;
    const decision = checkBookingTime(
      { availability: schedule.availability, busy: schedule.busy, rules, now },
      start,
    );
    if (!decision.ok) throw fail(decision.reason);
    const appointmentId = await insertAppointment(tx, {
      clinicId: clinic.id,
      practitionerId: practitioner.id,
      patientId,
      appointmentTypeId: type.id,
      modality: type.modality,
      start: decision.value.start,
      end: decision.value.end,
      comment,
      cancellationDeadlineMinutes: type.cancellationDeadlineMinutes,
      now,
    });
    await writeAudit(tx, {
      at: now,
      actorUserId: patientId,
      actorRole: 'patient',
      action: 'appointment.create',
      entityType: 'appointment',
      entityIds: [appointmentId],
      clinicIds: [clinic.id],
      ip: ctx.ip,
    });
    return appointmentId;
  });
  const booked = await findPatientAppointment(ctx.db, id, patientId);
  if (!booked) throw new Error('booked appointment vanished');
  return booked;
}
