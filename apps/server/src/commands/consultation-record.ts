import type { ConsultationRecord } from '@visitt/contracts';
import { findConsultation } from '../db/consultation-records';
import { listGuests } from '../db/guests';
import { findIdentification } from '../db/identifications';
import { writeAppointmentRead } from '../db/audit';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { authorize } from '../policies/authorize';
import { presentConsultationRecord } from '../presenters/consultation-record';

/** The forms the record is handed over in; each read is audited with its form. */
export type RecordFormat = 'json' | 'pdf' | 'fhir';

/**
 * The record of a video consultation for the patient journal, for its practitioner or an
 * administrator of its clinic (`appointment.record`); anyone else gets 404. An in-person
 * appointment has none (`not_video`), nor one the patient never started (`not_started`). Every
 * read is audited before the record is handed out.
 */
export async function readConsultationRecord(
  ctx: SignedInContext,
  id: string,
  format: RecordFormat,
): Promise<ConsultationRecord> {
  const row = await findConsultation(ctx.db, id);
  if (!row) throw fail('not_found');
  const role = await authorize(ctx, 'appointment.record', {
    clinicId: row.clinic.id,
    practitionerId: row.practitioner.id,
  });
  if (row.modality !== 'video') throw fail('not_video');
  const room = row.room;
  if (!room) throw fail('not_started');
  const now = ctx.clock.now();
  await writeAppointmentRead(ctx.db, {
    at: now,
    actorUserId: ctx.actor.userId,
    actorRole: role,
    ip: ctx.ip,
    appointment: { id: row.id, clinicId: row.clinic.id },
    details: { via: 'record', format },
  });
  return presentConsultationRecord(
    { ...row, room },
    await findIdentification(ctx.db, id),
    await listGuests(ctx.db, id),
    now,
  );
}
