import type { MyAppointmentsQuery } from '@visitt/contracts';
import {
  findPatientAppointment,
  listPatientAppointments,
  type AppointmentView,
} from '../db/appointments';
import { writeAppointmentListRead, writeAppointmentRead } from '../db/audit';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';

async function auditRead(
  ctx: SignedInContext,
  appointment: AppointmentView,
  how: string,
): Promise<void> {
  await writeAppointmentRead(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: 'patient',
    ip: ctx.ip,
    appointment: { id: appointment.id, clinicId: appointment.clinic.id },
    details: { via: how },
  });
}

/** One of the patient's own appointments (404 for anyone else's), with the read audited. */
export async function readAppointment(
  ctx: SignedInContext,
  id: string,
  how = 'detail',
): Promise<AppointmentView> {
  const appointment = await findPatientAppointment(ctx.db, id, ctx.actor.userId);
  if (!appointment) throw fail('not_found');
  await auditRead(ctx, appointment, how);
  return appointment;
}

/** The patient's own appointments in a scope, with the read audited as one row per clinic. */
export async function readMyAppointments(
  ctx: SignedInContext,
  query: MyAppointmentsQuery,
): Promise<AppointmentView[]> {
  const appointments = await listPatientAppointments(
    ctx.db,
    ctx.actor.userId,
    query.scope,
    ctx.clock.now(),
  );
  await writeAppointmentListRead(
    ctx.db,
    {
      at: ctx.clock.now(),
      actorUserId: ctx.actor.userId,
      actorRole: 'patient',
      ip: ctx.ip,
      details: { via: 'list' },
    },
    appointments,
  );
  return appointments;
}
