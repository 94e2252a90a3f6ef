import type { AppointmentTypeBody } from '@visitt/contracts';
import {
  deleteOrDeactivateType,
  findAdminType,
  foreignPractitioners,
  insertType,
  replaceTypePractitioners,
  updateType,
  type AdminTypeRow,
  type TypeFields,
} from '../../db/appointment-types';
import { writeAudit } from '../../db/audit';
import { withTransaction, type Tx } from '../../db/pool';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';

const fieldsOf = (body: AppointmentTypeBody, active: boolean): TypeFields => ({
  name: body.name,
  description: body.description ? body.description : null,
  durationMinutes: body.durationMinutes,
  slotStepMinutes: body.slotStepMinutes ?? null,
  modality: body.modality,
  minimumNoticeMinutes: body.minimumNoticeMinutes,
  horizonDays: body.horizonDays,
  cancellationDeadlineMinutes: body.cancellationDeadlineMinutes,
  bookableOnline: body.bookableOnline,
  active: body.active ?? active,
});

async function requireOwnPractitioners(tx: Tx, clinicId: string, ids: readonly string[]) {
  const foreign = await foreignPractitioners(tx, clinicId, ids);
  if (foreign.length > 0)
    throw fail('unknown_practitioner', `Not practitioners of this clinic: ${foreign.join(', ')}`);
}

function audit(
  ctx: SignedInContext,
  tx: Tx,
  clinicId: string,
  typeId: string,
  action: string,
  details: Record<string, unknown> = {},
) {
  return writeAudit(tx, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: 'admin',
    action,
    entityType: 'appointment_type',
    entityIds: [typeId],
    clinicIds: [clinicId],
    ip: ctx.ip,
    details,
  });
}

/** Creates a type offered by the given practitioners of the clinic (422 `unknown_practitioner`). */
export async function createAppointmentType(
  ctx: SignedInContext,
  clinicId: string,
  body: AppointmentTypeBody,
): Promise<AdminTypeRow> {
  const id = await withTransaction(ctx.db, async (tx) => {
    await requireOwnPractitioners(tx, clinicId, body.practitionerIds);
    const id = await insertType(tx, clinicId, fieldsOf(body, true));
    await replaceTypePractitioners(tx, id, body.practitionerIds);
    await audit(ctx, tx, clinicId, id, 'appointment_type.create', { type: body });
    return id;
  });
  return (await findAdminType(ctx.db, clinicId, id))!;
}

/**
 * Replaces a type's settings and who offers it. Booked appointments keep what they were booked
 * with (their times and cancellation deadline are copied at booking).
 */
export async function saveAppointmentType(
  ctx: SignedInContext,
  clinicId: string,
  typeId: string,
  body: AppointmentTypeBody,
): Promise<AdminTypeRow> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await findAdminType(tx, clinicId, typeId, { lock: true });
    if (!current) throw fail('not_found');
    await requireOwnPractitioners(tx, clinicId, body.practitionerIds);
    await updateType(tx, typeId, fieldsOf(body, current.active));
    await replaceTypePractitioners(tx, typeId, body.practitionerIds);
    await audit(ctx, tx, clinicId, typeId, 'appointment_type.change', { type: body });
  });
  return (await findAdminType(ctx.db, clinicId, typeId))!;
}

/**
 * Deletes a type nobody has booked; a type with appointments is deactivated instead (kept for
 * them, no longer bookable).
 */
export async function removeAppointmentType(
  ctx: SignedInContext,
  clinicId: string,
  typeId: string,
): Promise<'deleted' | 'deactivated'> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await findAdminType(tx, clinicId, typeId, { lock: true });
    if (!current) throw fail('not_found');
    const result = await deleteOrDeactivateType(tx, typeId);
    await audit(
      ctx,
      tx,
      clinicId,
      typeId,
      `appointment_type.${result === 'deleted' ? 'delete' : 'deactivate'}`,
      {
        name: current.name,
      },
    );
    return result;
  });
}
