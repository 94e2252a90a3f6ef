import type { BookAppointmentBody } from '@visitt/contracts';
import { randomUUID } from 'node:crypto';
import {
  checkBookingTime,
  DAY,
  planBooking,
  type AppointmentId,
  type Instant,
} from '@visitt/domain';
import { insertAppointment, type AppointmentView } from '../db/appointments';
import { findBookingContext } from '../db/clinics';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { parseInstant } from '../lib/zoned-format';
import { announceAppointmentsChanged } from '../signaling/messages';
import { slotRulesOf } from '../scheduling/free-slots';

/**
 * Books a free slot for the signed-in patient, with its confirmation and reminders planned:
 * two round trips to the database (three with the session lookup).
 *
 * The slot rules are checked against committed appointments, then the appointment and its
 * audit row are inserted in one statement. No transaction spans the two: a booking racing for
 * the same time between check and insert is stopped by the database's exclusion constraint,
 * which the error handler turns into 409 `slot_taken`. Either way nothing is written on refusal.
 * A patient who has not given their given name, family name and date of birth is refused with
 * 409 `profile_incomplete`.
 */
export async function bookAppointment(
  ctx: SignedInContext,
  body: BookAppointmentBody,
): Promise<AppointmentView> {
  const patientId = ctx.actor.userId;
  const start = parseInstant(body.start);
  // A day either side covers any slot containing `start`, whatever its length.
  const around = { start: (start - DAY) as Instant, end: (start + DAY) as Instant };
  const context = await findBookingContext(
    ctx.db,
    body.appointmentTypeId,
    body.practitionerId,
    around,
    patientId,
  );
  if (!context) throw fail('not_found', 'No such practitioner or appointment type.');
  // The clinic must be able to tell who the patient is before anything is booked.
  if (!context.patientProfileComplete) throw fail('profile_incomplete');
  const { type, practitioner, clinic, schedule } = context;
  if (!type.bookableOnline || !context.offered) throw fail('not_bookable');

  const now = ctx.clock.now();
  const rules = slotRulesOf(type);
  const decision = checkBookingTime(
    { availability: schedule.availability, busy: schedule.busy, rules, now },
    start,
  );
  if (!decision.ok) throw fail(decision.reason);

  const comment = body.comment ? body.comment : null;
  const id = randomUUID() as AppointmentId;
  // The confirmation and reminders are planned in the same statement as the booking.
  const planned = planBooking(
    { id, version: 1, modality: type.modality, start: decision.value.start },
    context.settings,
    context.patientChannels,
    now,
  );
  await insertAppointment(
    ctx.db,
    {
      id,
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
    },
    planned,
  );
  await announceAppointmentsChanged(ctx.bus, practitioner.id, id);
  return {
    id,
    status: 'booked',
    version: 1,
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
