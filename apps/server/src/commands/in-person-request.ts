import type { InPersonRequest, StaffAppointment, VideoInfo } from '@visitt/contracts';
import {
  canAnswerInPersonRequest,
  canRequestInPerson,
  planInPersonAnswer,
  type AppointmentId,
} from '@visitt/domain';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { findPatientAppointment } from '../db/appointments';
import { writeAppointmentRead, writeAudit } from '../db/audit';
import { findAdminClinic } from '../db/clinic-profile';
import {
  findInPersonRequest,
  saveInPersonAnswer,
  saveInPersonRequest,
} from '../db/in-person-requests';
import {
  dropPlanned,
  findClinicSettings,
  findUserChannels,
  insertPlanned,
} from '../db/notifications';
import { withTransaction, type Queryable } from '../db/pool';
import { findStaffAppointment } from '../db/staff';
import { zonedFormatter } from '../lib/zoned-format';
import { authorize } from '../policies/authorize';
import { presentInPersonRequest, presentStaffAppointment } from '../presenters/staff';
import { announceAppointmentsChanged } from '../signaling/messages';

const requestRefusal = {
  not_video: 'not_video',
  cancelled: 'not_allowed',
  too_late: 'too_late',
} as const;

const answerRefusal = {
  no_request: 'no_in_person_request',
  already_answered: 'already_answered',
} as const;

/** The patient's own video appointment, or 404 (someone else's is the same as a missing one). */
async function ownVideoAppointment(ctx: SignedInContext, id: string, forUpdate = false) {
  const appointment = await findPatientAppointment(ctx.db, id, ctx.actor.userId, { forUpdate });
  if (!appointment) throw fail('not_found');
  if (appointment.modality !== 'video') throw fail('not_video');
  return appointment;
}

/**
 * What the information step before the waiting room shows the patient: their clinic's text
 * (null: the standard text) and their request for an in-person appointment, if any. Audited
 * as a read of the appointment by its patient.
 */
export async function readVideoInfo(ctx: SignedInContext, id: string): Promise<VideoInfo> {
  const appointment = await ownVideoAppointment(ctx, id);
  const [clinic, request] = await Promise.all([
    findAdminClinic(ctx.db, appointment.clinic.id),
    findInPersonRequest(ctx.db, appointment.id),
  ]);
  await writeAppointmentRead(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: 'patient',
    ip: ctx.ip,
    appointment: { id: appointment.id, clinicId: appointment.clinic.id },
    details: { via: 'video_info' },
  });
  const format = zonedFormatter(appointment.clinic.timeZone);
  return {
    clinicText: clinic?.videoInfo ?? null,
    inPersonRequest: request ? presentInPersonRequest(request, format) : null,
  };
}

/**
 * "Be om oppmøte i stedet": the patient asks the clinic for an in-person appointment instead of
 * this video consultation (the domain's `canRequestInPerson`: until its window closes). Asking
 * again opens the request anew. Audited; the practitioner's workspace and calendar show it at
 * once.
 */
export async function requestInPerson(
  ctx: SignedInContext,
  id: string,
  reason: string | null,
): Promise<InPersonRequest> {
  const now = ctx.clock.now();
  const { appointment, request } = await withTransaction(ctx.db, async (tx) => {
    const appointment = await findPatientAppointment(tx, id, ctx.actor.userId, {
      forUpdate: true,
    });
    if (!appointment) throw fail('not_found');
    const decision = canRequestInPerson(appointment, now);
    if (!decision.ok) throw fail(requestRefusal[decision.reason]);
    const request = await saveInPersonRequest(tx, appointment.id, reason || null, now);
    // An earlier answer is withdrawn, and so is its message if it has not gone yet.
    await dropPlanned(tx, appointment.id, ['in_person_answer'], 'asked again', now);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'patient',
      action: 'appointment.in_person_request',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinic.id],
      ip: ctx.ip,
    });
    return { appointment, request };
  });
  await announceAppointmentsChanged(ctx.bus, appointment.practitioner.id, appointment.id);
  return presentInPersonRequest(request, zonedFormatter(appointment.clinic.timeZone));
}

/**
 * The clinic answers the request (its practitioner or an administrator, `appointment.manage`;
 * 404 for anyone else): the answer is kept with the request and sent to the patient as a message
 * on the channel the one channel rule picks (SMS first), with push where they have it. Once per
 * request: asking again opens a new one.
 */
export async function answerInPersonRequest(
  ctx: SignedInContext,
  id: string,
  text: string,
): Promise<StaffAppointment> {
  const found = await findStaffAppointment(ctx.db, id);
  if (!found) throw fail('not_found');
  const role = await authorize(ctx, 'appointment.manage', {
    clinicId: found.clinic.id,
    practitionerId: found.practitioner.id,
  });
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const request = await findInPersonRequest(tx, found.id, { forUpdate: true });
    const decision = canAnswerInPersonRequest(request);
    if (!decision.ok) throw fail(answerRefusal[decision.reason]);
    await saveInPersonAnswer(tx, found.id, text, ctx.actor.userId, now);
    const patientId = await patientOf(tx, found.id);
    await insertPlanned(
      tx,
      { userId: patientId, appointmentId: found.id, version: null, now },
      planInPersonAnswer(
        { id: found.id, version: 0, modality: found.modality, start: found.start },
        await findClinicSettings(tx, found.clinic.id),
        await findUserChannels(tx, patientId),
        now,
      ),
    );
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: role,
      action: 'appointment.in_person_answer',
      entityType: 'appointment',
      entityIds: [found.id],
      clinicIds: [found.clinic.id],
      ip: ctx.ip,
    });
  });
  await announceAppointmentsChanged(ctx.bus, found.practitioner.id, found.id);
  const answered = await findStaffAppointment(ctx.db, id);
  if (!answered) throw fail('not_found');
  return presentStaffAppointment(answered);
}

async function patientOf(db: Queryable, id: AppointmentId): Promise<string> {
  const { rows } = await db.query<{ patient_id: string }>(
    'SELECT patient_id FROM appointments WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw fail('not_found');
  return rows[0].patient_id;
}
