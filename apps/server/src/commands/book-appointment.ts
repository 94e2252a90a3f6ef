import type { BookAppointmentBody } from '@visitt/contracts';
import { checkBookingTime, DAY, type Instant } from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';
import { insertAppointment } from '../db/appointments';
import { findBookingTarget } from '../db/clinics';
import { loadSchedules } from '../db/scheduling';
import type { SignedInContext } from '../http/context';
import { fail } from '../http/errors';
import { parseInstant } from '../lib/zoned-format';
import { slotRulesOf } from '../scheduling/free-slots';

/**
 * Books a free slot for the signed-in patient: three round trips to the database.
 *
 * The slot rules are checked against committed appointments, then the appointment and its
 * audit row are inserted in one statement. No transaction spans the two: a booking racing for
 * the same time between check and insert is stopped by the database's exclusion constraint,
 * which the error handler turns into 409 `slot_taken`. Either way nothing is written on refusal.
 */
export async function bookAppointment(
  ctx: SignedInContext,
  body: BookAppointmentBody,
): Promise<AppointmentView> {
  const patientId = ctx.actor.userId;
  const target = await findBookingTarget(ctx.db, body.appointmentTypeId, body.practitionerId);
  if (!target) throw fail('not_found', 'No such practitioner or appointment type.');
  const { type, practitioner, clinic } = target;
  if (!type.bookableOnline || !target.offered) throw fail('not_bookable');

  const start = parseInstant(body.start);
  const now = ctx.clock.now();
  const rules = slotRulesOf(type);
  // A day either side covers any slot containing `start`, whatever the zone's offset.
  const around = {
    start: (start - DAY) as Instant,
    end: (start + rules.duration + DAY) as Instant,
  };
  const schedule = (await loadSchedules(ctx.db, clinic, [practitioner.id], around)).get(
    practitioner.id,
  )!;
  const decision = checkBookingTime(
    { availability: schedule.availability, busy: schedule.busy, rules, now },
    start,
  );
  if (!decision.ok) throw fail(decision.reason);

  const comment = body.comment ? body.comment : null;
  const id = await insertAppointment(ctx.db, {
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
    ip: ctx.ip,
  });
  return {
    id,
    status: 'booked',
    start: decision.value.start,
    end: decision.value.end,
    modality: type.modality,
    comment,
    patientId,
    cancellationDeadlineMinutes: type.cancellationDeadlineMinutes,
    createdAt: now,
    cancelledAt: null,
    clinic,
    practitioner: { id: practitioner.id, name: practitioner.name, title: practitioner.title },
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
  };
}
