import type { UpdateClinicBody } from '@visitt/contracts';
import { normalizePhone, parseTimeZoneId } from '@visitt/domain';
import { findAdminClinic, updateClinicProfile, type AdminClinicRow } from '../../db/clinic-profile';
import { writeAudit } from '../../db/audit';
import { clinicSearchText } from '../../db/clinics';
import { withTransaction, type Queryable } from '../../db/pool';
import type { SignedInContext } from '../../core/context';
import { fail, invalidField } from '../../core/errors';
import {
  auditOutsideRead,
  confirmed,
  needsConfirming,
  outsideAfterChange,
  type CheckedChange,
} from './outside-hours';

/** The clinic's profile (the caller has checked the administrator). */
export async function readClinicProfile(db: Queryable, clinicId: string): Promise<AdminClinicRow> {
  const clinic = await findAdminClinic(db, clinicId);
  if (!clinic) throw fail('not_found');
  return clinic;
}

const orNull = (text: string | null | undefined) => (text ? text : null);

/**
 * The clinic's phone number to save from `given`: in E.164 (8 digits are a Norwegian number),
 * null to remove it, undefined to keep the one saved. A number that cannot be one is 400
 * `validation_failed` with the issue on `phone`.
 */
function parseClinicPhone(given: string | null | undefined): string | null | undefined {
  if (given == null) return given;
  const phone = normalizePhone(given);
  if (!phone)
    throw invalidField('phone', 'invalid', 'phone: not a phone number patients can call.');
  return phone;
}

/**
 * Replaces the clinic's profile and keeps its search text in step. A new time zone moves every
 * wall-clock hour with it, so booked appointments may end up outside the hours: then nothing is
 * saved unless `confirm` is set (see {@link CheckedChange}). Audited with the fields changed.
 */
export async function saveClinicProfile(
  ctx: SignedInContext,
  clinicId: string,
  body: UpdateClinicBody,
): Promise<CheckedChange<AdminClinicRow>> {
  const timeZone = parseTimeZoneId(body.timeZone);
  if (!timeZone) throw fail('validation_failed', 'timeZone: not a time zone this server knows');
  const phone = parseClinicPhone(body.phone);
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const current = await findAdminClinic(tx, clinicId, { lock: true });
    if (!current) throw fail('not_found');
    const next: AdminClinicRow = {
      id: current.id,
      name: body.name,
      address: orNull(body.address),
      town: orNull(body.town),
      timeZone,
      listed: body.listed,
      requireStrongAuthForVideo: body.requireStrongAuthForVideo,
      language: body.language ?? current.language,
      videoInfo: body.videoInfo === undefined ? current.videoInfo : orNull(body.videoInfo),
      phone: phone === undefined ? current.phone : phone,
    };
    const outside =
      timeZone === current.timeZone ? [] : await outsideAfterChange(tx, current, { timeZone }, now);
    await auditOutsideRead(ctx, tx, clinicId, outside, 'hours-check');
    if (needsConfirming(outside, body.confirm)) return { saved: false, conflict: outside };

    await updateClinicProfile(
      tx,
      { ...next, searchText: clinicSearchText(next.name, next.town) },
      now,
    );
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof AdminClinicRow)[])
        .filter((key) => next[key] !== current[key])
        .map((key) => [key, { from: current[key], to: next[key] }]),
    );
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'settings.clinic.change',
      entityType: 'clinic',
      entityIds: [clinicId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: { changes, ...confirmed(outside) },
    });
    return { saved: true, value: next, outside };
  });
}
