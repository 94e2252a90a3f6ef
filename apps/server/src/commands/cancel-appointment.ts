import { canCancel, minutes, planCancellation } from '@visitt/domain';
import { findPatientAppointment, markCancelled, type AppointmentView } from '../db/appointments';
import { writeAudit } from '../db/audit';
import {
  dropPlanned,
  findClinicSettings,
  findUserChannels,
  insertPlanned,
} from '../db/notifications';
import { withTransaction } from '../db/pool';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { announceAppointmentsChanged } from '../signaling/messages';

/**
 * The patient cancels their own appointment, until its cancellation deadline. Someone else's
 * appointment is 404, exactly like one that does not exist.
 */
export async function cancelAppointment(
  ctx: SignedInContext,
  id: string,
): Promise<AppointmentView> {
  const patientId = ctx.actor.userId;
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const appointment = await findPatientAppointment(tx, id, patientId, { forUpdate: true });
    if (!appointment) throw fail('not_found');
    const decision = canCancel(
      {
        status: appointment.status,
        start: appointment.start,
        cancellationDeadline: minutes(appointment.cancellationDeadlineMinutes),
      },
      now,
    );
    if (!decision.ok) throw fail(decision.reason);
    if (!(await markCancelled(tx, appointment.id, patientId, now))) throw fail('already_cancelled');
    // Its reminders go; a message confirming the cancellation is planned in the same transaction.
    await dropPlanned(tx, appointment.id, ['confirmation', 'reminder', 'moved'], 'cancelled', now);
    const planned = planCancellation(
      { id: appointment.id, version: 0, modality: appointment.modality, start: appointment.start },
      await findClinicSettings(tx, appointment.clinic.id),
      await findUserChannels(tx, patientId),
      now,
    );
    await insertPlanned(
      tx,
      { userId: patientId, appointmentId: appointment.id, version: null, now },
      planned,
    );
    await writeAudit(tx, {
      at: now,
      actorUserId: patientId,
      actorRole: 'patient',
      action: 'appointment.cancel',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinic.id],
      ip: ctx.ip,
    });
  });
  const cancelled = await findPatientAppointment(ctx.db, id, patientId);
  if (!cancelled) throw fail('not_found');
  await announceAppointmentsChanged(ctx.bus, cancelled.practitioner.id, id);
  return cancelled;
}
