import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/commands/sign-in-password';
import { clinicSearchText } from '../src/db/clinics';
import type { Db } from '../src/db/pool';
import { createSession, type AuthMethod } from '../src/db/sessions';
import { sessionCookieName } from '../src/http/session';
import { Browser, type TestApp } from './harness';

const unique = () => randomBytes(4).toString('hex');

export async function buildClinic(
  db: Db,
  overrides: { name?: string; town?: string; timeZone?: string; listed?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `Klinikk ${unique()}`;
  const town = overrides.town ?? 'Oslo';
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO clinics (name, town, time_zone, listed, search_text) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [
      name,
      town,
      overrides.timeZone ?? 'Europe/Oslo',
      overrides.listed ?? true,
      clinicSearchText(name, town),
    ],
  );
  return { id: rows[0]!.id, name };
}

/** Weekly hours as `[weekdays, 'HH:MM', 'HH:MM']`, default Monday–Friday 08:00–16:00. */
export type HoursSpec = [number[], string, string][];

export async function buildPractitioner(
  db: Db,
  clinicId: string,
  overrides: { name?: string; hours?: HoursSpec; userId?: string; worksHolidays?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `Dr. ${unique()}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO practitioners (clinic_id, user_id, name, title, works_holidays)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [clinicId, overrides.userId ?? null, name, 'Fastlege', overrides.worksHolidays ?? false],
  );
  const id = rows[0]!.id;
  for (const [days, start, end] of overrides.hours ?? [[[1, 2, 3, 4, 5], '08:00', '16:00']]) {
    for (const weekday of days) {
      await db.query(
        'INSERT INTO weekly_hours (practitioner_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)',
        [id, weekday, start, end],
      );
    }
  }
  return { id, name };
}

export async function buildAppointmentType(
  db: Db,
  clinicId: string,
  practitionerIds: string[],
  overrides: {
    name?: string;
    duration?: number;
    modality?: 'video' | 'in_person';
    notice?: number;
    horizonDays?: number;
    cancelDeadline?: number;
    bookableOnline?: boolean;
  } = {},
): Promise<{ id: string }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointment_types (clinic_id, name, duration_minutes, modality, minimum_notice_minutes, horizon_days,
                                    cancellation_deadline_minutes, bookable_online)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      clinicId,
      overrides.name ?? `Videokonsultasjon ${overrides.duration ?? 15} min`,
      overrides.duration ?? 15,
      overrides.modality ?? 'video',
      overrides.notice ?? 0,
      overrides.horizonDays ?? 182,
      overrides.cancelDeadline ?? 24 * 60,
      overrides.bookableOnline ?? true,
    ],
  );
  const id = rows[0]!.id;
  for (const p of practitionerIds) {
    await db.query(
      'INSERT INTO appointment_type_practitioners (appointment_type_id, practitioner_id) VALUES ($1, $2)',
      [id, p],
    );
  }
  return { id };
}

export async function buildUser(
  db: Db,
  overrides: { email?: string; phone?: string; password?: string; name?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = overrides.email ?? `pasient-${unique()}@example.com`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, email_verified_at, phone, name, password_hash) VALUES ($1, now(), $2, $3, $4) RETURNING id`,
    [
      email,
      overrides.phone ?? null,
      overrides.name ?? null,
      overrides.password ? await hashPassword(overrides.password) : null,
    ],
  );
  return { id: rows[0]!.id, email };
}

export async function buildMembership(
  db: Db,
  clinicId: string,
  userId: string,
  roles: string[] = ['practitioner'],
) {
  await db.query('INSERT INTO clinic_memberships (clinic_id, user_id, roles) VALUES ($1, $2, $3)', [
    clinicId,
    userId,
    roles,
  ]);
}

/** A clinic with one practitioner (weekdays 08–16, Europe/Oslo) and a 15-minute video type. */
export async function buildBookableClinic(
  db: Db,
  typeOverrides: Parameters<typeof buildAppointmentType>[3] = {},
) {
  const clinic = await buildClinic(db);
  const practitioner = await buildPractitioner(db, clinic.id);
  const type = await buildAppointmentType(db, clinic.id, [practitioner.id], typeOverrides);
  return { clinic, practitioner, type };
}

/**
 * A session row made directly for the user (a staff session for `password`), as a `Cookie`
 * header value, so tests of what a user may do do not depend on how they sign in.
 */
export async function sessionCookieFor(
  app: Pick<TestApp, 'db' | 'clock' | 'config'>,
  userId: string,
  authMethod: AuthMethod = 'password',
): Promise<string> {
  const token = await createSession(app.db, {
    userId: userId as never,
    authMethod,
    staff: authMethod === 'password',
    now: app.clock.now(),
    absoluteMs: app.config.sessionAbsoluteMs,
  });
  return `${sessionCookieName(app.config.publicUrl)}=${token}`;
}

/** A browser signed in as the user ({@link sessionCookieFor}); the cookie goes with every request. */
export async function signInAs(
  app: TestApp,
  userId: string,
  authMethod: AuthMethod = 'password',
): Promise<Browser> {
  return new Browser(app, { cookie: await sessionCookieFor(app, userId, authMethod) });
}

/**
 * A user who is staff of the clinic with `roles`; a practitioner also gets a practitioner row
 * (weekdays 08–16 unless `hours` says otherwise).
 */
export async function buildStaff(
  db: Db,
  clinicId: string,
  options: {
    roles?: string[];
    name?: string;
    email?: string;
    password?: string;
    hours?: HoursSpec;
  } = {},
): Promise<{ userId: string; email: string; practitionerId: string | null }> {
  const roles = options.roles ?? ['practitioner'];
  const user = await buildUser(db, {
    name: options.name ?? `Ansatt ${unique()}`,
    ...(options.password ? { password: options.password } : {}),
    ...(options.email ? { email: options.email } : { email: `ansatt-${unique()}@example.com` }),
  });
  await buildMembership(db, clinicId, user.id, roles);
  const practitioner = roles.includes('practitioner')
    ? await buildPractitioner(db, clinicId, {
        userId: user.id,
        ...(options.name ? { name: options.name } : {}),
        ...(options.hours ? { hours: options.hours } : {}),
      })
    : null;
  return { userId: user.id, email: user.email, practitionerId: practitioner?.id ?? null };
}

/**
 * An appointment written straight into the database (no slot rules), for tests about what
 * happens to appointments after booking. `start` is ISO 8601.
 */
export async function buildAppointment(
  db: Db,
  input: {
    clinicId: string;
    practitionerId: string;
    patientId: string;
    typeId: string;
    start: string;
    minutes?: number;
    modality?: 'video' | 'in_person';
    status?: 'booked' | 'cancelled' | 'completed' | 'no_show';
    comment?: string;
  },
): Promise<{ id: string }> {
  const start = Date.parse(input.start);
  const end = start + (input.minutes ?? 15) * 60_000;
  const status = input.status ?? 'booked';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                               status, comment, cancellation_deadline_minutes, cancelled_at)
     VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8, $9, 0,
             CASE WHEN $8 = 'cancelled' THEN now() END)
     RETURNING id`,
    [
      input.clinicId,
      input.practitionerId,
      input.patientId,
      input.typeId,
      input.modality ?? 'video',
      start,
      end,
      status,
      input.comment ?? null,
    ],
  );
  return { id: rows[0]!.id };
}
