import type { IdentificationMethod as Method, IdentificationStatus } from '@visitt/contracts';
import {
  idPortenLevel,
  mustAskIdentification,
  type IdPortenLevel,
  type Instant,
} from '@visitt/domain';
import { writeAppointmentRead, writeAudit } from '../db/audit';
import {
  findIdentification,
  saveIdentification,
  wasIdentifiedBefore,
  type IdentificationRow,
} from '../db/identifications';
import { withTransaction, type Queryable } from '../db/pool';
import { findVideoAppointment, type VideoAppointment } from '../db/video';
import type { RequestContext, SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { formatZoned } from '../lib/zoned-format';
import { authorize } from '../policies/authorize';

/**
 * The video appointment whose patient the signed-in practitioner identifies: its practitioner
 * only (`appointment.identify`), anyone else as for a missing one; a video appointment that is
 * not cancelled.
 */
async function appointmentToIdentify(ctx: SignedInContext, id: string): Promise<VideoAppointment> {
  const appointment = await findVideoAppointment(ctx.db, id);
  if (!appointment) throw fail('not_found');
  await authorize(ctx, 'appointment.identify', {
    clinicId: appointment.clinicId,
    practitionerId: appointment.practitionerId,
  });
  if (appointment.modality !== 'video') throw fail('not_video');
  if (appointment.status === 'cancelled') throw fail('already_cancelled');
  return appointment;
}

async function statusOf(
  db: Queryable,
  appointment: VideoAppointment,
  identification: IdentificationRow | null,
): Promise<IdentificationStatus> {
  const identifiedBefore = await wasIdentifiedBefore(db, {
    clinicId: appointment.clinicId,
    patientId: appointment.patientId,
    before: appointment.start,
  });
  return {
    identification: identification && {
      method: identification.method,
      level: identification.level,
      recordedAt: formatZoned(identification.recordedAt, appointment.timeZone),
      recordedBy: identification.recordedBy,
    },
    // An ID-porten sign-in records itself whenever the patient opens the room (each visit of
    // the room page starts it), so "signed in strongly" is in `recorded`, with its level.
    needed: mustAskIdentification({
      recorded: identification && { method: identification.method, level: identification.level },
      patientSignedInStrongly: false,
      identifiedBefore,
    }),
  };
}

/** How the patient of `id` was identified, and whether the practitioner must still be asked. */
export async function readIdentification(
  ctx: SignedInContext,
  id: string,
): Promise<IdentificationStatus> {
  const appointment = await appointmentToIdentify(ctx, id);
  const status = await statusOf(ctx.db, appointment, await findIdentification(ctx.db, id));
  await writeAppointmentRead(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: 'practitioner',
    ip: ctx.ip,
    appointment,
  });
  return status;
}

/** The practitioner records (or corrects) how the patient was identified; audited. */
export async function recordIdentification(
  ctx: SignedInContext,
  id: string,
  method: Method,
): Promise<IdentificationStatus> {
  const appointment = await appointmentToIdentify(ctx, id);
  // Identified in a consultation that took place: not before the patient has started it.
  if (!appointment.room) throw fail('not_started');
  const now = ctx.clock.now();
  const previous = await findIdentification(ctx.db, id);
  await withTransaction(ctx.db, async (tx) => {
    await saveIdentification(tx, {
      appointmentId: appointment.id,
      method,
      level: null,
      recordedBy: ctx.actor.userId,
      now,
    });
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'practitioner',
      action: 'appointment.identify',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinicId],
      ip: ctx.ip,
      details: { method, previous: previous?.method ?? null },
    });
  });
  return statusOf(ctx.db, appointment, await findIdentification(ctx.db, id));
}

/**
 * A patient who starts the consultation from an ID-porten sign-in is identified by it, with its
 * level; recorded by itself, and never over what the practitioner recorded. A sign-in whose
 * `acr` is not ID-porten's (another provider) records nothing. Returns the level recorded.
 */
export async function identifyFromSignIn(
  db: Queryable,
  ctx: Pick<RequestContext, 'actor'>,
  appointmentId: string,
  now: Instant,
): Promise<IdPortenLevel | null> {
  const actor = ctx.actor;
  if (!actor || actor.authMethod !== 'oidc' || actor.staff) return null;
  const level = idPortenLevel(actor.acr);
  if (!level) return null;
  await saveIdentification(db, {
    appointmentId,
    method: 'id_porten',
    level,
    recordedBy: null,
    now,
  });
  return level;
}
